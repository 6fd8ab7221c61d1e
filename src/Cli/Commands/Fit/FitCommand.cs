using System.CommandLine;
using System.Globalization;
using Scaling.Allocation;
using Scaling.Cli.Shared;
using Scaling.Fitting;
using Scaling.Fitting.Approach1;
using Scaling.Fitting.Approach2;
using Scaling.Fitting.Approach3;
using Scaling.Fitting.Bootstrap;
using Scaling.Fitting.Runs;
using Scaling.Laws;
using Scaling.Text;

namespace Scaling.Cli.Commands.Fit;

/// <summary>
/// <c>scaling fit runs.csv</c>: fits the loss law to training runs (Approach 3 of Hoffmann et al. 2022), with bootstrap
/// intervals, and prints a short memo or one JSON object; <c>--out fit.json</c> writes a file that
/// <c>scaling plan --law fit.json</c> reads.
/// </summary>
internal static class FitCommand
{
    public static Command Create(CliConsole console)
    {
        var runsFile = CliOptions.FileArgument("runs.csv", "CSV with the header parameters,tokens,loss (aliases N, D; optional flops, run, budget).", FileKind.Runs);
        var approach = CliOptions.Choice<FitApproach?>(
            "--approach",
            "Which approach (Hoffmann et al. 2022): 3 parametric loss fit (default), 2 IsoFLOP profiles, 1 training-curve envelope, or all.",
            ("1", FitApproach.One),
            ("2", FitApproach.Two),
            ("3", FitApproach.Three),
            ("all", FitApproach.All));
        var bootstrap = CliOptions.Resamples("--bootstrap", "Bootstrap resamples for the intervals (default 1000; 0 skips).", "1000");
        var exclude = CliOptions.Count("--exclude-top-loss", "K", "Leave out the K runs with the highest loss (default 0).", "5", 0, int.MaxValue);
        var seed = CliOptions.Seed("Seed of the bootstrap (default 0); the same seed gives the same output.");
        var flops = CliOptions.Flops("Also plan N*, D* (with intervals) for this budget in FLOPs.");
        var delta = CliOptions.Number("--delta", "DELTA", "Huber delta on the log-loss residual (default 1e-3, the paper's).", "1e-3", NumberRange.Positive);
        var starts = CliOptions.Count("--starts", "K", "Use K starts spread evenly over the paper's 4,500-point grid (default: all), for a quick fit.", "500", 1, InitialGrid.Hoffmann2022.Count);
        var output = CliOptions.Out("Write the fit as JSON for 'scaling plan --law FILE'.", "fit.json");
        var json = CliOptions.Json("Print one JSON object instead of prose (nothing on stderr).");
        var force = CliOptions.Force();
        var method = CliOptions.Choice<FitMethodChoice?>(
            "--method",
            "How N* is carried beyond the runs (needs IsoFLOP budgets): drift (default: ln N* quadratic in ln C with a prior from 11 published studies), "
                + "approach2 (a power law through the IsoFLOP vertices), varpro (the loss law by variable projection), approach3 (the Approach 3 law), "
                + "or auto (the one your runs' own back-test favours). drift and approach2 give 95% intervals calibrated on back-tests of published studies.",
            ("drift", FitMethodChoice.Drift),
            ("approach2", FitMethodChoice.Approach2),
            ("varpro", FitMethodChoice.Varpro),
            ("approach3", FitMethodChoice.Approach3),
            ("auto", FitMethodChoice.Auto));
        var backtest = new Option<bool>("--backtest") { Description = "Show the rolling-origin back-test: fitted on the budgets up to each one, how well it predicted every larger budget's observed N*." };
        var compare = new Option<bool>("--compare") { Description = "Back-test every --method on the same runs, side by side (approach3 refits per budget: slow on many runs)." };
        var overPrediction = CliOptions.Number("--over-prediction-weight", "K", "Weight of runs the law over-predicts (default 1, the paper's symmetric loss); e.g. 10 for one-sided noise, where runs only come out worse than the law.", "10", NumberRange.Positive);
        var command = new Command("fit", "Fit the loss law L = E + A/N^alpha + B/D^beta to training runs, with bootstrap intervals, and carry N* beyond them with a calibrated interval.")
        {
            runsFile, approach, method, backtest, compare, bootstrap, exclude, seed, flops, delta, overPrediction, starts, output, json, force,
        };
        command.SetAction(result =>
        {
            var file = result.GetRequiredValue(runsFile);
            string path = file.Path;
            int resamples = result.GetValue(bootstrap) ?? 1000;
            int excluded = result.GetValue(exclude) ?? 0;
            Seed seedValue = result.GetValue(seed) ?? default;
            double? budget = result.GetValue(flops);
            double huber = result.GetValue(delta) ?? ParametricFitOptions.Hoffmann2022HuberDelta;
            double overWeight = result.GetValue(overPrediction) is { } weight ? OverPredictionWeight(weight) : 1;
            var grid = result.GetValue(starts) is { } startCount ? InitialGrid.Hoffmann2022.Sample(startCount) : InitialGrid.Hoffmann2022;
            bool asJson = result.GetValue(json);
            string? outPath = result.GetValue(output);
            if (outPath is not null && File.Exists(outPath) && !result.GetValue(force))
            {
                throw new UsageException($"--out: '{outPath}' already exists; add --force to replace it.");
            }

            var runs = file.Read(RunsCsv.Read);
            var options = new ParametricFitOptions { HuberDelta = huber, ExcludeTopLoss = excluded, Grid = grid, OverPredictionWeight = overWeight };
            var fitted = (result.GetValue(approach) ?? FitApproach.Three) switch
            {
                FitApproach.One => Approach1(console, path, runs, resamples, seedValue, asJson),
                FitApproach.Two => Approach2(console, path, runs, resamples, seedValue, asJson),
                FitApproach.Three => Approach3(console, path, runs, options, resamples, seedValue, asJson),
                _ => All(console, path, runs, options, resamples, seedValue, budget, asJson),
            };

            var choice = result.GetValue(method);
            var request = new FitExtrapolation.Request(
                choice.ToMethod(), choice is not null, budget, result.GetValue(backtest), result.GetValue(compare), seedValue, Math.Min(resamples, FitExtrapolation.BlockResamples));
            var (report, memo, forecast) = FitExtrapolation.Add(fitted.Report, fitted.Memo, runs, (fitted.Law as ParametricLaw)?.LossLaw, request);

            // The plan at --flops is decided once (FittedPlan): the calibrated forecast's when the runs support one, and it
            // comes first; the law's own optimum follows, named for what it is.
            if (budget is { } c)
            {
                var plan = FittedPlan.At(fitted.With(forecast), c);
                var ruleIntervals = fitted.RuleBootstrap?.At(c);
                report = FitHeadline.Apply(report, plan, ruleIntervals);
                memo = FitHeadline.Prose(plan, ruleIntervals, runs.Max(r => r.Flops), fitted.LawWarnings.Count) + "\n\n" + memo;
            }

            string planWith = $"scaling plan --law {(outPath ?? "fit.json")} --flops {NumberText.Scientific(budget ?? 1e24)}";
            if (outPath is not null)
            {
                OutputFile.Write("--out", outPath, CliJson.WriteIndented(report, CliJsonContext.Default.FitOutput) + "\n", result.GetValue(force));
                memo += $"\nWrote {outPath}; plan with it: {planWith}";
            }
            else
            {
                memo += $"\nNext: keep the fit with --out fit.json, then plan with it: {planWith}";
            }

            console.Out.WriteLine(asJson ? CliJson.Write(report, CliJsonContext.Default.FitOutput) : memo);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// All approaches on the same runs: Approach 3's law at the top level (so <c>scaling plan --law</c> reads the file),
    /// each approach's own report under <c>approaches</c>, and a line comparing their exponents a. Approach 1 needs
    /// runs with several checkpoints; without them it is reported as skipped, not as an error.
    /// </summary>
    private static FittedApproach All(
        CliConsole console, string path, IReadOnlyList<TrainingRun> runs, ParametricFitOptions options, int resamples, Seed seed, double? budget, bool asJson)
    {
        var fitted3 = Approach3(console, path, runs, options, resamples, seed, asJson);
        var three = (Approach3Output)fitted3.Report;
        var memos = new List<string> { fitted3.Memo };
        var exponents = new List<string> { $"3: {NumberText.Exponent(three.ExponentA)}" };
        FitOutput Other(FitApproach approach, Func<FittedApproach> fit)
        {
            int number = (int)approach;
            try
            {
                var fitted = fit();
                var report = budget is { } c ? FitHeadline.WithLawOptimum(fitted.Report, fitted.Law.Plan(c), fitted.RuleBootstrap?.At(c)) : fitted.Report;
                memos.Add(fitted.Memo);
                exponents.Add($"{number}: {NumberText.Exponent(((AllocationFitOutput)report).ExponentA)}");
                return report;
            }
            catch (UnusableRunsException e)
            {
                // Approach 1 needs training curves and 2 several budgets; runs without them are a reason to skip, not an error.
                string reason = $"{path}: {e.Message}";
                memos.Add($"Approach {number} skipped: {reason}");
                return new SkippedApproachOutput(approach, reason);
            }
        }

        var two = Other(FitApproach.Two, () => Approach2(console, path, runs, resamples, seed, asJson));
        var one = Other(FitApproach.One, () => Approach1(console, path, runs, resamples, seed, asJson));
        var combined = three with { Approach = FitApproach.All, Approaches = new ApproachesOutput(three, two, one) };
        memos.Add($"Exponent a (N* grows as C^a) by approach: {string.Join(", ", exponents)}; Hoffmann et al. 2022 found 3: 0.46, 2: 0.49, 1: 0.50 on their runs (Table 2).");
        return fitted3 with { Report = combined, Memo = string.Join("\n\n", memos) };
    }

    private static FittedApproach Approach2(CliConsole console, string path, IReadOnlyList<TrainingRun> runs, int resamples, Seed seed, bool asJson)
    {
        IsoFlopFitResult fit;
        using (var bar = ProgressLine.Start(console, !asJson && resamples > 0, "fit: bootstrap  ", resamples))
        {
            fit = IsoFlopFitter.Fit(runs, new IsoFlopFitOptions { Resamples = resamples, Seed = seed }, bar);
        }

        var report = AllocationFitOutput.From(FitApproach.Two, fit.Frontier, fit.Bootstrap, fit.Warnings) with
        {
            GroupsUsed = fit.GroupsUsed,
            RunsUsed = fit.RunsUsed,
            Profiles = fit.Profiles.Select(IsoFlopProfileOutput.From).ToArray(),
        };
        return FittedApproach.Rule(report, FitMemo.Approach2(path, fit), fit.Frontier.Rule, $"Approach 2 fit to {fit.RunsUsed} runs of {path}", fit.Bootstrap);
    }

    private static FittedApproach Approach1(CliConsole console, string path, IReadOnlyList<TrainingRun> runs, int resamples, Seed seed, bool asJson)
    {
        EnvelopeFitResult fit;
        using (var bar = ProgressLine.Start(console, !asJson && resamples > 0, "fit: bootstrap  ", resamples))
        {
            fit = EnvelopeFitter.Fit(runs, new EnvelopeFitOptions { Resamples = resamples, Seed = seed }, bar);
        }

        var report = AllocationFitOutput.From(FitApproach.One, fit.Frontier, fit.Bootstrap, fit.Warnings) with
        {
            CurvesUsed = fit.CurvesUsed,
            PointsUsed = fit.PointsUsed,
        };
        return FittedApproach.Rule(report, FitMemo.Approach1(path, fit), fit.Frontier.Rule, $"Approach 1 fit to {fit.CurvesUsed} training runs of {path}", fit.Bootstrap);
    }

    private static FittedApproach Approach3(
        CliConsole console, string path, IReadOnlyList<TrainingRun> runs, ParametricFitOptions options, int resamples, Seed seed, bool asJson)
    {
        if (options.ExcludeTopLoss > 0 && options.ExcludeTopLoss >= runs.Count)
        {
            throw new UsageException($"--exclude-top-loss {options.ExcludeTopLoss} leaves no runs of the {runs.Count} in {path}; exclude fewer.");
        }

        ParametricFitResult fit;
        using (var bar = ProgressLine.Start(console, !asJson, "fit: multi-start", options.ProgressTotal(runs.Count - options.ExcludeTopLoss)))
        {
            fit = ParametricFit.Fit(runs, options, bar);
        }

        BootstrapResult? boot = null;
        if (resamples > 0)
        {
            using var bar = ProgressLine.Start(console, !asJson, "fit: bootstrap  ", resamples);
            boot = ParametricBootstrap.Run(fit, new BootstrapOptions { Resamples = resamples, Seed = seed }, options, bar);
        }

        var law = ScalingLaw.Parametric(path, fit.Law, $"Approach 3 fit to {fit.RunsUsed} runs of {path}", "fitted by scaling fit");
        return new FittedApproach(Approach3Output.From(fit, boot), FitMemo.Approach3(path, fit, boot), law, boot?.ResampledLaws() ?? [], null)
        {
            LawWarnings = FitWarnings.Of(fit, boot),
        };
    }

    private static double OverPredictionWeight(double value) =>
        value >= 1 ? value : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--over-prediction-weight must be at least 1 (1 is symmetric), got {value}; for example --over-prediction-weight 10."));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
