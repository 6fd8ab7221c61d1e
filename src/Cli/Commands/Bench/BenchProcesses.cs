using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Scaling.Cli.Shared;
using Scaling.Fitting.Approach3;
using Scaling.Fitting.Runs;

namespace Scaling.Cli.Commands.Bench;

/// <summary>
/// The whole-process timings of <c>scaling bench</c>: start-up (<c>scaling plan --flops 1e24 --json</c> in a fresh
/// process: median wall and CPU time, of this executable and of the installed <c>scaling</c> when there is one) and the
/// whole-process fit (<c>scaling fit runs.csv --bootstrap 0 --json</c>), each the median over child processes of this
/// same executable; with a SciPy script, SciPy's L-BFGS-B on the same runs and starts, side by side.
/// </summary>
internal static class BenchProcesses
{
    public static void Report(CliConsole console, IReadOnlyList<TrainingRun> runs, ParametricFitOptions options, int repetitions, string? scipyScript, string? tool)
    {
        var (file, prefix) = Self();
        StartUp(console, file, prefix, repetitions);
        if ((tool ?? InstalledTool()) is { } installed && !SameFile(installed, file))
        {
            StartUp(console, installed, [], repetitions);
        }

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

    // Median wall and CPU (user + system, of the child alone) time of 'plan --flops 1e24 --json' in fresh processes,
    // after one untimed run that warms the file cache.
    private static void StartUp(CliConsole console, string file, string[] prefix, int repetitions)
    {
        string[] plan = [.. prefix, "plan", "--flops", "1e24", "--json"];
        Run(file, plan);
        var timings = Enumerable.Range(0, repetitions).Select(_ => Run(file, plan)).ToArray();
        double[] wall = timings.Select(t => t.Seconds).ToArray();
        double[] cpu = timings.Select(t => t.CpuSeconds).OfType<double>().ToArray();
        string cpuText = cpu.Length == timings.Length ? Invariant($", CPU (user+sys) median {BenchCommand.Median(cpu) * 1000:0} ms (min {cpu.Min() * 1000:0})") : string.Empty;
        console.Out.WriteLine(Invariant($"  start-up ({file} {string.Join(' ', plan.Select(a => a.Contains(Path.DirectorySeparatorChar) ? Path.GetFileName(a) : a))}, {repetitions} processes): wall median {BenchCommand.Median(wall) * 1000:0} ms (min {wall.Min() * 1000:0}){cpuText}"));
    }

    // The 'scaling' a user would run: the first on PATH (a global tool install puts it in ~/.dotnet/tools).
    private static string? InstalledTool()
    {
        string name = OperatingSystem.IsWindows() ? "scaling.exe" : "scaling";
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }

    private static bool SameFile(string a, string b) =>
        string.Equals(Resolve(a), Resolve(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static string Resolve(string path)
    {
        string full = Path.GetFullPath(path);
        return File.Exists(full) ? File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full : full;
    }

    // This executable: the apphost (the installed tool) or, under 'dotnet' or a test host, dotnet with this assembly.
    private static (string File, string[] Prefix) Self()
    {
        string process = Environment.ProcessPath ?? "dotnet";
        string name = Path.GetFileNameWithoutExtension(process);
        return name.Equals("dotnet", StringComparison.OrdinalIgnoreCase) || name.StartsWith("testhost", StringComparison.OrdinalIgnoreCase)
            ? ("dotnet", [Path.Combine(AppContext.BaseDirectory, typeof(BenchProcesses).Assembly.GetName().Name + ".dll")])
            : (process, []);
    }

    // Debian's python3-scipy installs for /usr/bin/python3, which a python3 earlier on PATH may not see.
    private static string Python() =>
        Environment.GetEnvironmentVariable("SCALING_PYTHON") is { Length: > 0 } python ? python
        : File.Exists("/usr/bin/python3") ? "/usr/bin/python3"
        : "python3";

    private static (double Seconds, double? CpuSeconds, string Output) Run(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        double? cpuBefore = ChildCpuTime.Seconds();
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        double seconds = watch.Elapsed.TotalSeconds;
        double? cpuSeconds = ChildCpuTime.Seconds() - cpuBefore;
        if (process.ExitCode != 0)
        {
            throw new UsageException($"bench: '{file} {string.Join(' ', arguments)}' exited with {process.ExitCode}: {error.Result.Split('\n')[0]}");
        }

        return (seconds, cpuSeconds, output);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
