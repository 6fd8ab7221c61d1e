namespace Scaling.Tests.Cli.Commands.Bench;

public class BenchCommandTests
{
    [Fact]
    public void Bench_Tiny_ReportsBothPhases()
    {
        // No timing assertion: only that the harness runs and reports what it measured.
        var (code, output, _) = CliRunner.Run("bench", "--runs", "30", "--starts", "20", "--resamples", "20", "--repetitions", "1", "--scale", "none", "--processes", "0");
        Assert.Equal(0, code);
        Assert.Contains("30 synthetic runs", output, StringComparison.Ordinal);
        Assert.Contains("grid fit:  median", output, StringComparison.Ordinal);
        Assert.Contains("bootstrap: median", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_ComparesWithDoublePrecisionThroughout_AndTheBestObjectivesAgree()
    {
        var (code, output, _) = CliRunner.Run("bench", "--runs", "30", "--starts", "40", "--resamples", "20", "--repetitions", "1", "--scale", "none", "--processes", "0");
        Assert.Equal(0, code);
        string line = output.Split('\n').Single(l => l.Contains("double precision throughout", StringComparison.Ordinal));
        string gap = line[(line.LastIndexOf("differ by ", StringComparison.Ordinal) + "differ by ".Length)..].Split(' ')[0];
        Assert.True(double.Parse(gap, System.Globalization.CultureInfo.InvariantCulture) < 1e-9, line);
    }

    [Fact]
    public void Bench_ScaleTable_FitsEachSize_AndComparesWithTheFullProtocol()
    {
        var (code, output, _) = CliRunner.Run("bench", "--runs", "30", "--starts", "20", "--resamples", "20", "--repetitions", "1", "--processes", "0", "--scale", "240,3000", "--full-up-to", "3000");
        Assert.Equal(0, code);
        Assert.Contains("      240 runs:", output, StringComparison.Ordinal);
        Assert.Contains("    3,000 runs:", output, StringComparison.Ordinal);
        Assert.Contains("grid on 2,400, ", output, StringComparison.Ordinal);
        string line = output.Split('\n').Single(l => l.Contains("every start on every run", StringComparison.Ordinal));
        string gap = line[(line.IndexOf("differ by ", StringComparison.Ordinal) + "differ by ".Length)..].Split(',')[0];
        Assert.True(double.Parse(gap, System.Globalization.CultureInfo.InvariantCulture) < 1e-9, line);
    }

    [Fact]
    public void Bench_Processes_TimesStartUpAndTheWholeProcessFit()
    {
        var (code, output, _) = CliRunner.Run("bench", "--runs", "30", "--starts", "20", "--resamples", "20", "--repetitions", "1", "--processes", "1", "--scale", "none");
        Assert.Equal(0, code);
        string startUp = output.Split('\n').First(l => l.Contains("start-up (", StringComparison.Ordinal));
        Assert.Contains("plan --flops 1e24 --json, 1 processes): wall median ", startUp, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            // getrusage(RUSAGE_CHILDREN): the child's own CPU time, a real positive number of milliseconds.
            string cpu = startUp[(startUp.IndexOf("CPU (user+sys) median ", StringComparison.Ordinal) + "CPU (user+sys) median ".Length)..].Split(' ')[0];
            Assert.True(double.Parse(cpu, System.Globalization.CultureInfo.InvariantCulture) > 0, startUp);
        }

        Assert.Contains("whole-process fit (30 runs, 20 starts", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_Tool_ThatDoesNotExist_IsBadInputNamingTheOption()
    {
        var (code, output, error) = CliRunner.Run("bench", "--runs", "30", "--starts", "20", "--resamples", "20", "--repetitions", "1", "--processes", "1", "--scale", "none", "--trials", "2", "--tool", "/no/such/scaling");
        Assert.Equal(2, code);
        Assert.StartsWith("error: --tool: '/no/such/scaling' does not exist", error, StringComparison.Ordinal);
        Assert.DoesNotContain("start-up (", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_Campaign_ReportsTheRatioToOneFitAndTheWarmStartCheck()
    {
        var (code, output, _) = CliRunner.Run("bench", "--runs", "30", "--starts", "20", "--resamples", "20", "--repetitions", "1", "--processes", "0", "--scale", "none", "--trials", "4");
        Assert.Equal(0, code);
        string line = output.Split('\n').Single(l => l.Contains("simulated campaigns of 72 runs", StringComparison.Ordinal));
        Assert.Contains("x one 4,500-start fit", line, StringComparison.Ordinal);
        Assert.Contains("warm start vs grid", output, StringComparison.Ordinal);
    }
}
