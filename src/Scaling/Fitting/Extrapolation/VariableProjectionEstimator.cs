using Scaling.Fitting.Runs;

namespace Scaling.Fitting.Extrapolation;

/// <summary>
/// The loss law fitted by <see cref="VariableProjection"/> (Golub &amp; Pereyra 1973) as a forecast of N*: the law's own
/// compute-optimal frontier N* = G·(C/6)^(β/(α+β)), its uncertainty from a block bootstrap over the IsoFLOP budgets
/// (<see cref="Resamples"/> refits, seeded).
/// </summary>
/// <example><code>var forecast = new VariableProjectionEstimator(0.05) { Resamples = 100, Seed = 7 }.Forecast(budgets);</code></example>
public sealed class VariableProjectionEstimator : IOptimumEstimator
{
    /// <summary>Creates the estimator; <paramref name="vertexNoise"/> is σ₀, the scatter of an observed ln N* (from the calibration).</summary>
    public VariableProjectionEstimator(double vertexNoise) => VertexNoise = Require.PositiveFinite(vertexNoise, nameof(vertexNoise));

    /// <summary>σ₀ in ln N.</summary>
    public double VertexNoise { get; }

    /// <summary>Block-bootstrap resamples (default 100; 0 leaves only σ₀).</summary>
    public int Resamples { get; init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Resamples), value, "Resamples must be 0 or more."); } = 100;

    /// <summary>The bootstrap's seed (default 0).</summary>
    public Seed Seed { get; init; }

    /// <inheritdoc/>
    public ExtrapolationMethod Method => ExtrapolationMethod.VariableProjection;

    /// <inheritdoc/>
    public OptimumForecast? Forecast(IReadOnlyList<IsoFlopBudget> budgets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        var runs = budgets.SelectMany(b => b.Runs).ToArray();
        if (budgets.Count < 2 || runs.Length < FittableRuns.MinimumRuns)
        {
            return null;
        }

        var law = TryFit(runs, cancellationToken);
        if (law is null)
        {
            return null;
        }

        var refits = new Laws.LossLaw?[Resamples];
        // The loop stops between refits; a refit itself runs to its end (an exception inside a body would come out wrapped).
        Parallel.For(
            0,
            Resamples,
            new ParallelOptions { CancellationToken = cancellationToken },
            k => refits[k] = TryFit(BudgetBootstrap.Runs(budgets, BudgetBootstrap.Draw(Seed, k, budgets.Count)), CancellationToken.None));
        return BudgetBootstrap.Forecast(Method, budgets, law, refits, VertexNoise);
    }

    private static Laws.LossLaw? TryFit(IReadOnlyList<TrainingRun> runs, CancellationToken cancellationToken)
    {
        try
        {
            return VariableProjection.Fit(runs, cancellationToken);
        }
        catch (UnusableRunsException)
        {
            // A resample of one budget cannot identify the law; it is left out of the spread.
            return null;
        }
    }
}
