using Scaling.Fitting.Runs;

namespace Scaling.Fitting.Extrapolation;

/// <summary>
/// One way to estimate N*(C) from IsoFLOP budgets and carry it beyond them. The back-test
/// (<see cref="Backtest.Backtester"/>) and the calibration treat every estimator alike.
/// </summary>
public interface IOptimumEstimator
{
    /// <summary>Which method this is.</summary>
    ExtrapolationMethod Method { get; }

    /// <summary>
    /// The forecast from <paramref name="budgets"/> (in increasing compute), or null when they cannot support one (too
    /// few budgets with an IsoFLOP vertex, or too few runs for a loss law).
    /// </summary>
    /// <param name="budgets">The IsoFLOP budgets.</param>
    /// <param name="cancellationToken">Stops the estimator's fits (a loss law on a million runs takes seconds).</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    OptimumForecast? Forecast(IReadOnlyList<IsoFlopBudget> budgets, CancellationToken cancellationToken = default);
}
