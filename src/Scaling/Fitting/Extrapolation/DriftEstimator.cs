using Scaling.Fitting.Runs;

namespace Scaling.Fitting.Extrapolation;

/// <summary>
/// The default estimator: ln N* = c₀ + c₁·u + c₂·u² through the IsoFLOP vertices (u = ln C − ln C₀), so the exponent
/// d ln N*/d ln C = c₁ + 2c₂u may drift with scale, with the slope and curvature drawn towards what published studies
/// measured (<see cref="DriftPrior"/>) and their uncertainty carried into the forecast.
/// </summary>
/// <remarks>
/// <para>Why: on the real studies of <c>data/benchmarks/isoflops</c> the vertices' local exponent is often steeper at
/// small budgets than at large ones (Chinchilla's runs: 0.6 below 1e20 FLOPs, 0.4 above), so a power law through small
/// budgets over-predicts far beyond them (Approach 2 gave 7.4B against 3.84B observed at 3e21). Partial pooling with the
/// other studies (a hierarchical model, Gelman et al. 2013 ch. 5, with empirical-Bayes hyperparameters) cut the
/// leave-one-study-out RMS error at 1–2 decades from 0.30 (Approach 2) to 0.12 in ln N* (docs/extrapolation.md).</para>
/// <para>Needs two budgets with an interior IsoFLOP vertex (<see cref="Backtest.ObservedOptimum.TrainingVertex"/>);
/// with few of them the prior carries the slope, and the forecast's scale says so.</para>
/// <example><code>
/// var forecast = new DriftEstimator(ExtrapolationCalibration.Embedded.Prior).Forecast(IsoFlopBudget.Group(runs));
/// </code></example>
/// </remarks>
public sealed class DriftEstimator : IOptimumEstimator
{
    /// <summary>The fewest budgets with an IsoFLOP vertex the estimator needs: 2.</summary>
    public const int MinimumVertices = 2;

    /// <summary>Creates the estimator with <paramref name="prior"/>.</summary>
    public DriftEstimator(DriftPrior prior)
    {
        ArgumentNullException.ThrowIfNull(prior);
        Prior = prior.Validated();
    }

    /// <summary>The prior on the slope, the curvature and the vertex noise.</summary>
    public DriftPrior Prior { get; }

    /// <inheritdoc/>
    public ExtrapolationMethod Method => ExtrapolationMethod.Drift;

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

        var (origin, mean, covariance, noise) = VertexRegression.Fit(
            x, y, 2, Prior.SlopeMean, Prior.SlopeSd, Prior.CurvatureMean, Prior.CurvatureSd, Prior.VertexNoise, Prior.NoiseWeight);
        return OptimumForecast.Create(Method, origin, budgets[^1].Flops, mean, covariance, noise);
    }
}
