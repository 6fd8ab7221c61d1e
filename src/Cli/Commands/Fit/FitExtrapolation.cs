using System.Globalization;
using Scaling.Fitting;
using Scaling.Fitting.Backtest;
using Scaling.Fitting.Extrapolation;
using Scaling.Fitting.Runs;
using Scaling.Laws;
using Scaling.Text;

namespace Scaling.Cli.Commands.Fit;

/// <summary>
/// The part of <c>scaling fit</c> that carries N* beyond the runs: the calibrated forecast (<c>--method</c>), the plan at
/// <c>--flops</c> with its interval and distance, the rolling-origin back-test (<c>--backtest</c>) and every method side
/// by side (<c>--compare</c>).
/// </summary>
internal static class FitExtrapolation
{
    /// <summary>The block-bootstrap resamples of varpro and approach3: the run bootstrap's count, at most 200.</summary>
    public const int BlockResamples = 200;

    /// <summary>What the user asked: the method (null = auto), whether it was asked explicitly, the budget and the tables.</summary>
    public sealed record Request(ExtrapolationMethod? Method, bool Explicit, double? Flops, bool Backtest, bool Compare, Seed Seed, int Resamples);

    /// <summary>
    /// Adds the extrapolation to <paramref name="report"/> and its prose to <paramref name="memo"/>, and returns the forecast
    /// (or why the runs support none) for the plan.
    /// </summary>
    /// <exception cref="UnusableRunsException">The runs cannot support a method the user asked for explicitly.</exception>
    public static (FitOutput Report, string Memo, FitForecast Forecast) Add(FitOutput report, string memo, IReadOnlyList<TrainingRun> runs, LossLaw? law, Request request)
    {
        var options = new ExtrapolationOptions
        {
            Method = request.Method ?? ExtrapolationMethod.Drift,
            ChooseByBacktest = request.Method is null,
            Seed = request.Seed,
            Resamples = request.Resamples,
        };
        CalibratedExtrapolation extrapolation;
        try
        {
            extrapolation = Extrapolator.Fit(runs, options);
        }
        catch (UnusableRunsException e) when (!request.Explicit && !request.Backtest && !request.Compare)
        {
            string skipped = e.Message;
            return (report with { ExtrapolationSkipped = skipped }, memo + (request.Flops is null ? "\n\nN* beyond the runs: skipped; " + skipped : string.Empty), new FitForecast(null, skipped));
        }

        var output = ExtrapolationOutput.From(extrapolation);
        var lines = new List<string> { string.Empty, Heading(extrapolation, request.Method is null) };
        if (request.Flops is { } flops)
        {
            // The plan at the budget leads the memo (FitHeadline); the JSON keeps it here too, beside the forecast.
            var at = extrapolation.At(flops);
            output = output with { At = ExtrapolatedPlanOutput.From(at) with { Loss = law?.Loss(at.Parameters, at.Tokens) } };
        }
        else
        {
            lines.Add(Invariant($"  N* grows as C^{NumberText.Exponent(extrapolation.Forecast.ExponentAt(extrapolation.Forecast.LargestBudgetFlops))} at your largest budget ({NumberText.Scientific(extrapolation.Forecast.LargestBudgetFlops)} FLOPs); give --flops C for N* with its interval at a budget."));
        }

        lines.Add(OwnBacktest(extrapolation));
        report = report with { Extrapolation = output };
        if (request.Backtest)
        {
            var rows = extrapolation.Backtest?.Rows ?? [];
            report = report with { Backtest = rows.Select(BacktestRowOutput.From).ToArray() };
            lines.Add(string.Empty);
            lines.AddRange(BacktestTable(extrapolation));
        }

        if (request.Compare)
        {
            var methods = Compare(runs, options);
            report = report with { Methods = methods };
            lines.Add(string.Empty);
            lines.AddRange(CompareTable(methods));
        }

        return (report, memo + "\n" + string.Join('\n', lines), new FitForecast(extrapolation, null));
    }

    private static string Heading(CalibratedExtrapolation e, bool auto)
    {
        string how = e.Forecast.Method switch
        {
            ExtrapolationMethod.Drift => "ln N* quadratic in ln C through the IsoFLOP vertices, slope and drift drawn towards 11 published studies",
            ExtrapolationMethod.Approach2 => "a power law through the IsoFLOP vertices, Hoffmann et al. 2022 §3.2",
            ExtrapolationMethod.VariableProjection => "the loss law by variable projection, Golub & Pereyra 1973",
            _ => "the Approach 3 loss law, Hoffmann et al. 2022 §3.3",
        };
        return $"N* beyond the runs: {e.Forecast.Method.Name()} method{(auto ? ", chosen by your runs' own back-test (--method auto)" : string.Empty)} ({how}):";
    }

    private static string OwnBacktest(CalibratedExtrapolation e) => e.OwnPredictions == 0
        ? "  Your runs cannot back-test themselves (a budget beyond the first fit needs 6 runs around its optimum); the interval rests on published studies."
        : Invariant($"  Your runs' own back-test: {e.OwnPredictions} predictions up to {NumberText.Decades(e.OwnReachDecades)} decades, largest miss {NumberText.Significant(e.OwnQuantile)} scale units against {NumberText.Significant(e.CorpusQuantile)} allowed (--backtest shows them).");

    private static IEnumerable<string> BacktestTable(CalibratedExtrapolation e)
    {
        yield return "Back-test (rolling origin: fit on the budgets up to one, predict each larger budget's observed optimum, the vertex of a parabola of loss in ln N through its runs, at least 6 runs, inside the sampled sizes; Hoffmann et al. 2022 §3.2):";
        if (e.Backtest is not { } backtest)
        {
            yield return "  no predictions: no budget beyond the first fit observes an optimum.";
            yield break;
        }

        yield return $"  {"trained to",10}  {"target",10}  {"decades",7}  {"observed N*",11}  {"predicted N* [interval]",-30} {"covered",7}  {"loss MAPE",9}";
        foreach (var r in backtest.Rows)
        {
            string predicted = $"{NumberText.Count(r.EstimatedParameters)} [{NumberText.Count(r.Lower)}, {NumberText.Count(r.Upper)}]";
            yield return Invariant($"  {NumberText.Scientific(r.TrainMaxFlops),10}  {NumberText.Scientific(r.TargetFlops),10}  {NumberText.Decades(r.Decades),7}  {NumberText.Count(r.ObservedParameters),11}  {predicted,-30} {(r.Covered ? "yes" : "NO"),7}  {(r.LossMape is { } m ? NumberText.Percent(m) : "-"),9}");
        }

        double beyond = backtest.RootMeanSquareLogError(1);
        yield return Invariant($"  RMS ln(observed/predicted): {NumberText.Exponent(backtest.RootMeanSquareLogError())}")
            + (double.IsNaN(beyond) ? string.Empty : Invariant($" ({NumberText.Exponent(beyond)} at 1 decade or more)"))
            + Invariant($"; {NumberText.Percent(backtest.Coverage)} of the intervals hold the observed optimum.");
    }

    private static MethodBacktestOutput[] Compare(IReadOnlyList<TrainingRun> runs, ExtrapolationOptions options)
    {
        var budgets = IsoFlopBudget.Group(runs, options.RelativeFlopsTolerance);
        var calibration = options.Calibration;
        return ExtrapolationMethodNames.All.Select(m =>
        {
            double q = calibration.QuantileFor(m.Method) ?? CalibratedExtrapolation.GaussianQuantile;
            var result = Backtester.Run(budgets, calibration.Estimator(m.Method, options.Seed, options.Resamples), q, lossMape: false);
            double beyond = result.RootMeanSquareLogError(1);
            return result.Rows.Count == 0
                ? new MethodBacktestOutput(m.Name, calibration.QuantileFor(m.Method) is not null, 0, null, null, null, 0) { Skipped = "no prediction: too few budgets for this method" }
                : new MethodBacktestOutput(m.Name, calibration.QuantileFor(m.Method) is not null, result.Rows.Count, result.RootMeanSquareLogError(), double.IsNaN(beyond) ? null : beyond, result.Coverage, result.ReachDecades);
        }).ToArray();
    }

    private static IEnumerable<string> CompareTable(IReadOnlyList<MethodBacktestOutput> methods)
    {
        yield return "Every method back-tested on the same runs (RMS of ln(observed/predicted) N*; coverage of each method's own interval):";
        yield return $"  {"method",-10} {"predictions",11}  {"RMS ln",7}  {">= 1 decade",11}  {"coverage",8}  calibrated";
        foreach (var m in methods)
        {
            yield return m.Skipped is not null
                ? $"  {m.Method,-10} {m.Skipped}"
                : Invariant($"  {m.Method,-10} {m.Predictions,11}  {m.RmsLogError ?? double.NaN,7:0.000}  {(m.RmsLogErrorBeyondOneDecade is { } b ? b.ToString("0.000", CultureInfo.InvariantCulture) : "-"),11}  {(m.Coverage ?? double.NaN) * 100,7:0}%  {(m.Calibrated ? "yes" : "no")}");
        }

        yield return "  On 11 published studies held out one at a time, drift erred least (docs/extrapolation.md); a method that wins on few budgets here may not win far beyond them.";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
