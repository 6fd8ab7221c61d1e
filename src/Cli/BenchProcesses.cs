using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Scaling.Fitting;

namespace Scaling.Cli;

/// <summary>
/// The whole-process timings of <c>scaling bench</c>: start-up (<c>scaling plan --flops 1e24 --json</c> in a fresh
/// process) and the whole-process fit (<c>scaling fit runs.csv --bootstrap 0 --json</c>), each the median over child
/// processes of this same executable; with a SciPy script, SciPy's L-BFGS-B on the same runs and starts, side by side.
/// </summary>
internal static class BenchProcesses
{
    public static void Report(CliConsole console, IReadOnlyList<TrainingRun> runs, ParametricFitOptions options, int repetitions, string? scipyScript)
    {
        var (file, prefix) = Self();
        string launch = string.Join(' ', new[] { file }.Concat(prefix).Select(Path.GetFileName));
        Run(file, [.. prefix, "plan", "--flops", "1e24", "--json"]);
        double[] startup = Enumerable.Range(0, repetitions).Select(_ => Run(file, [.. prefix, "plan", "--flops", "1e24", "--json"]).Seconds).ToArray();
        console.Out.WriteLine(Invariant($"  start-up ({launch} plan --flops 1e24 --json, {repetitions} processes): median {BenchCommand.Median(startup) * 1000:0} ms (min {startup.Min() * 1000:0})"));

        string csv = Path.Combine(Path.GetTempPath(), $"scaling-bench-{Environment.ProcessId}.csv");
        try
        {
            File.WriteAllText(csv, RunsCsv.Format(runs));
            string[] startsArgument = options.Grid.Count == InitialGrid.Hoffmann2022.Count ? [] : ["--starts", options.Grid.Count.ToString(CultureInfo.InvariantCulture)];
            string[] fitArguments = [.. prefix, "fit", csv, "--bootstrap", "0", "--json", .. startsArgument];
            var fits = Enumerable.Range(0, Math.Max(1, Math.Min(repetitions, 5))).Select(_ => Run(file, fitArguments)).ToArray();
            double fitSeconds = BenchCommand.Median(fits.Select(f => f.Seconds).ToArray());
            double objective = JsonDocument.Parse(fits[0].Output).RootElement.GetProperty("objective").GetDouble();
            console.Out.WriteLine(Invariant($"  whole-process fit ({runs.Count} runs, {options.Grid.Count} starts, start-up included, {fits.Length} processes): median {fitSeconds:0.000} s; objective {objective:G6}"));
            if (scipyScript is not null)
            {
                var scipy = Run(Python(), [scipyScript, csv, .. startsArgument]);
                using var json = JsonDocument.Parse(scipy.Output);
                double scipyObjective = json.RootElement.GetProperty("objective").GetDouble();
                console.Out.WriteLine(Invariant($"  SciPy L-BFGS-B, same runs and starts, analytic gradient (whole process): {scipy.Seconds:0.000} s; objective {scipyObjective:G6}; scaling is {scipy.Seconds / fitSeconds:0.0}x faster; objectives differ by {(scipyObjective - objective) / objective:0.0E+0} (relative, + means SciPy's is higher)"));
            }
        }
        finally
        {
            File.Delete(csv);
        }
    }

    // This executable: the apphost (the installed tool) or, under 'dotnet' or a test host, dotnet with this assembly.
    private static (string File, string[] Prefix) Self()
    {
        string process = Environment.ProcessPath ?? "dotnet";
        string name = Path.GetFileNameWithoutExtension(process);
        return name.Equals("dotnet", StringComparison.OrdinalIgnoreCase) || name.StartsWith("testhost", StringComparison.OrdinalIgnoreCase)
            ? ("dotnet", [typeof(BenchProcesses).Assembly.Location])
            : (process, []);
    }

    // Debian's python3-scipy installs for /usr/bin/python3, which a python3 earlier on PATH may not see.
    private static string Python() =>
        Environment.GetEnvironmentVariable("SCALING_PYTHON") is { Length: > 0 } python ? python
        : File.Exists("/usr/bin/python3") ? "/usr/bin/python3"
        : "python3";

    private static (double Seconds, string Output) Run(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        double seconds = watch.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new UsageException($"bench: '{file} {string.Join(' ', arguments)}' exited with {process.ExitCode}: {error.Result.Split('\n')[0]}");
        }

        return (seconds, output);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
