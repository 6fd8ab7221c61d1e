using System.Globalization;
using Scaling.Fitting.Backtest;
using Scaling.Text;

namespace Scaling.Fitting.Extrapolation;

/// <summary>
/// A forecast of N* with its calibrated quantile: the interval at a budget C is N̂·e^(±q·s(C)) with s the forecast's
/// scale and q = max(the corpus quantile of its method, the largest score of the runs' own back-test).
/// </summary>
/// <remarks>
/// The corpus quantile makes the interval cover about <see cref="ExtrapolationCalibration.Level"/> of held-out optima of
/// published studies at the same distance (scale s grows with it); the runs' own back-test widens it when the user's
/// budgets extrapolate worse than those studies did (its largest |ln(N_obs/N̂)|/s), never narrows it.
/// <example><code>
/// var extrapolation = Extrapolator.Fit(runs);
/// var at = extrapolation.At(1e24);   // N̂ with [lower, upper], decades beyond the runs, warnings
/// </code></example>
/// </remarks>
/// <param name="Forecast">The estimator's forecast from all budgets.</param>
/// <param name="CorpusQuantile">q from the calibration, or 1.96 (a Gaussian 95%) for a method that is not calibrated.</param>
/// <param name="Calibrated">True when <paramref name="CorpusQuantile"/> comes from the calibration.</param>
/// <param name="Level">The level of the intervals.</param>
/// <param name="OwnQuantile">The largest score |ln(N_obs/N̂)|/s of the runs' own back-test (0 without one).</param>
/// <param name="OwnReachDecades">The farthest distance of the runs' own back-test, in decades (0 without one).</param>
/// <param name="OwnPredictions">How many predictions the runs' own back-test made.</param>
/// <param name="CalibrationReachDecades">The farthest distance the corpus back-tests reached.</param>
public sealed record CalibratedExtrapolation(
    OptimumForecast Forecast,
    double CorpusQuantile,
    bool Calibrated,
    double Level,
    double OwnQuantile,
    double OwnReachDecades,
    int OwnPredictions,
    double CalibrationReachDecades)
{
    /// <summary>A Gaussian 97.5% point, the quantile of a method that is not calibrated.</summary>
    public const double GaussianQuantile = 1.959963984540054;

    /// <summary>The runs' own back-test when this extrapolation was fitted here (null when read from a file).</summary>
    public BacktestResult? Backtest { get; init; }

    /// <summary>q = max(corpus, own back-test).</summary>
    public double Quantile => Math.Max(CorpusQuantile, OwnQuantile);

    /// <summary>True when the runs' own back-test widened the interval beyond the corpus quantile.</summary>
    public bool WidenedByOwnBacktest => OwnQuantile > CorpusQuantile;

    /// <summary>The extrapolation with the runs' own <paramref name="backtest"/> (its rows, largest score and reach).</summary>
    public static CalibratedExtrapolation From(
        OptimumForecast forecast, double corpusQuantile, bool calibrated, double level, BacktestResult? backtest, double calibrationReachDecades)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        var scored = backtest is { Rows.Count: > 0 } ? backtest : null;
        return new CalibratedExtrapolation(
            forecast,
            Require.PositiveFinite(corpusQuantile, nameof(corpusQuantile)),
            calibrated,
            Require.Fraction(level, nameof(level)),
            scored?.MaxScore ?? 0,
            scored?.ReachDecades ?? 0,
            scored?.Rows.Count ?? 0,
            calibrationReachDecades)
        {
            Backtest = scored,
        };
    }

    /// <summary>The allocation at <paramref name="flops"/> with its interval, distance and warnings.</summary>
    public ExtrapolatedOptimum At(double flops)
    {
        Require.PositiveFinite(flops, nameof(flops));
        double estimate = Math.Exp(Forecast.LogParameters(flops));
        double half = Quantile * Forecast.Scale(flops);
        double decades = Forecast.Decades(flops);
        return new ExtrapolatedOptimum(
            flops,
            estimate,
            estimate * Math.Exp(-half),
            estimate * Math.Exp(half),
            Level,
            Calibrated,
            decades,
            Forecast.LargestBudgetFlops,
            Warnings(decades));
    }

    /// <summary>
    /// The plan at <paramref name="flops"/>: N̂, D̂ = C/(6N̂), the local exponents a = d ln N*/d ln C and 1 − a, and, with
    /// <paramref name="law"/>, the loss it predicts at (N̂, D̂).
    /// </summary>
    /// <exception cref="InfeasiblePlanException">N̂ or D̂ is below one.</exception>
    public Allocation.ComputeOptimum Plan(double flops, Laws.LossLaw? law = null) =>
        ForecastAllocator.Create(this, law).Optimum(flops).Plannable();

    private List<string> Warnings(double decades)
    {
        var warnings = new List<string>();
        if (!Calibrated)
        {
            warnings.Add($"The {Name(Forecast.Method)} interval is not calibrated on published studies (a Gaussian {NumberText.Percent(Level)} of its block bootstrap); "
                + "on them this method extrapolated far worse than the default (docs/extrapolation.md). Use --method drift for a calibrated interval.");
        }

        if (WidenedByOwnBacktest)
        {
            warnings.Add(Invariant($"Your runs' own back-test missed by up to {NumberText.Significant(OwnQuantile)} scale units against {NumberText.Significant(CorpusQuantile)} for published studies, so the interval is widened {NumberText.Ratio(OwnQuantile / CorpusQuantile)}x."));
        }

        if (decades > 0 && OwnPredictions == 0)
        {
            warnings.Add("Your runs cannot back-test themselves (a budget beyond the first fit needs at least 6 runs around its optimum), so the interval rests on published studies alone.");
        }
        else if (decades > OwnReachDecades && OwnPredictions > 0)
        {
            warnings.Add(Invariant($"This plan extrapolates {NumberText.Decades(decades)} decades; your runs' own back-test reaches {NumberText.Decades(OwnReachDecades)}, so beyond that the interval rests on published studies alone."));
        }

        if (decades > CalibrationReachDecades)
        {
            warnings.Add(Invariant($"No back-test of a published study reached {NumberText.Decades(decades)} decades (the farthest: {NumberText.Decades(CalibrationReachDecades)}); the interval's growth beyond that is the model's, not measured."));
        }

        return warnings;
    }

    internal static string Name(ExtrapolationMethod method) => method switch
    {
        ExtrapolationMethod.Drift => "drift",
        ExtrapolationMethod.Approach2 => "Approach 2",
        ExtrapolationMethod.VariableProjection => "variable-projection",
        _ => "Approach 3",
    };


    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
