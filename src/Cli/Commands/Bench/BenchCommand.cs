using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Scaling.Allocation;
using Scaling.Campaign;
using Scaling.Cli.Shared;
using Scaling.Fitting.Approach3;
using Scaling.Fitting.Bootstrap;
using Scaling.Fitting.Extrapolation;
using Scaling.Fitting.Runs;
using Scaling.Laws;

namespace Scaling.Cli.Commands.Bench;

/// <summary>
/// <c>scaling bench</c>: times the Approach 3 grid fit (with its single-precision phase, and in double precision
/// throughout for comparison) and the bootstrap on synthetic runs (a warm-up, then the median of a few repetitions), so
/// the performance claims in the notes can be checked on any machine.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliConsole console)
    {
        var runs = CliOptions.Count("--runs", "N", $"Synthetic runs to fit (default 240); from {CliOptions.MinSyntheticRuns}, one per IsoFLOP budget.", "240", CliOptions.MinSyntheticRuns, CliOptions.MaxRuns);
        var starts = CliOptions.Count("--starts", "K", "Starts of the grid fit (default 4500, the paper's grid).", "4500", 1, InitialGrid.Hoffmann2022.Count);
        var resamples = CliOptions.Count("--resamples", "B", "Bootstrap resamples (default 4000).", "4000", 1, CliOptions.MaxResamples);
        var repetitions = CliOptions.Count("--repetitions", "R", "Timed repetitions after the warm-up (default 5).", "5", 1, CliOptions.MaxRepetitions);
        var trials = CliOptions.Count("--trials", "T", "Simulated campaigns of the 72-run Chinchilla design (default 200).", "200", 2, CliOptions.MaxResamples);
        var scale = new Option<string>("--scale") { Description = "Run counts for the scale table, comma-separated (default 240,2400,24000,240000; 'none' skips it).", HelpName = "N,N,..." };
        var fullUpTo = CliOptions.Count("--full-up-to", "N", "In the scale table, also fit every start on every run up to this many runs and compare (default 0: no comparison).", "24000", 0, 1_000_000);
        var processes = CliOptions.Count("--processes", "P", "Child processes timed for start-up and the whole-process fit (default 10; 0 skips).", "10", 0, 1000);
        var tool = new Option<string>("--tool") { Description = "Also time the start-up of this installed scaling (default: the 'scaling' on PATH, if any).", HelpName = "FILE" };
        var scipy = new Option<string>("--scipy") { Description = "Also time SciPy's L-BFGS-B on the same runs and starts with this script (benchmarks/scipy_approach3.py).", HelpName = "SCRIPT" };
        var command = new Command("bench", "Time the Approach 3 fit (4,500 starts), the bootstrap, start-up, and the fit from 240 to 240,000 runs.")
        {
            runs, starts, resamples, repetitions, scale, fullUpTo, processes, tool, scipy, trials,
        };
        command.SetAction(result =>
        {
            int runCount = result.GetValue(runs) ?? 240;
            int startCount = result.GetValue(starts) ?? InitialGrid.Hoffmann2022.Count;
            int resampleCount = result.GetValue(resamples) ?? 4000;
            int repeat = result.GetValue(repetitions) ?? 5;
            int trialCount = result.GetValue(trials) ?? 200;
            string? toolFile = ToolFile(result.GetValue(tool));
            string scaleText = result.GetValue(scale) ?? "240,2400,24000,240000";
            int[]? scaleSizes = scaleText.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : ScaleSizes(scaleText);
            var data = SyntheticRuns.Generate(SyntheticRunsDesign.Hoffmann2022 with { TotalRuns = runCount });
            var options = new ParametricFitOptions { Grid = startCount == InitialGrid.Hoffmann2022.Count ? InitialGrid.Hoffmann2022 : InitialGrid.Hoffmann2022.Sample(startCount) };
            var bootstrapOptions = new BootstrapOptions { Resamples = resampleCount, Seed = 1, Flops = 5.76e23 };

            console.Out.WriteLine(Invariant($"scaling bench: {runCount} synthetic runs (hoffmann2022, 1% noise), {startCount} starts, {resampleCount} resamples, {Environment.ProcessorCount} cores, {repeat} repetitions after a warm-up."));
            ParametricFitResult fit = ParametricFit.Fit(data, options);
            var fitTimes = Time(repeat, () => fit = ParametricFit.Fit(data, options), out double[] fitCpu);
            console.Out.WriteLine(Invariant($"  grid fit:  median {Median(fitTimes):0.000} s (min {fitTimes.Min():0.000}, max {fitTimes.Max():0.000}), CPU {Median(fitCpu):0.000} s; {fit.StartsConverged}/{fit.Starts} starts converged, {fit.StartsAtBest} at the best objective, best converged: {fit.Converged}"));
            console.Out.WriteLine(Invariant($"             alpha {fit.Law.Alpha:0.0000}, beta {fit.Law.Beta:0.0000}, a {fit.ExponentA:0.0000} (truth 0.34, 0.28, 0.4516)"));
            var exactOptions = options with { SinglePrecisionPhase = false };
            ParametricFitResult exact = ParametricFit.Fit(data, exactOptions);
            var exactTimes = Time(repeat, () => exact = ParametricFit.Fit(data, exactOptions), out double[] exactCpu);
            double objectiveGap = Math.Abs(exact.Objective - fit.Objective) / exact.Objective;
            console.Out.WriteLine(Invariant($"  grid fit, double precision throughout: median {Median(exactTimes):0.000} s (min {exactTimes.Min():0.000}), CPU {Median(exactCpu):0.000} s; {exact.StartsAtBest} at the best objective; best objectives differ by {objectiveGap:0.0E+0} (relative)"));
            BootstrapResult boot = ParametricBootstrap.Run(fit, bootstrapOptions with { Resamples = Math.Min(resampleCount, 200) });
            var bootTimes = Time(repeat, () => boot = ParametricBootstrap.Run(fit, bootstrapOptions), out double[] bootCpu);
            console.Out.WriteLine(Invariant($"  bootstrap: median {Median(bootTimes):0.000} s (min {bootTimes.Min():0.000}, max {bootTimes.Max():0.000}), CPU {Median(bootCpu):0.000} s; {boot.Converged}/{boot.Resamples} refits converged; a in [{boot.Intervals.ExponentA.Lower:0.0000}, {boot.Intervals.ExponentA.Upper:0.0000}]"));
            Backtest(console, data, repeat);
            if (trialCount >= 2)
            {
                Campaign(console, trialCount, Math.Max(2, Math.Min(resampleCount, 200)), repeat);
            }

            int childRuns = result.GetValue(processes) ?? 10;
            if (childRuns > 0)
            {
                BenchProcesses.Report(console, data, options, childRuns, result.GetValue(scipy), toolFile);
            }

            if (scaleSizes is not null)
            {
                BenchScale.Report(console, scaleSizes, options, result.GetValue(fullUpTo) ?? 0);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    // The default 'scaling fit' extrapolation on the same runs: the drift forecast, its rolling-origin back-test on the runs
    // (with a variable-projection loss law per origin for the loss MAPE) and the calibrated interval; then the same on
    // Chinchilla's real runs, and the calibration recomputed from the 11 embedded studies (what a test checks).
    private static void Backtest(CliConsole console, IReadOnlyList<TrainingRun> data, int repeat)
    {
        var extrapolation = Extrapolator.Fit(data);
        var times = Time(repeat, () => extrapolation = Extrapolator.Fit(data), out double[] cpu);
        var at = extrapolation.At(5.76e23);
        console.Out.WriteLine(Invariant($"  back-test: {data.Count} runs, drift forecast with its own back-test ({extrapolation.OwnPredictions} predictions, loss MAPE per origin) and calibrated interval: median {Median(times):0.000} s (min {times.Min():0.000}), CPU {Median(cpu):0.000} s; N* at 5.76e23 {at.Parameters:0.00E+0} [{at.ParametersLower:0.00E+0}, {at.ParametersUpper:0.00E+0}]"));
        var chinchilla = IsoFlopCorpus.All.Single(s => s.Name == "epoch-chinchilla");
        var real = chinchilla.Budgets.SelectMany(b => b.Runs).ToArray();
        var realTimes = Time(repeat, () => extrapolation = Extrapolator.Fit(real), out double[] realCpu);
        var calibrationTimes = Time(1, () => ExtrapolationCalibration.Compute(IsoFlopCorpus.Calibration), out double[] calibrationCpu);
        console.Out.WriteLine(Invariant($"             Chinchilla's {real.Length} real runs: median {Median(realTimes):0.000} s, CPU {Median(realCpu):0.000} s ({extrapolation.OwnPredictions} predictions); calibration from the 11 embedded studies: {calibrationTimes[0]:0.000} s, CPU {calibrationCpu[0]:0.000} s"));
    }

    // The campaign simulation (scaling campaign --simulate): Chinchilla's 72-run design under hoffmann2022-unrounded, 1%
    // noise, each trial fitted from the warm start with its own bootstrap and Approach 2, against one full-grid fit of
    // the same 72 runs.
    private static void Campaign(CliConsole console, int trials, int resamples, int repeat)
    {
        var truth = LawPresets.Hoffmann2022Unrounded.LossLaw;
        var design = CampaignDesigner.Design(ComputeOptimalFrontier.Create(truth), 1e24, 4.1e22);
        var data = CampaignSimulator.Draw(design.Runs, truth, LossNoise.Gaussian(0.01), 1, 0);
        ParametricFit.Fit(data);
        var single = Time(repeat, () => ParametricFit.Fit(data), out _);
        var options = new SimulationOptions { Trials = trials, Resamples = resamples, Seed = 1 };
        var simulation = CampaignSimulator.Simulate(design, truth, options with { Trials = 2 });
        var fitsOnly = Time(repeat, () => simulation = CampaignSimulator.Simulate(design, truth, options with { Resamples = 0, Approach2 = false }), out _);
        var full = Time(repeat, () => simulation = CampaignSimulator.Simulate(design, truth, options), out double[] fullCpu);
        var check = CampaignSimulator.CheckWarmStart(design.Runs, 1e24, truth, options, 0);
        console.Out.WriteLine(Invariant($"  campaign:  {trials} simulated campaigns of {design.Runs.Count} runs: Approach 3 fits only median {Median(fitsOnly):0.000} s; with {resamples} bootstrap refits each and Approach 2 median {Median(full):0.000} s (CPU {Median(fullCpu):0.000} s) = {Median(full) / Median(single):0.0}x one 4,500-start fit of the same runs ({Median(single):0.000} s)"));
        console.Out.WriteLine(Invariant($"             N* at 1e24 within +-{simulation.Approach3.RelativeWidth * 50:0.0}% (95% of trials), per-trial intervals cover the truth in {simulation.Approach3.Coverage * 100:0.0}%; warm start vs grid on trial 0: objectives differ by {check.RelativeObjectiveGap:0.0E+0}, N* by {check.RelativeParametersDifference:0.0E+0}"));
    }

    // Wall-clock seconds per repetition; the process's CPU seconds go to cpuSeconds (a check on a busy machine:
    // on an idle one, CPU ≈ wall × cores).
    private static double[] Time(int repetitions, Action action, out double[] cpuSeconds)
    {
        var seconds = new double[repetitions];
        cpuSeconds = new double[repetitions];
        using var process = Process.GetCurrentProcess();
        for (int i = 0; i < repetitions; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            action();
            seconds[i] = watch.Elapsed.TotalSeconds;
            process.Refresh();
            cpuSeconds[i] = (process.TotalProcessorTime - cpu).TotalSeconds;
        }

        return seconds;
    }

    private static string? ToolFile(string? path) =>
        path is null || File.Exists(path)
            ? path
            : throw new UsageException($"--tool: '{path}' does not exist; give the installed command, for example --tool ~/.dotnet/tools/scaling.");

    private static int[] ScaleSizes(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n is >= 9 and <= 1_000_000
                ? n
                : throw new UsageException($"--scale: '{t}' is not a run count between 9 and 1000000; for example --scale 240,2400,24000,240000."))
            .ToArray();

    internal static double Median(double[] values)
    {
        double[] sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
