using System.Diagnostics;
using System.Security.Cryptography;

namespace Scaling.Tests.Cli.Commands.Report;

/// <summary>
/// The real <c>scaling</c> process, stopped by a real signal (<c>kill -INT</c>, <c>kill -TERM</c>) while it writes a
/// report: it must end with exit 130 and one line, leave no temporary file and no half-replaced report, and the next
/// run must proceed and succeed.
/// </summary>
public sealed class ReportInterruptTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly string folder = Directory.CreateTempSubdirectory("scaling-interrupt-").FullName;

    private string Out => Path.Combine(folder, "out");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>
    /// The signal arrives while the command reads its inputs, or 300 ms later while it renders the figures (seconds
    /// of work for PNG, SVG, PDF and the workbook). The <c>--hardware</c> catalog is a named pipe, so the process is
    /// certainly inside the command, its handler registered, when the test's open of the pipe returns.
    /// </summary>
    [Theory]
    [InlineData("INT", false)]
    [InlineData("TERM", false)]
    [InlineData("INT", true)]
    [InlineData("TERM", true)]
    public async Task Report_SignalWhileReadingOrRendering_Exits130WritingNothing(string signal, bool rendering)
    {
        string pipe = Path.Combine(folder, "catalog.csv");
        Run("mkfifo", pipe);
        using var process = StartTool("report", "--out", Out, "--gpu", "H100-SXM", "--hardware", pipe);
        var stream = await Task.Run(() => new FileStream(pipe, FileMode.Open, FileAccess.Write)).WaitAsync(Patience);
        await using (stream)
        {
            if (!rendering)
            {
                Signal(process, signal);
                await Task.Delay(200);
            }

            stream.Write(File.ReadAllBytes(RepositoryFiles.Path("data/benchmarks/hardware.csv")));
        }

        if (rendering)
        {
            await Task.Delay(300);
            Signal(process, signal);
        }

        var (code, _, error) = Finish(process);
        Assert.Equal(130, code);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: interrupted", error, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(Out) ? Directory.GetFileSystemEntries(Out) : []);
        AssertNextRunSucceeds();
    }

    /// <summary>
    /// SIGINT as soon as the first temporary file appears in a directory that holds an earlier report. Either the signal
    /// came in time (exit 130, the earlier report byte for byte unchanged) or the files were already moved into place
    /// (exit 0, or 130 from the signal's default action once the command had finished): then the directory holds
    /// exactly what an uninterrupted run writes. Never a mixture, never a temporary file left behind.
    /// </summary>
    [Fact]
    public void Report_SigintWhenTheFirstFileAppears_LeavesNoTemporaryAndNoMixture()
    {
        AssertNextRunSucceeds("--flops", "1e23");
        var before = Snapshot();
        using var process = StartTool("report", "--out", Out, "--formats", "svg,png");
        var deadline = DateTime.UtcNow + Patience;
        while (!Directory.EnumerateFiles(Out, "*.tmp").Any() && !process.HasExited && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(1);
        }

        if (!process.HasExited)
        {
            // The process may end between the check and the signal; kill then fails harmlessly.
            using var kill = StartProgram("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }

        var (code, _, error) = Finish(process);
        Assert.True(code is 130 or 0, $"exit {code}: {error}");
        Assert.Empty(Directory.EnumerateFiles(Out, "*.tmp"));
        var interrupted = Snapshot();
        AssertNextRunSucceeds();
        var whole = Snapshot();
        Assert.NotEqual(before, whole);
        Assert.True(
            interrupted == before || interrupted == whole,
            $"exit {code} ({error.Trim()}) left a mixture of the earlier and the new report:\n{interrupted}");
    }

    private void AssertNextRunSucceeds(params string[] extra)
    {
        using var process = StartTool(["report", "--out", Out, "--formats", "svg,png", .. extra]);
        var (code, output, error) = Finish(process);
        Assert.True(code == 0, $"the next run: exit {code}, {error}");
        Assert.Contains("Wrote", output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Out, "*.tmp"));
        Assert.True(File.Exists(Path.Combine(Out, ".scaling-report")), "no manifest after the next run");
    }

    // Every file of the report directory with a hash of its bytes.
    private string Snapshot() => string.Join('\n', Directory.GetFiles(Out).Order(StringComparer.Ordinal)
        .Select(f => $"{Path.GetFileName(f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}"));

    // The built command line (the apphost beside the test binaries), as a user runs it.
    private static Process StartTool(params string[] args) => StartProgram(Path.Combine(AppContext.BaseDirectory, "Scaling.Cli"), args);

    private static (int Code, string Output, string Error) Finish(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Patience))
        {
            process.Kill();
            throw new TimeoutException("scaling report did not end.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static void Signal(Process process, string signal) =>
        Run("kill", $"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static void Run(string program, params string[] args)
    {
        using var process = StartProgram(program, args);
        var (code, _, error) = Finish(process);
        Assert.True(code == 0, $"{program} {string.Join(' ', args)}: exit {code}, {error}");
    }

    private static Process StartProgram(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
    }
}
