using Scaling.Fitting.Runs;

namespace Scaling.Fitting.Extrapolation;

/// <summary>
/// Approach 2 of Hoffmann et al. 2022 (§3.2) as a forecast: the least-squares power law ln N* = c₀ + a·u through the
/// budgets' interior IsoFLOP vertices (u = ln C − ln C₀), with its ordinary regression uncertainty — no prior on a.
/// </summary>
/// <remarks>
/// Needs three budgets with an interior vertex. The vertex scatter is pooled with a prior σ₀ (two observations' worth)
/// so that three nearly collinear vertices do not promise an exact line. Unlike <see cref="Approach2.IsoFlopFitter"/>,
/// vertices outside the sampled sizes are left out (they doubled the back-test error on real studies).
/// <example><code>var forecast = new Approach2Estimator(0.05).Forecast(IsoFlopBudget.Group(runs));</code></example>
/// </remarks>
public sealed class Approach2Estimator : IOptimumEstimator
{
    /// <summary>The fewest budgets with an IsoFLOP vertex Approach 2 needs: 3.</summary>
    public const int MinimumVertices = 3;

    /// <summary>Creates the estimator; <paramref name="vertexNoise"/> is the prior scatter σ₀ of a vertex in ln N.</summary>
    public Approach2Estimator(double vertexNoise) => VertexNoise = Require.PositiveFinite(vertexNoise, nameof(vertexNoise));

    /// <summary>σ₀, pooled with the vertices' own scatter.</summary>
    public double VertexNoise { get; }

    /// <inheritdoc/>
    public ExtrapolationMethod Method => ExtrapolationMethod.Approach2;

    /// <inheritdoc/>
    public OptimumForecast? Forecast(IReadOnlyList<IsoFlopBudget> budgets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        cancellationToken.ThrowIfCancellationRequested();
        var (x, y) = VertexRegression.Vertices(budgets);
        if (x.Length < MinimumVertices)
        {
            return null;
        }

        var (origin, mean, covariance, noise) = VertexRegression.Fit(x, y, 1, 0, double.PositiveInfinity, 0, double.PositiveInfinity, VertexNoise, 2);
        return OptimumForecast.Create(Method, origin, budgets[^1].Flops, mean, covariance, noise);
    }
}
