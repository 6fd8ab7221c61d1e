using System.Diagnostics;
using System.Globalization;
using Scaling.Cli.Shared;
using Scaling.Fitting.Approach3;
using Scaling.Fitting.Runs;

namespace Scaling.Cli.Commands.Bench;

/// <summary>
/// The scale table of <c>scaling bench</c>: the Approach 3 fit on synthetic runs from 240 to 240,000 (one fit each,
/// after a warm-up), so the growth of its cost with the data is visible; optionally each size is also fitted with every
/// start on every run and the two answers compared.
/// </summary>
internal static class BenchScale
{
    public static void Report(CliConsole console, IReadOnlyList<int> sizes, ParametricFitOptions options, int fullUpTo)
    {
        console.Out.WriteLine(Invariant($"  fit by runs (one fit each; above {options.SubsampleRuns:N0} runs the grid runs on a stratified subsample of {options.SubsampleRuns:N0} and its {options.PolishStarts} best distinct optima are polished on all runs):"));
        ParametricFit.Fit(SyntheticRuns.Generate(SyntheticRunsDesign.Hoffmann2022 with { TotalRuns = sizes[0] }), options);
        foreach (int size in sizes)
        {
            var runs = SyntheticRuns.Generate(SyntheticRunsDesign.Hoffmann2022 with { TotalRuns = size });
            var watch = Stopwatch.StartNew();
            var fit = ParametricFit.Fit(runs, options);
            double seconds = watch.Elapsed.TotalSeconds;
            string grid = fit.Subsampled ? Invariant($"grid on {fit.GridRuns:N0}, {fit.PolishedStarts} polished") : "grid on all runs";
            console.Out.WriteLine(Invariant($"    {size,9:N0} runs: {seconds,8:0.000} s ({grid}); converged {fit.Converged}; alpha {fit.Law.Alpha:0.0000}, beta {fit.Law.Beta:0.0000}, a {fit.ExponentA:0.0000}"));
            if (fit.Subsampled && size <= fullUpTo)
            {
                watch.Restart();
                var full = ParametricFit.Fit(runs, options with { SubsampleRuns = int.MaxValue });
                double fullSeconds = watch.Elapsed.TotalSeconds;
                console.Out.WriteLine(Invariant($"    {string.Empty,9}       every start on every run: {fullSeconds:0.000} s; objectives differ by {RelativeGap(full.Objective, fit.Objective):0.0E+0}, coefficients by at most {LargestGap(full, fit):0.0E+0} (relative)"));
            }
        }

        using var process = Process.GetCurrentProcess();
        console.Out.WriteLine(Invariant($"    peak memory of this process: {process.PeakWorkingSet64 / 1e6:0} MB"));
    }

    private static double LargestGap(ParametricFitResult a, ParametricFitResult b) => new[]
    {
        RelativeGap(a.Law.E, b.Law.E), RelativeGap(a.Law.A, b.Law.A), RelativeGap(a.Law.B, b.Law.B),
        RelativeGap(a.Law.Alpha, b.Law.Alpha), RelativeGap(a.Law.Beta, b.Law.Beta),
    }.Max();

    private static double RelativeGap(double reference, double value) => Math.Abs(value - reference) / Math.Abs(reference);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
