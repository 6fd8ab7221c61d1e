using Scaling.Laws;

namespace Scaling.Fitting.Runs;

/// <summary>
/// How <see cref="SyntheticRuns"/> draws runs: the true law, the log-normal noise on the loss, the seed, and an IsoFLOP
/// design (Hoffmann et al. 2022, §3.2: 9 budgets from 6e18 to 3e21 FLOPs, model sizes spread around each budget's
/// optimum).
/// </summary>
/// <remarks>
/// Example: <c>SyntheticRunsDesign.Hoffmann2022 with { Seed = 7, LogNoise = 0.02 }</c>.
/// </remarks>
public sealed record SyntheticRunsDesign
{
    /// <summary>
    /// Hoffmann et al. 2022, §3.2 ("9 different training FLOP counts (ranging from 6 × 10^18 to 3 × 10^21)") and the
    /// legend of Figure 3: 6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21.
    /// </summary>
    public static IReadOnlyList<double> Hoffmann2022Budgets { get; } = [6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21];

    /// <summary>
    /// The printed Hoffmann law (Eq. 10), 1% log-normal noise, seed 2022, the 9 budgets above with 20 to 30 sizes each,
    /// spanning ±0.75 decades of N around each budget's optimum.
    /// </summary>
    public static SyntheticRunsDesign Hoffmann2022 { get; } = new();

    /// <summary>The law the losses come from (default: Hoffmann 2022 as printed).</summary>
    public LossLaw Law { get; init; } = LawPresets.Hoffmann2022.LossLaw;

    /// <summary>The name of <see cref="Law"/> written into the CSV comment.</summary>
    public string LawName { get; init; } = LawPresets.Hoffmann2022.Name;

    /// <summary>σ of the log-normal noise: loss = L(N, D)·exp(σ·z), z standard normal. 0 gives exact losses.</summary>
    public double LogNoise { get; init; } = 0.01;

    /// <summary>The seed; the same seed gives the same runs on every machine.</summary>
    public Seed Seed { get; init; } = 2022;

    /// <summary>The IsoFLOP budgets in FLOPs.</summary>
    public IReadOnlyList<double> BudgetsFlops { get; init; } = Hoffmann2022Budgets;

    /// <summary>The fewest model sizes per budget (the count is drawn uniformly between this and the maximum).</summary>
    public int MinSizesPerBudget { get; init; } = 20;

    /// <summary>The most model sizes per budget.</summary>
    public int MaxSizesPerBudget { get; init; } = 30;

    /// <summary>When set, exactly this many runs in all, spread as evenly as possible over the budgets.</summary>
    public int? TotalRuns { get; init; }

    /// <summary>Half-width of the sampled model sizes around each budget's optimal N, in decades.</summary>
    public double SpanDecades { get; init; } = 0.75;
}
