using Scaling.Fitting.Runs;
namespace Scaling.Fitting.Approach3;

/// <summary>
/// Options of the Approach 3 fit (<see cref="ParametricFit"/>). The defaults are the protocol of Hoffmann et al. 2022
/// (§3.3, App. D.2): Huber δ = 1e-3, summed over runs, from the 4,500-point grid.
/// </summary>
/// <remarks>Example: <c>new ParametricFitOptions { ExcludeTopLoss = 5, Grid = InitialGrid.Hoffmann2022.Sample(500) }</c>.</remarks>
public sealed record ParametricFitOptions
{
    /// <summary>Hoffmann et al. 2022, App. D.2: δ = 10^-3.</summary>
    public const double Hoffmann2022HuberDelta = 1e-3;

    /// <summary>The Huber threshold δ on the log-loss residual.</summary>
    public double HuberDelta { get; init => field = Require.PositiveFinite(value, nameof(HuberDelta)); } = Hoffmann2022HuberDelta;

    /// <summary>The starting points; each start is one L-BFGS run and the best result wins.</summary>
    public InitialGrid Grid { get; init => field = value ?? throw new ArgumentNullException(nameof(Grid)); } = InitialGrid.Hoffmann2022;

    /// <summary>
    /// The weight of a run the law over-predicts (ln L̂ &gt; ln L) relative to one it under-predicts: 1 (default) is the
    /// paper's symmetric Huber loss; k &gt; 1 suits one-sided noise (runs that only ever come out worse than the law), pulling
    /// the law towards the lower envelope of the losses. Example: <c>OverPredictionWeight = 10</c>. At least 1.
    /// </summary>
    public double OverPredictionWeight
    {
        get;
        init => field = double.IsFinite(value) && value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(OverPredictionWeight), value, "OverPredictionWeight must be finite and at least 1, e.g. 10 for one-sided noise.");
    } = 1;

    /// <summary>Leave out the k runs with the highest loss (Besiroglu et al. 2024 study the effect of such outliers).</summary>
    public int ExcludeTopLoss { get; init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(ExcludeTopLoss), value, "ExcludeTopLoss must be 0 or more."); }

    /// <summary>
    /// A start has converged when every component of the gradient (in the optimiser's centred coordinates, see
    /// <see cref="ParametricFitResult.GradientNorm"/>) is at most this times δ·(runs used): a strict, scale-free
    /// stationarity test (δ·runs bounds the gradient of the objective with respect to e).
    /// </summary>
    public double GradientTolerance { get; init => field = Require.PositiveFinite(value, nameof(GradientTolerance)); } = 1e-9;

    /// <summary>
    /// Let each start begin in single precision (twice the runs per SIMD instruction) while its gradient is large, and finish
    /// in double precision; the convergence test is always made in double precision. On by default; turn it off to
    /// follow every start in double precision (slower; the starts can then end in other basins, so
    /// <see cref="ParametricFitResult.StartsAtBest"/> may differ by a few while the best fit agrees).
    /// </summary>
    public bool SinglePrecisionPhase { get; init; } = true;

    /// <summary>L-BFGS iteration limit per start.</summary>
    public int MaxIterations { get; init => field = AtLeast(value, 1, nameof(MaxIterations)); } = 2000;

    /// <summary>
    /// With more runs than this, the grid of starts runs on a stratified subsample of this many runs (even in ln N, and
    /// in ln D within each band of N), and the <see cref="PolishStarts"/> best distinct optima are then polished on all
    /// runs, where convergence is decided: the cost of the grid stops growing with the data. At or below it, every start
    /// runs on every run (the paper's protocol). Default 2,400, ten times the runs of Hoffmann et al.
    /// </summary>
    public int SubsampleRuns { get; init => field = AtLeast(value, FittableRuns.MinimumRuns, nameof(SubsampleRuns)); } = 2400;

    /// <summary>How many of the best distinct optima of the subsample grid are polished on all runs (default 8).</summary>
    public int PolishStarts { get; init => field = AtLeast(value, 1, nameof(PolishStarts)); } = 8;

    /// <summary>Worker threads; −1 uses every core. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init => field = FitOptionChecks.Parallelism(value, nameof(MaxDegreeOfParallelism)); } = -1;

    /// <summary>
    /// The count <see cref="ParametricFit.Fit"/> reports progress up to on <paramref name="runs"/> runs: one per start,
    /// plus one per polished optimum when the grid runs on a subsample.
    /// </summary>
    public int ProgressTotal(int runs) => Grid.Count + (runs > SubsampleRuns ? PolishStarts : 0);

    private static int AtLeast(int value, int minimum, string name) =>
        value >= minimum ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least {minimum}.");
}
