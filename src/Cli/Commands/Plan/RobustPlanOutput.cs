using Scaling.Campaign;
using Scaling.Fitting;
using Scaling.Laws;

namespace Scaling.Cli.Commands.Plan;

/// <summary><c>scaling plan --robust --law fit.json --json</c>: the size minimising the expected (or quantile) loss over the refits.</summary>
internal sealed record RobustPlanOutput(
    string Law, double Flops, string Criterion, double? Quantile, int Refits, double Parameters, double Tokens, double Loss,
    double PointParameters, double PointLoss, double Gain,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] RangeOutput? RefitParameters)
{
    public static RobustPlanOutput From(FittedLaw law, RobustPlan plan)
    {
        var spread = Interval.FromSamples(plan.PointParameters, plan.LawsOptimalParameters);
        return new(
            law.Law.Name, plan.Flops, plan.Quantile is null ? "expected" : "quantile", plan.Quantile, law.Resamples.Count, plan.Parameters, plan.Tokens,
            plan.Loss, plan.PointParameters, plan.PointLoss, plan.Gain, new RangeOutput(spread.Lower, spread.Upper));
    }

    /// <summary>What the robust choice hedges: <c>bootstrap refits</c> (absent) or <c>calibrated N* interval</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Uncertainty { get; init; }

    /// <summary>With a calibrated interval: how far the budget lies beyond the fit's largest budget, in decades.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? Decades { get; init; }

    /// <summary>With a calibrated interval: what the point plan rests on, with its level, distance and warnings (as <c>scaling plan</c> prints it).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Cli.Shared.PlanBasisOutput? Basis { get; init; }

    /// <summary>With a calibrated interval: the point plan's N*, D* and D*/N* intervals hedged over (the same as <c>scaling plan</c>'s).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Cli.Shared.OptimumIntervalsOutput? Intervals { get; init; }

    /// <summary>The robust plan over a fit's calibrated N* interval (<c>refits</c> is 0; <c>intervals</c> holds the interval).</summary>
    public static RobustPlanOutput FromCalibrated(FittedLaw law, RobustPlan plan, Scaling.Allocation.ForecastPlan forecast) =>
        new(
            law.Law.Name, plan.Flops, plan.Quantile is null ? "expected" : "quantile", plan.Quantile, 0, plan.Parameters, plan.Tokens,
            plan.Loss, plan.PointParameters, plan.PointLoss, plan.Gain, null)
        {
            Uncertainty = "calibrated N* interval",
            Decades = forecast.Forecast.Decades,
            Basis = Cli.Shared.PlanBasisOutput.From(forecast),
            Intervals = Cli.Shared.OptimumIntervalsOutput.From(forecast.Forecast),
        };
}

/// <summary>A range without an estimate.</summary>
internal sealed record RangeOutput(double Lower, double Upper);

/// <summary><c>scaling plan --robust --json</c> with a preset: the consensus of the published loss laws.</summary>
internal sealed record ConsensusOutput(double Flops, string Criterion, double Parameters, double Tokens, double Spread, double MaxRegret, IReadOnlyList<LawViewOutput> Laws)
{
    public static ConsensusOutput From(LawConsensus consensus) => new(
        consensus.Flops, "consensus", consensus.Parameters, consensus.Tokens, consensus.Spread, consensus.MaxRegret,
        consensus.Laws.Select(v => new LawViewOutput(v.Name, v.OptimalParameters, v.OptimalLoss, v.Loss, v.Regret)).ToArray());
}

/// <summary>What one published law predicts for the consensus size.</summary>
internal sealed record LawViewOutput(string Name, double OptimalParameters, double OptimalLoss, double Loss, double Regret);
