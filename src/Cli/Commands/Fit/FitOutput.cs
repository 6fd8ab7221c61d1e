using System.Text.Json.Serialization;
using Scaling.Allocation;
using Scaling.Cli.Shared;
using Scaling.Fitting;
using Scaling.Fitting.Approach2;
using Scaling.Fitting.Approach3;
using Scaling.Fitting.Bootstrap;

namespace Scaling.Cli.Commands.Fit;

/// <summary>
/// What <c>scaling fit --json</c> prints and <c>--out</c> writes for one approach: Approach 3's law
/// (<see cref="Approach3Output"/>), Approach 1's or 2's rule (<see cref="AllocationFitOutput"/>), or, under
/// <c>--approach all</c>, an approach the runs could not support (<see cref="SkippedApproachOutput"/>).
/// </summary>
[JsonDerivedType(typeof(Approach3Output))]
[JsonDerivedType(typeof(AllocationFitOutput))]
[JsonDerivedType(typeof(SkippedApproachOutput))]
internal abstract record FitOutput
{
    /// <summary>The calibrated forecast of N* (<c>--method</c>), absent when the runs form too few IsoFLOP budgets.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ExtrapolationOutput? Extrapolation { get; init; }

    /// <summary>Why there is no <see cref="Extrapolation"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ExtrapolationSkipped { get; init; }

    /// <summary>With <c>--backtest</c>: the rolling-origin predictions of the chosen method.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<BacktestRowOutput>? Backtest { get; init; }

    /// <summary>With <c>--compare</c>: every method's back-test on the same runs.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MethodBacktestOutput>? Methods { get; init; }
}

/// <summary>Approach 3: the loss law with its diagnostics, the plan at <c>--flops</c>, the bootstrap and its refits.</summary>
internal sealed record Approach3Output(
    FitApproach Approach,
    LossLawOutput Law,
    double Objective,
    double ExponentA,
    double ExponentB,
    [property: JsonPropertyName("G")] double G,
    bool Converged,
    double GradientNorm,
    int Iterations,
    int Starts,
    int StartsAtBest,
    int StartsConverged,
    int GridRuns,
    int PolishedStarts,
    bool OnGridBoundary,
    IReadOnlyList<string> GridBoundaryAxes,
    int RunsUsed,
    int RunsExcluded,
    double HuberDelta,
    double OverPredictionWeight,
    ResidualsOutput Residuals) : FitOutput
{
    /// <summary>With <c>--flops</c>: the plan (the calibrated forecast's when the runs support one, else the law's own optimum).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FitPlanOutput? Plan { get; init; }

    /// <summary>With <c>--flops</c>: the fitted law's own optimum with its run-bootstrap intervals.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LawOptimumOutput? LawOptimum { get; init; }

    /// <summary>What a reader must know before trusting the law (<see cref="FitWarnings"/>); empty when all is well.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BootstrapOutput? Bootstrap { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LawIntervalsOutput? Intervals { get; init; }

    /// <summary>The refits as <c>[[E, A, B, alpha, beta], …]</c>, so that <c>scaling plan --law fit.json</c> gives intervals at any budget.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double[][]? ResampledLaws { get; init; }

    /// <summary>Under <c>--approach all</c>: each approach's own output.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ApproachesOutput? Approaches { get; init; }

    public static Approach3Output From(ParametricFitResult fit, BootstrapResult? boot) =>
        new(
            FitApproach.Three,
            LossLawOutput.From(fit.Law),
            fit.Objective,
            fit.ExponentA,
            fit.ExponentB,
            fit.G,
            fit.Converged,
            fit.GradientNorm,
            fit.Iterations,
            fit.Starts,
            fit.StartsAtBest,
            fit.StartsConverged,
            fit.GridRuns,
            fit.PolishedStarts,
            fit.OnGridBoundary,
            fit.GridBoundaryAxes,
            fit.RunsUsed,
            fit.RunsExcluded,
            fit.HuberDelta,
            fit.OverPredictionWeight,
            new ResidualsOutput(fit.Residuals.RootMeanSquare, fit.Residuals.MeanAbsolute, fit.Residuals.MaxAbsolute, fit.Residuals.Mean))
        {
            Warnings = FitWarnings.Of(fit, boot),
            Bootstrap = boot is null ? null : new BootstrapOutput(boot.Resamples, boot.Converged, boot.Seed.Value, boot.Intervals.Level),
            Intervals = boot is null ? null : LawIntervalsOutput.From(boot.Intervals),
            ResampledLaws = boot is null ? null : LossLawOutput.Rows(boot.ResampledLaws()),
        };
}

/// <summary>The residuals of ln L.</summary>
internal sealed record ResidualsOutput(double Rmse, double MeanAbsolute, double MaxAbsolute, double Mean);

/// <summary>
/// The plan at <c>--flops</c>: N*, D* and D*/N* (and the law's loss there), and what they rest on (<c>basis</c>: the
/// calibrated forecast, or the law's own optimum and why).
/// </summary>
internal sealed record FitPlanOutput(double Flops, double Parameters, double Tokens, double TokensPerParameter, PlanBasisOutput Basis)
{
    /// <summary>The law's predicted loss at (N*, D*); null for an allocation rule.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Loss { get; init; }

    public static FitPlanOutput From(FittedPlan plan) =>
        new(plan.Flops, plan.Optimum.Parameters, plan.Optimum.Tokens, plan.Optimum.TokensPerParameter, PlanBasisOutput.From(plan))
        {
            Loss = plan.Optimum is LossOptimum { Loss: var loss } ? loss : null,
        };
}

/// <summary>How Approach 3's bootstrap ran.</summary>
internal sealed record BootstrapOutput(int Resamples, int Converged, long Seed, double Level);

/// <summary>
/// Approach 3's bootstrap intervals of the law, and with <c>--flops</c> the plan's N*, D* and D*/N* (the calibrated
/// forecast's, without a standard error, when the plan rests on it; see <c>plan.basis</c>).
/// </summary>
internal sealed record LawIntervalsOutput(
    [property: JsonPropertyName("E")] IntervalOutput E,
    [property: JsonPropertyName("A")] IntervalOutput A,
    [property: JsonPropertyName("B")] IntervalOutput B,
    IntervalOutput Alpha,
    IntervalOutput Beta,
    IntervalOutput ExponentA,
    IntervalOutput ExponentB)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IntervalOutput? Parameters { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IntervalOutput? Tokens { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IntervalOutput? TokensPerParameter { get; init; }

    public static LawIntervalsOutput From(BootstrapIntervals i) =>
        new(
            IntervalOutput.From(i.E), IntervalOutput.From(i.A), IntervalOutput.From(i.B), IntervalOutput.From(i.Alpha), IntervalOutput.From(i.Beta),
            IntervalOutput.From(i.ExponentA), IntervalOutput.From(i.ExponentB))
        {
        };

    /// <summary>These intervals with the plan's N*, D* and D*/N*.</summary>
    public LawIntervalsOutput WithPlan(OptimumIntervalsOutput? plan) =>
        this with { Parameters = plan?.Parameters, Tokens = plan?.Tokens, TokensPerParameter = plan?.TokensPerParameter };
}

/// <summary>Approach 1 or 2: the fitted allocation rule (its <c>rule</c> is what <c>scaling plan --law</c> reads).</summary>
internal sealed record AllocationFitOutput(
    FitApproach Approach,
    AllocationRuleOutput Rule,
    double ExponentA,
    double ExponentB,
    double ParametersCoefficient,
    double TokensCoefficient,
    double RSquared,
    IReadOnlyList<string> Warnings) : FitOutput
{
    /// <summary>With <c>--flops</c>: the plan (the calibrated forecast's when the runs support one, else the rule's own).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FitPlanOutput? Plan { get; init; }

    /// <summary>With <c>--flops</c>: the fitted rule's own optimum with its bootstrap intervals.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LawOptimumOutput? LawOptimum { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AllocationBootstrapOutput? Bootstrap { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RuleIntervalsOutput? Intervals { get; init; }

    /// <summary>Approach 2: the compute groups whose parabola was used.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? GroupsUsed { get; init; }

    /// <summary>Approach 2: the runs in those groups.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RunsUsed { get; init; }

    /// <summary>Approach 2: every compute group's IsoFLOP profile.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<IsoFlopProfileOutput>? Profiles { get; init; }

    /// <summary>Approach 1: the training curves used.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? CurvesUsed { get; init; }

    /// <summary>Approach 1: the envelope points fitted.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? PointsUsed { get; init; }

    public static AllocationFitOutput From(FitApproach approach, AllocationFit frontier, AllocationBootstrap? boot, IReadOnlyList<string> warnings) =>
        new(
            approach,
            AllocationRuleOutput.From(frontier.Rule),
            frontier.ExponentA,
            frontier.ExponentB,
            frontier.Parameters.Coefficient,
            frontier.Tokens.Coefficient,
            frontier.Parameters.RSquared,
            warnings)
        {
            Bootstrap = boot is null ? null : new AllocationBootstrapOutput(boot.Resamples, boot.FailedResamples, boot.Level),
            Intervals = boot is null
                ? null
                : new RuleIntervalsOutput(
                    IntervalOutput.From(boot.ExponentA), IntervalOutput.From(boot.ExponentB),
                    IntervalOutput.From(boot.ParametersCoefficient), IntervalOutput.From(boot.TokensCoefficient)),
        };
}

/// <summary>How Approach 1's or 2's bootstrap ran.</summary>
internal sealed record AllocationBootstrapOutput(int Resamples, int Failed, double Level);

/// <summary>An allocation rule's bootstrap intervals; with <c>--flops</c> the plan's (see <c>plan.basis</c>).</summary>
internal sealed record RuleIntervalsOutput(IntervalOutput ExponentA, IntervalOutput ExponentB, IntervalOutput ParametersCoefficient, IntervalOutput TokensCoefficient)
{
    /// <summary>These intervals with the plan's N*, D* and D*/N*.</summary>
    public RuleIntervalsOutput WithPlan(OptimumIntervalsOutput? plan) =>
        this with { Parameters = plan?.Parameters, Tokens = plan?.Tokens, TokensPerParameter = plan?.TokensPerParameter };

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IntervalOutput? Parameters { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IntervalOutput? Tokens { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IntervalOutput? TokensPerParameter { get; init; }
}

/// <summary>One compute group of Approach 2.</summary>
internal sealed record IsoFlopProfileOutput(double Flops, int Runs, int DistinctSizes, double? OptimalParameters, double? OptimalTokens, double? MinimumLoss, string Status)
{
    public static IsoFlopProfileOutput From(IsoFlopProfile p) =>
        new(p.Flops, p.Runs.Count, p.DistinctSizes, p.OptimalParameters, p.OptimalTokens, p.MinimumLoss, p.Status.ToString());
}

/// <summary>Under <c>--approach all</c>, an approach the runs cannot support, and why.</summary>
internal sealed record SkippedApproachOutput(FitApproach Approach, string Skipped) : FitOutput;

/// <summary>Under <c>--approach all</c>: each approach's output by its number.</summary>
internal sealed record ApproachesOutput(
    [property: JsonPropertyName("3")] FitOutput Three,
    [property: JsonPropertyName("2")] FitOutput Two,
    [property: JsonPropertyName("1")] FitOutput One);
