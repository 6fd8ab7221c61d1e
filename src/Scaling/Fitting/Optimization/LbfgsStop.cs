namespace Scaling.Fitting.Optimization;

/// <summary>
/// Why the L-BFGS minimiser stopped (as MathNet's <c>MinimizationResult.ReasonForExit</c>): the reason a fit reports
/// in <see cref="Approach3.ParametricFitResult.Stop"/>.
/// </summary>
public enum LbfgsStop
{
    /// <summary>The largest gradient component fell to the tolerance: a strict stationarity check, not a progress heuristic.</summary>
    GradientTolerance,

    /// <summary>The iteration limit was reached first.</summary>
    IterationLimit,

    /// <summary>No step along the search direction lowered the objective any more (the point is as good as rounding allows).</summary>
    NoProgress,

    /// <summary>The objective was not finite at the start.</summary>
    NotFinite,
}
