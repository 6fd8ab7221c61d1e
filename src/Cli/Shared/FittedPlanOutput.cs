using System.Text.Json.Serialization;
using Scaling.Allocation;
using Scaling.Fitting.Bootstrap;

namespace Scaling.Cli.Shared;

/// <summary>
/// What the plan of a fit rests on (<see cref="FittedPlan"/>), as <c>scaling fit</c> and <c>scaling plan --law fit.json</c>
/// print it: <c>kind</c> "forecast" (the calibrated forecast of N*, with its method, level and distance) or "law" (the
/// fitted law's own optimum, with why there is no calibrated interval).
/// </summary>
internal sealed record PlanBasisOutput(string Kind, bool Calibrated)
{
    /// <summary>The forecast's method (drift, approach2, varpro, approach3).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Method { get; init; }

    /// <summary>The level of the plan's intervals (0.95).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Level { get; init; }

    /// <summary>The largest IsoFLOP budget of the runs, in FLOPs.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? LargestBudgetFlops { get; init; }

    /// <summary>log10(budget / largest run budget).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Decades { get; init; }

    /// <summary>budget / largest run budget (30 when the largest run budget is 1/30 of this one).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? BudgetRatio { get; init; }

    /// <summary>The distance in words: "Your largest run budget (1.00E+20 FLOPs) is 1/30 of this budget: 1.5 decades of extrapolation."</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Distance { get; init; }

    /// <summary>What the interval does not rest on.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Warnings { get; init; }

    /// <summary>Why the plan has no calibrated interval (basis "law").</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NoForecast { get; init; }

    public static PlanBasisOutput From(FittedPlan plan) => plan switch
    {
        ForecastPlan f => new PlanBasisOutput("forecast", f.Forecast.Calibrated)
        {
            Method = Fitting.Extrapolation.ExtrapolationMethodNames.Name(f.Method),
            Level = f.Forecast.Level,
            LargestBudgetFlops = f.Forecast.LargestBudgetFlops,
            Decades = f.Forecast.Decades,
            BudgetRatio = f.Forecast.BudgetRatio,
            Distance = f.Forecast.Distance,
            Warnings = f.Forecast.Warnings,
        },
        LawPlan l => new PlanBasisOutput("law", false) { Level = l.LawIntervals?.Parameters.Level, NoForecast = l.NoForecast },
        _ => throw new System.Diagnostics.UnreachableException($"FittedPlan has two kinds; got {plan.GetType().Name}."),
    };
}

/// <summary>
/// The fitted law's own optimum at the budget, kept beside a plan that rests on the calibrated forecast, with its
/// bootstrap intervals (which measure the runs' noise only) and a note that says so.
/// </summary>
internal sealed record LawOptimumOutput(double Flops, double Parameters, double Tokens, double TokensPerParameter, string Note)
{
    /// <summary>The law's predicted loss there (null for an allocation rule).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Loss { get; init; }

    /// <summary>The run-bootstrap intervals of N*, D* and D*/N*, when the fit carries refits.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OptimumIntervalsOutput? Intervals { get; init; }

    /// <summary>"The fitted law's own optimum; its interval is the run bootstrap's: it measures the runs' noise, not the error of the law's form."</summary>
    public const string LawNote = "the fitted law's own optimum; its intervals are percentiles over bootstrap refits of the runs: they measure the runs' noise, not the error of the law's form, which dominates beyond the runs";

    public static LawOptimumOutput From(ComputeOptimum optimum, OptimumIntervalsOutput? intervals) =>
        new(optimum.Flops, optimum.Parameters, optimum.Tokens, optimum.TokensPerParameter, LawNote)
        {
            Loss = optimum is LossOptimum { Loss: var loss } ? loss : null,
            Intervals = intervals,
        };
}

/// <summary>Intervals of N*, D* and D*/N* at a budget.</summary>
internal sealed record OptimumIntervalsOutput(IntervalOutput Parameters, IntervalOutput Tokens, IntervalOutput TokensPerParameter)
{
    public static OptimumIntervalsOutput? From(OptimumIntervals? i) =>
        i is null ? null : new(IntervalOutput.From(i.Parameters), IntervalOutput.From(i.Tokens), IntervalOutput.From(i.TokensPerParameter));

    public static OptimumIntervalsOutput? From(AllocationIntervals? i) =>
        i is null ? null : new(IntervalOutput.From(i.Parameters), IntervalOutput.From(i.Tokens), IntervalOutput.From(i.TokensPerParameter));

    /// <summary>The calibrated interval of a forecast.</summary>
    public static OptimumIntervalsOutput From(Fitting.Extrapolation.ExtrapolatedOptimum at) =>
        new(
            IntervalOutput.Calibrated(at.Parameters, at.ParametersLower, at.ParametersUpper),
            IntervalOutput.Calibrated(at.Tokens, at.TokensLower, at.TokensUpper),
            IntervalOutput.Calibrated(at.TokensPerParameter, at.TokensPerParameterLower, at.TokensPerParameterUpper));
}
