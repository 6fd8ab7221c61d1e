using System.CommandLine;
using System.Globalization;
using Scaling.Allocation;
using Scaling.Cli.Shared;
using Scaling.Fitting.Approach3;
using Scaling.Fitting.Bootstrap;
using Scaling.Fitting.Runs;
using Scaling.Fitting;
using Scaling.Laws;

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
        var runsFile = new Argument<string>("runs.csv") { Description = "CSV with the header parameters,tokens,loss (aliases N, D; optional flops, run, budget)." };
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
        var overPrediction = CliOptions.Number("--over-prediction-weight", "K", "Weight of runs the law over-predicts (default 1, the paper's symmetric loss); e.g. 10 for one-sided noise, where runs only come out worse than the law.", "10", NumberRange.Positive);
        var command = new Command("fit", "Fit the loss law L = E + A/N^alpha + B/D^beta to training runs, with bootstrap intervals.")
        {
            runsFile, approach, bootstrap, exclude, seed, flops, delta, overPrediction, starts, output, json, force,
        };
        command.SetAction(result =>
        {
            string path = result.GetRequiredValue(runsFile);
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

            var runs = ReadRuns(path);
            var options = new ParametricFitOptions { HuberDelta = huber, ExcludeTopLoss = excluded, Grid = grid, OverPredictionWeight = overWeight };
            var (report, memo) = (result.GetValue(approach) ?? FitApproach.Three) switch
            {
                FitApproach.One => AllocationFitReport.Approach1(console, path, runs, resamples, seedValue, budget, asJson),
                FitApproach.Two => AllocationFitReport.Approach2(console, path, runs, resamples, seedValue, budget, asJson),
                FitApproach.Three => Approach3(console, path, runs, options, resamples, seedValue, budget, asJson),
                _ => All(console, path, runs, options, resamples, seedValue, budget, asJson),
            };

            if (outPath is not null)
            {
                OutputFile.Write("--out", outPath, CliJson.WriteIndented(report, CliJsonContext.Default.FitOutput) + "\n", result.GetValue(force));
                memo += $"\nWrote {outPath}; plan with it: scaling plan --law {outPath} --flops C";
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
    private static (FitOutput Report, string Memo) All(
        CliConsole console, string path, IReadOnlyList<TrainingRun> runs, ParametricFitOptions options, int resamples, Seed seed, double? budget, bool asJson)
    {
        var (three, memo3) = Approach3(console, path, runs, options, resamples, seed, budget, asJson);
        var memos = new List<string> { memo3 };
        var exponents = new List<string> { $"3: {Humanize.Exponent(three.ExponentA)}" };
        FitOutput Other(FitApproach approach, Func<(FitOutput Report, string Memo)> fit)
        {
            int number = (int)approach;
            try
            {
                var (report, memo) = fit();
                memos.Add(memo);
                exponents.Add($"{number}: {Humanize.Exponent(((AllocationFitOutput)report).ExponentA)}");
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

        var two = Other(FitApproach.Two, () => AllocationFitReport.Approach2(console, path, runs, resamples, seed, budget, asJson));
        var one = Other(FitApproach.One, () => AllocationFitReport.Approach1(console, path, runs, resamples, seed, budget, asJson));
        var combined = three with { Approach = FitApproach.All, Approaches = new ApproachesOutput(three, two, one) };
        memos.Add($"Exponent a (N* grows as C^a) by approach: {string.Join(", ", exponents)}; Hoffmann et al. 2022 found 3: 0.46, 2: 0.49, 1: 0.50 on their runs (Table 2).");
        return (combined, string.Join("\n\n", memos));
    }

    private static (Approach3Output Report, string Memo) Approach3(
        CliConsole console, string path, IReadOnlyList<TrainingRun> runs, ParametricFitOptions options, int resamples, Seed seed, double? budget, bool asJson)
    {
        if (options.ExcludeTopLoss >= runs.Count)
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
            boot = ParametricBootstrap.Run(fit, new BootstrapOptions { Resamples = resamples, Seed = seed, Flops = budget }, options, bar);
        }

        LossOptimum? plan = budget is { } c ? ComputeOptimalFrontier.Create(fit.Law).Optimum(c).Plannable() : null;
        return (Approach3Output.From(fit, boot, plan), Describe(path, fit, boot, plan));
    }

    private static string Describe(string path, ParametricFitResult fit, BootstrapResult? boot, LossOptimum? plan)
    {
        var law = fit.Law;
        var lines = new List<string>
        {
            Invariant($"Approach 3 fit (Hoffmann et al. 2022) to {fit.RunsUsed} runs from {path}")
                + (fit.RunsExcluded > 0 ? Invariant($" ({fit.RunsExcluded} highest-loss runs left out)") : string.Empty)
                + Invariant($", Huber delta {fit.HuberDelta:G3}")
                + (fit.OverPredictionWeight != 1 ? Invariant($", over-predicted runs weighted {fit.OverPredictionWeight:G3}x (one-sided noise)") : string.Empty)
                + Invariant($", {fit.Starts} starts:"),
            $"  L = {Humanize.Exponent(law.E)} + {Humanize.Significant(law.A)}/N^{Humanize.Exponent(law.Alpha)} + {Humanize.Significant(law.B)}/D^{Humanize.Exponent(law.Beta)}",
        };
        string level = boot is null ? string.Empty : Invariant($"{boot.Intervals.Level * 100:0}% interval");
        if (boot is not null)
        {
            lines.Add($"  {"",-10} {"estimate",10}  {"std. error",10}  {level}");
            foreach (var (name, interval) in boot.Intervals.Take(7))
            {
                lines.Add($"  {name,-10} {Humanize.Significant(interval.Estimate),10}  {Humanize.Significant(interval.StandardError),10}  [{Humanize.Significant(interval.Lower)}, {Humanize.Significant(interval.Upper)}]");
            }
        }

        lines.Add($"  N* grows as C^{Humanize.Exponent(fit.ExponentA)}, D* as C^{Humanize.Exponent(fit.ExponentB)} (G = {Humanize.Significant(fit.G)}).");
        lines.Add(fit.Converged
            ? Invariant($"  Converged: every gradient component <= tolerance (largest {fit.GradientNorm:0.0E+0}) after {fit.Iterations} iterations.")
            : Invariant($"  Warning: NOT converged (largest gradient component {fit.GradientNorm:0.0E+0} after {fit.Iterations} iterations); treat the digits with care."));
        if (fit.Subsampled)
        {
            lines.Add(Invariant($"  The {fit.Starts} starts ran on a stratified subsample of {fit.GridRuns} of the {fit.RunsUsed} runs ({fit.StartsAtBest} reached its best objective, {fit.StartsConverged} converged);"));
            lines.Add(Invariant($"  its {fit.PolishedStarts} best distinct optima were polished on all runs; the best, objective {fit.Objective:G6}, is the fit above."));
        }
        else
        {
            lines.Add(Invariant($"  {fit.StartsAtBest} of {fit.Starts} starts reached the best objective {fit.Objective:G6} (within 1e-9); {fit.StartsConverged} converged."));
        }
        lines.Add(fit.OnGridBoundary
            ? $"  Warning: the optimum lies on the boundary of the start grid in {string.Join(", ", fit.GridBoundaryAxes)}; the grid may not bracket it."
            : "  The optimum lies inside the grid of starts.");
        lines.Add(Invariant($"  Residuals of ln L: RMSE {fit.Residuals.RootMeanSquare * 100:0.00}%, mean |r| {fit.Residuals.MeanAbsolute * 100:0.00}%, max |r| {fit.Residuals.MaxAbsolute * 100:0.00}%."));
        if (plan is not null)
        {
            lines.Add($"  At {Humanize.Scientific(plan.Flops)} FLOPs: {Humanize.Count(plan.Parameters)} parameters{Range(boot?.Intervals.Plan?.Parameters, Humanize.Count)} on "
                + $"{Humanize.Count(plan.Tokens)} tokens{Range(boot?.Intervals.Plan?.Tokens, Humanize.Count)}, {Humanize.Ratio(plan.TokensPerParameter)} tokens/parameter"
                + $"{Range(boot?.Intervals.Plan?.TokensPerParameter, Humanize.Ratio)}, predicted loss {Humanize.Loss(plan.Loss)}.");
        }

        if (boot is not null)
        {
            lines.Add(Invariant($"  Bootstrap: {boot.Resamples} resamples (seed {boot.Seed}), {boot.Converged} refits converged; {level}s are percentile intervals."));
        }

        return string.Join('\n', lines);
    }

    private static string Range(Interval? interval, Func<double, string> format) =>
        interval is { } i ? $" [{format(i.Lower)}, {format(i.Upper)}]" : string.Empty;

    internal static IReadOnlyList<TrainingRun> ReadRuns(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"runs.csv: file '{path}' does not exist; give a CSV with the header parameters,tokens,loss (try 'scaling synth --out runs.csv').");
        }

        // Streamed: memory grows with the runs kept, not with the file's size.
        try
        {
            using var reader = File.OpenText(path);
            return RunsCsv.Read(reader, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"runs.csv: cannot read '{path}': {e.Message}");
        }
    }

    private static double OverPredictionWeight(double value) =>
        value >= 1 ? value : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--over-prediction-weight must be at least 1 (1 is symmetric), got {value}; for example --over-prediction-weight 10."));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
