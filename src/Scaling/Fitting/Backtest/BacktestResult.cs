using Scaling.Fitting.Extrapolation;
using Scaling.Fitting.Runs;

namespace Scaling.Fitting.Backtest;

/// <summary>
/// A rolling-origin back-test (<see cref="Backtester"/>): every prediction of a larger budget's observed optimum from the
/// budgets below it, with summaries by distance.
/// </summary>
/// <param name="Method">The estimator tested.</param>
/// <param name="Budgets">The IsoFLOP budgets of the runs, in increasing compute.</param>
/// <param name="Rows">The predictions, by origin then target.</param>
/// <param name="Quantile">q of the intervals N̂·e^(±q·s) in <see cref="Rows"/>.</param>
public sealed record BacktestResult(ExtrapolationMethod Method, IReadOnlyList<IsoFlopBudget> Budgets, IReadOnlyList<BacktestRow> Rows, double Quantile)
{
    /// <summary>How many budgets observe an optimum a back-test can target.</summary>
    public int ObservedBudgets => Budgets.Count(b => ObservedOptimum.Parameters(b) is not null);

    /// <summary>The farthest the back-test reached, in decades (0 without rows).</summary>
    public double ReachDecades => Rows.Count == 0 ? 0 : Rows.Max(r => r.Decades);

    /// <summary>Root mean square of ln(N_observed / N̂) over the rows at least <paramref name="decades"/> out (NaN without any).</summary>
    public double RootMeanSquareLogError(double decades = 0)
    {
        var errors = Rows.Where(r => r.Decades >= decades).Select(r => r.LogError).ToArray();
        return errors.Length == 0 ? double.NaN : Math.Sqrt(errors.Average(e => e * e));
    }

    /// <summary>The share of rows whose interval holds the observed optimum (NaN without rows).</summary>
    public double Coverage => Rows.Count == 0 ? double.NaN : Rows.Count(r => r.Covered) / (double)Rows.Count;

    /// <summary>The largest normalised score |ln(N_obs/N̂)|/s (0 without rows).</summary>
    public double MaxScore => Rows.Count == 0 ? 0 : Rows.Max(r => r.Score);
}
