using Scaling.Fitting.Runs;

namespace Scaling.Fitting.Backtest;

/// <summary>
/// The compute-optimal size observed at one IsoFLOP budget: the vertex of the least-squares parabola of loss against
/// ln N through the budget's runs (Hoffmann et al. 2022, §3.2, the convention of Approach 2).
/// </summary>
/// <remarks>
/// <para>A budget observes an optimum (<see cref="Parameters"/>) only with at least <see cref="MinimumRuns"/> runs of at
/// least three distinct sizes, a parabola that opens upward, and a vertex inside the sampled sizes: a parabola through
/// three runs fits them exactly and observes nothing, and a vertex outside the sampled sizes is an extrapolation, not an
/// observation.</para>
/// <para>The vertex that training uses (<see cref="TrainingVertex"/>) asks only for three distinct sizes, an upward
/// parabola and an interior vertex: on the real studies of <c>data/benchmarks/isoflops</c>, keeping the extrapolated
/// vertices more than doubled the back-test error of the power law through them (docs/extrapolation.md).</para>
/// <example><code>
/// double? observed = ObservedOptimum.Parameters(budget);   // Chinchilla's 3e21 runs: 3.84e9
/// </code></example>
/// </remarks>
public static class ObservedOptimum
{
    /// <summary>The fewest runs at a budget whose vertex counts as an observed optimum: 6.</summary>
    public const int MinimumRuns = 6;

    /// <summary>The fewest distinct model sizes a parabola needs: 3.</summary>
    public const int MinimumSizes = 3;

    /// <summary>
    /// The observed N* at <paramref name="budget"/> in parameters, or null when the budget does not observe one (see the
    /// remarks).
    /// </summary>
    public static double? Parameters(IsoFlopBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        return budget.Runs.Count >= MinimumRuns && LogVertex(budget) is { } vertex ? Math.Exp(vertex) : null;
    }

    /// <summary>
    /// ln N at the parabola's minimum when the budget has at least three distinct sizes, the parabola opens upward and
    /// its vertex lies inside the sampled sizes; else null. Training uses it (any number of runs from three).
    /// </summary>
    public static double? TrainingVertex(IsoFlopBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        return LogVertex(budget);
    }

    private static double? LogVertex(IsoFlopBudget budget)
    {
        int n = budget.Runs.Count;
        var lnN = new double[n];
        var loss = new double[n];
        for (int i = 0; i < n; i++)
        {
            lnN[i] = Math.Log(budget.Runs[i].Parameters);
            loss[i] = budget.Runs[i].Loss;
        }

        if (QuadraticFit.CountDistinct(lnN) < MinimumSizes)
        {
            return null;
        }

        var parabola = QuadraticFit.FitUnchecked(lnN, loss);
        double vertex = parabola.Vertex;
        return parabola.OpensUpward && vertex >= lnN.Min() && vertex <= lnN.Max() ? vertex : null;
    }
}
