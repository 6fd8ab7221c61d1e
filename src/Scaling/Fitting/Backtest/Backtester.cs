using Scaling.Fitting.Extrapolation;
using Scaling.Fitting.Runs;
using Scaling.Laws;

namespace Scaling.Fitting.Backtest;

/// <summary>
/// Rolling-origin back-test of an estimator over the IsoFLOP budgets of one set of runs (Tashman 2000, Int. J. Forecast.
/// 16:437): for each origin C_k, fit on the budgets with compute ≤ C_k and predict every larger budget C_j that observes
/// an optimum (<see cref="ObservedOptimum"/>: the vertex of a parabola of loss in ln N through at least six runs, inside
/// the sampled sizes). No run at or above a predicted budget enters its fit.
/// </summary>
/// <remarks>
/// Each row also carries the loss MAPE at the target of a loss law fitted on the same budgets: the estimator's own law
/// (variable projection, Approach 3) or, for the estimators that model only N* (drift, Approach 2), the
/// variable-projection law of <see cref="VariableProjection"/>.
/// <example><code>
/// var result = Backtester.Run(IsoFlopBudget.Group(runs), new DriftEstimator(ExtrapolationCalibration.Embedded.Prior));
/// foreach (var row in result.Rows) Console.WriteLine($"{row.Decades:F2} decades: {row.EstimatedParameters:G3} vs {row.ObservedParameters:G3}");
/// </code></example>
/// </remarks>
public static class Backtester
{
    /// <summary>Back-tests <paramref name="estimator"/> on <paramref name="budgets"/> (in increasing compute).</summary>
    /// <param name="budgets">The IsoFLOP budgets (<see cref="IsoFlopBudget.Group"/>).</param>
    /// <param name="estimator">The estimator.</param>
    /// <param name="quantile">q of the rows' intervals N̂·e^(±q·s) (default 1.96, a Gaussian 95%).</param>
    /// <param name="lossMape">Whether to fit a loss law per origin for the loss MAPE (default true).</param>
    /// <param name="cancellationToken">Stops the back-test between origins and inside their fits.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static BacktestResult Run(
        IReadOnlyList<IsoFlopBudget> budgets, IOptimumEstimator estimator, double quantile = 1.96, bool lossMape = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        ArgumentNullException.ThrowIfNull(estimator);
        Require.PositiveFinite(quantile, nameof(quantile));
        var observed = budgets.Select(ObservedOptimum.Parameters).ToArray();
        var rows = new List<BacktestRow>();
        for (int k = 0; k < budgets.Count - 1; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double origin = budgets[k].Flops;
            var targets = new List<(int Index, double ObservedParameters)>();
            for (int j = k + 1; j < budgets.Count; j++)
            {
                if (observed[j] is { } parameters && budgets[j].Flops > origin)
                {
                    targets.Add((j, parameters));
                }
            }

            if (targets.Count == 0)
            {
                continue;
            }

            var training = budgets.Take(k + 1).Where(b => b.Flops <= origin).ToArray();
            var forecast = estimator.Forecast(training, cancellationToken);
            if (forecast is null)
            {
                continue;
            }

            var law = lossMape ? forecast.LossLaw ?? TryLossLaw(training, cancellationToken) : null;
            int trainingRuns = training.Sum(b => b.Runs.Count);
            foreach (var (j, observedParameters) in targets)
            {
                double flops = budgets[j].Flops;
                double estimate = Math.Exp(forecast.LogParameters(flops));
                double scale = forecast.Scale(flops);
                rows.Add(new BacktestRow(
                    origin,
                    flops,
                    observedParameters,
                    estimate,
                    estimate * Math.Exp(-quantile * scale),
                    estimate * Math.Exp(quantile * scale),
                    scale,
                    law is null ? null : Mape(law, budgets[j]),
                    trainingRuns));
            }
        }

        return new BacktestResult(estimator.Method, budgets, rows, quantile);
    }

    private static LossLaw? TryLossLaw(IReadOnlyList<IsoFlopBudget> training, CancellationToken cancellationToken)
    {
        try
        {
            return VariableProjection.Fit(training.SelectMany(b => b.Runs).ToArray(), cancellationToken);
        }
        catch (UnusableRunsException)
        {
            return null;
        }
    }

    private static double Mape(LossLaw law, IsoFlopBudget budget) =>
        budget.Runs.Average(r => Math.Abs(law.Loss(r.Parameters, r.Tokens) - r.Loss) / r.Loss);
}
