using Scaling.Fitting;
using Scaling.Fitting.Approach3;

namespace Scaling.Campaign;

/// <summary>Options of <see cref="CampaignSimulator"/>: the noise, the number of simulated campaigns, the seed, and how each is fitted.</summary>
/// <remarks>Example: <c>new SimulationOptions { Noise = LossNoise.Gaussian(0.01), Trials = 200, Seed = 7 }</c>.</remarks>
public sealed record SimulationOptions
{
    /// <summary>The noise on each simulated loss (default Gaussian in log-loss, σ = 0.01).</summary>
    public LossNoise Noise { get; init; } = LossNoise.Gaussian(0.01);

    /// <summary>Simulated campaigns (default 200). At least 2.</summary>
    public int Trials
    {
        get;
        init => field = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(Trials), value, "Trials must be at least 2, e.g. 200.");
    } = 200;

    /// <summary>The seed; trial t draws its losses from stream (seed, t), so results do not depend on threads.</summary>
    public Seed Seed { get; init; }

    /// <summary>
    /// Bootstrap resamples of each trial's own fit, giving the interval a team would report after that campaign (whose
    /// coverage of the truth the simulation measures); 0 skips them (no coverage). Default 200; otherwise at least 2.
    /// </summary>
    public int Resamples
    {
        get;
        init => field = value is 0 or >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(Resamples), value, "Resamples must be 0 or at least 2, e.g. 200.");
    } = 200;

    /// <summary>Coverage of the intervals (default 0.95).</summary>
    public double Level
    {
        get;
        init => field = Require.Fraction(value, nameof(Level));
    } = 0.95;

    /// <summary>
    /// How far each trial's true optimum may stray from the law (<see cref="Campaign.Misspecification"/>); null (the
    /// default) simulates the law exactly, which measures noise only and so cannot tell a small campaign from a large
    /// one. <c>scaling campaign --simulate</c> uses <see cref="Misspecification.FromCalibration"/>.
    /// </summary>
    public Misspecification? Misspecification { get; init; }

    /// <summary>
    /// When set, every trial is also fitted with the calibrated drift forecast (<see cref="Fitting.Extrapolation.Extrapolator"/>)
    /// and its interval's coverage of the truth measured; default null.
    /// </summary>
    public Fitting.Extrapolation.ExtrapolationCalibration? Calibration { get; init; }

    /// <summary>
    /// Where the truth's optimum sits before any <see cref="Misspecification"/>: the plan's allocator when a fit carries a
    /// calibrated forecast of N* (<see cref="Allocation.FittedPlan.Allocator"/>), so that the simulation is centred on the
    /// N* every other command plans with; each budget's IsoFLOP valley of the law is moved so its minimum sits there.
    /// Default null: the law's own frontier.
    /// </summary>
    public Allocation.IComputeAllocator? Centre { get; init; }

    /// <summary>Also fit every trial with Approach 2 (IsoFLOP parabolas); default true.</summary>
    public bool Approach2 { get; init; } = true;

    /// <summary>
    /// Approach 3 starts from the true law only (and the polish of <see cref="ParametricFit"/>) instead of the paper's
    /// 4,500-point grid: on a campaign's noisy losses the best of the grid lies in the truth's basin, so both reach the
    /// same optimum (checked by the tests and by <see cref="CampaignSimulator.CheckWarmStart"/>) at 1/4,500 of the cost.
    /// Default true.
    /// </summary>
    public bool WarmStart { get; init; } = true;

    /// <summary>Options of each Approach 3 fit (δ; the grid is replaced by the warm start when <see cref="WarmStart"/>).</summary>
    public ParametricFitOptions FitOptions { get; init; } = new();

    /// <summary>Worker threads over the trials; −1 uses every core. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism
    {
        get;
        init => field = value is -1 or >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), value, "MaxDegreeOfParallelism must be -1 (all cores) or at least 1.");
    } = -1;
}
