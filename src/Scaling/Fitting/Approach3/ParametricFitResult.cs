using Scaling.Fitting.Runs;
using Scaling.Laws;

namespace Scaling.Fitting.Approach3;

/// <summary>
/// The result of an Approach 3 fit: the law, the objective at the best start, and everything a researcher needs to
/// judge whether to trust it (did the optimum converge, how many starts agree, does the grid bracket it).
/// </summary>
public sealed record ParametricFitResult
{
    /// <summary>The fitted law L = E + A/N^α + B/D^β.</summary>
    public required LossLaw Law { get; init; }

    /// <summary>The summed Huber objective at the best start.</summary>
    public required double Objective { get; init; }

    /// <summary>The fitted law's compute-optimal frontier (C = 6·N·D).</summary>
    public Allocation.ComputeOptimalFrontier Frontier => Allocation.ComputeOptimalFrontier.Create(Law);

    /// <summary>a = β/(α+β): N* grows as C^a.</summary>
    public double ExponentA => Frontier.ExponentA;

    /// <summary>b = α/(α+β): D* grows as C^b.</summary>
    public double ExponentB => Frontier.ExponentB;

    /// <summary>G = (αA/(βB))^(1/(α+β)), so N* = G·(C/6)^a (Hoffmann et al. 2022, Eq. 4).</summary>
    public double G => Frontier.G;

    /// <summary>Why the best start stopped: the gradient tolerance, the iteration limit, no further progress, or a non-finite objective.</summary>
    public required Optimization.LbfgsStop Stop { get; init; }

    /// <summary>
    /// True when the best start stopped because every gradient component met
    /// <see cref="ParametricFitOptions.GradientTolerance"/> (checked by this code, not taken from an optimiser's word).
    /// </summary>
    public bool Converged => Stop == Optimization.LbfgsStop.GradientTolerance;

    /// <summary>The largest gradient component at the best point, in the optimiser's centred coordinates.</summary>
    public required double GradientNorm { get; init; }

    /// <summary>L-BFGS iterations of the best start.</summary>
    public required int Iterations { get; init; }

    /// <summary>How many starts ran.</summary>
    public required int Starts { get; init; }

    /// <summary>
    /// The runs the grid of starts ran on: all runs used, or a stratified subsample of them
    /// (<see cref="ParametricFitOptions.SubsampleRuns"/>).
    /// </summary>
    public int GridRuns { get; init; }

    /// <summary>
    /// How many of the subsample grid's best distinct optima were polished on all runs; 0 when the grid ran on all runs.
    /// </summary>
    public int PolishedStarts { get; init; }

    /// <summary>True when the grid ran on a subsample and the optimum was found by polishing on all runs.</summary>
    public bool Subsampled => PolishedStarts > 0;

    /// <summary>How many starts reached the best objective within 1e-9 relative (on the grid's runs).</summary>
    public required int StartsAtBest { get; init; }

    /// <summary>How many starts met the gradient tolerance.</summary>
    public required int StartsConverged { get; init; }

    /// <summary>Coordinates (alpha, beta, logE, logA, logB) where the optimum lies at or beyond the grid's range.</summary>
    public required IReadOnlyList<string> GridBoundaryAxes { get; init; }

    /// <summary>True when the optimum lies on or outside the boundary of the grid of starts.</summary>
    public bool OnGridBoundary => GridBoundaryAxes.Count > 0;

    /// <summary>The runs the fit used (after leaving out the highest-loss ones).</summary>
    public required IReadOnlyList<TrainingRun> Runs { get; init; }

    /// <summary>How many runs the fit used.</summary>
    public int RunsUsed => Runs.Count;

    /// <summary>How many highest-loss runs were left out.</summary>
    public required int RunsExcluded { get; init; }

    /// <summary>The Huber δ used.</summary>
    public required double HuberDelta { get; init; }

    /// <summary>The weight of over-predicted runs in the objective (1: the paper's symmetric loss).</summary>
    public double OverPredictionWeight { get; init; } = 1;

    /// <summary>Log residuals of the fitted law on the runs used.</summary>
    public required ResidualStatistics Residuals { get; init; }
}
