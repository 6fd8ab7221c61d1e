using System.Text.Json.Serialization;
using Scaling.Allocation;
using Scaling.Campaign;
using Scaling.Cli.Shared;

namespace Scaling.Cli.Commands.Campaign;

/// <summary>
/// <c>scaling campaign --json</c>: the design, and with <c>--simulate</c> at the same level the simulation's settings,
/// Approach 3's estimates and, under <c>approach2</c>, Approach 2's.
/// </summary>
[JsonConverter(typeof(FlatOutputConverter<CampaignOutput>))]
internal sealed record CampaignOutput(CampaignDesignOutput Design) : FlatOutput
{
    public SimulationOutput? Simulation { get; init; }

    public SimulatedEstimatesOutput? Approach3 { get; init; }

    public Approach2EstimatesPart? Approach2 { get; init; }

    public CalibratedEstimatesPart? Calibrated { get; init; }

    /// <summary>With a fit that carries a calibrated forecast of N*: the plan at the target, as <c>scaling plan --law</c> gives it.</summary>
    public CampaignPlanOutput? Plan { get; init; }

    public override IEnumerable<object?> Parts() => [Design, Plan, Simulation, Approach3, Approach2, Calibrated];

    /// <summary>The design with the simulation's outcome.</summary>
    public CampaignOutput With(CampaignSimulation simulation) => this with
    {
        Simulation = new SimulationOutput(
            new NoiseOutput(simulation.Options.Noise is LossNoise.LogNormal ? "gaussian" : "exponential", simulation.Options.Noise.Scale),
            simulation.Options.Trials,
            simulation.Options.Seed.Value,
            simulation.Options.Resamples,
            new TruthOutput(simulation.TrueOptimum.Parameters, simulation.TrueOptimum.Tokens, simulation.TrueOptimum.Loss))
        {
            Misspecification = simulation.Options.Misspecification is { } m ? new MisspecificationOutput(m.SlopeSd, m.CurvatureMean, m.CurvatureSd) : null,
        },
        Approach3 = SimulatedEstimatesOutput.From(simulation.Approach3),
        Approach2 = simulation.Approach2 is { } two ? new Approach2EstimatesPart(SimulatedEstimatesOutput.From(two)) : null,
        Calibrated = simulation.Calibrated is { } drift ? new CalibratedEstimatesPart(SimulatedEstimatesOutput.From(drift)) : null,
    };
}

/// <summary>The IsoFLOP runs to train: budgets and, per run, its size, tokens and FLOPs.</summary>
internal sealed record CampaignDesignOutput(
    string Law,
    double TargetFlops,
    double CampaignFlops,
    double TotalFlops,
    double UnspentFraction,
    string Spacing,
    int SizesPerBudget,
    double SpanDecades,
    IReadOnlyList<double> Budgets,
    IReadOnlyList<PlannedRunOutput> Runs)
{
    public static CampaignDesignOutput From(string law, CampaignDesign design, CampaignOptions options) => new(
        law,
        design.TargetFlops,
        design.CampaignFlops,
        design.TotalFlops,
        design.UnspentFraction,
        options.Spacing == BudgetSpacing.Ladder ? "ladder" : "even",
        options.SizesPerBudget,
        options.SpanDecades,
        design.BudgetsFlops,
        design.Runs.Select(r => new PlannedRunOutput(r.BudgetFlops, r.Parameters, r.Tokens, r.Flops)).ToArray())
    {
        LargestBudgetFlops = design.LargestBudgetFlops,
        Decades = Math.Log10(design.ExtrapolationFactor),
    };

    /// <summary>The campaign's largest budget, in FLOPs.</summary>
    public double LargestBudgetFlops { get; init; }

    /// <summary>How far the target lies beyond it: log10(target / largest budget).</summary>
    public double Decades { get; init; }
}

/// <summary>The fit's plan at the target when it rests on its calibrated forecast of N*: <c>"plan": {…}</c>.</summary>
internal sealed record CampaignPlanOutput(CampaignTargetPlanOutput Plan)
{
    public static CampaignPlanOutput? From(FittedPlan plan) => plan is ForecastPlan f
        ? new(new CampaignTargetPlanOutput(f.Flops, f.Optimum.Parameters, f.Optimum.Tokens, f.LawOptimum.Parameters, PlanBasisOutput.From(f), OptimumIntervalsOutput.From(f.Forecast)))
        : null;
}

/// <summary>N*, D* at the target with the calibrated interval, what they rest on and how far, and the law's own N*.</summary>
internal sealed record CampaignTargetPlanOutput(double Flops, double Parameters, double Tokens, double LawParameters, PlanBasisOutput Basis, OptimumIntervalsOutput Intervals);

/// <summary>One planned run.</summary>
internal sealed record PlannedRunOutput(double Budget, double Parameters, double Tokens, double Flops);

/// <summary>The simulation's settings and the true optimum at the target.</summary>
internal sealed record SimulationOutput(NoiseOutput Noise, int Trials, long Seed, int Resamples, TruthOutput Truth)
{
    /// <summary>How far each trial's optimum drifted from the law's (absent under <c>--exact-law</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MisspecificationOutput? Misspecification { get; init; }
}

/// <summary>The spread of the exponent's offset and drift each trial drew (per ln C and (ln C)²).</summary>
internal sealed record MisspecificationOutput(double SlopeSd, double CurvatureMean, double CurvatureSd);

/// <summary>The calibrated drift forecast's estimates over the trials.</summary>
internal sealed record CalibratedEstimatesPart(SimulatedEstimatesOutput Calibrated);

/// <summary>The noise of a run's log-loss.</summary>
internal sealed record NoiseOutput(string Kind, double Scale);

/// <summary>The law's own optimum at the target.</summary>
internal sealed record TruthOutput(double Parameters, double Tokens, double Loss);

/// <summary>How precisely one approach pinned N* over the simulated campaigns.</summary>
internal sealed record SimulatedEstimatesOutput(
    SpreadOutput OptimalParameters,
    double RelativeWidth,
    double RelativeWidthStandardError,
    double RelativeBias,
    double? Coverage,
    double? CoverageStandardError,
    double? MedianTrialRelativeWidth,
    int FailedTrials)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LossSpreadOutput? Loss { get; init; }

    public static SimulatedEstimatesOutput From(SimulatedEstimates e) =>
        new(
            new SpreadOutput(e.Parameters.Estimate, e.Parameters.Lower, e.Parameters.Upper, e.Parameters.Level),
            e.RelativeWidth,
            e.RelativeWidthStandardError,
            e.RelativeBias,
            e.Coverage,
            e.CoverageStandardError,
            e.MedianTrialRelativeWidth,
            e.FailedTrials)
        {
            Loss = e.Loss is { } loss ? new LossSpreadOutput(loss.Estimate, loss.Lower, loss.Upper) : null,
        };
}

/// <summary>The median and the central range of N* over the simulated campaigns.</summary>
internal sealed record SpreadOutput(double Estimate, double Lower, double Upper, double Level);

/// <summary>The median and the central range of the predicted loss over the simulated campaigns.</summary>
internal sealed record LossSpreadOutput(double Estimate, double Lower, double Upper);

/// <summary>Approach 2's estimates, under <c>approach2</c>.</summary>
internal sealed record Approach2EstimatesPart(SimulatedEstimatesOutput Approach2);

/// <summary><c>scaling campaign --runs runs.csv --next K --json</c>: N* now, and the next runs that narrow it most.</summary>
internal sealed record NextRunsOutput(
    double TargetFlops,
    LossLawOutput Law,
    IntervalOutput OptimalParameters,
    double RelativeWidth,
    double NoiseSigma,
    IReadOnlyList<ProposedRunOutput> Next)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public NextRunsComparisonOutput? Comparison { get; init; }

    /// <summary>
    /// When the runs form IsoFLOP budgets: the plan at the target from their calibrated forecast of N*, as
    /// <c>scaling fit --flops</c> gives it (<c>optimalParameters</c> is the law's own, whose bootstrap interval the next runs narrow).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CampaignTargetPlanOutput? Plan { get; init; }

    public static NextRunsOutput From(NextRunsAdvice advice) =>
        new(
            advice.TargetFlops,
            LossLawOutput.From(advice.Law),
            IntervalOutput.From(advice.Parameters),
            advice.RelativeWidth,
            advice.NoiseSigma,
            advice.Proposals.Select(p => new ProposedRunOutput(p.Run.BudgetFlops, p.Run.Parameters, p.Run.Tokens, p.Run.Flops, p.ExpectedRelativeWidth, p.ShrinkFactor)).ToArray())
        {
            Comparison = advice.Comparison is { } c
                ? new NextRunsComparisonOutput(c.Trials, c.CurrentRelativeWidth, c.ProposedRelativeWidth, c.DoublingRelativeWidth, c.StandardError, c.ProposedFlops, c.DoublingFlops)
                : null,
        };
}

/// <summary>One proposed run and how much it is expected to narrow the interval.</summary>
internal sealed record ProposedRunOutput(double Budget, double Parameters, double Tokens, double Flops, double ExpectedRelativeWidth, double ShrinkFactor);

/// <summary>The simulated comparison of the proposal with doubling the largest budget.</summary>
internal sealed record NextRunsComparisonOutput(
    int Trials, double CurrentRelativeWidth, double ProposedRelativeWidth, double DoublingRelativeWidth, double StandardError, double ProposedFlops, double DoublingFlops);
