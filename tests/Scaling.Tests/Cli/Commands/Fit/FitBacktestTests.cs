using System.Text.Json;

namespace Scaling.Tests.Cli.Commands.Fit;

public sealed class FitBacktestTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("scaling-fit-backtest-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    // Hoffmann et al. 2022's IsoFLOP runs as digitised by Besiroglu et al. 2024 (data/benchmarks/isoflops).
    private static string Chinchilla => RepositoryFiles.Path("data/benchmarks/isoflops/epoch-chinchilla.csv");

    [Fact]
    public void Backtest_Json_HasIssue23sRowsAndNeverPredictsFromAboveTheTarget()
    {
        var (code, output, error) = CliRunner.Run("fit", Chinchilla, "--starts", "100", "--bootstrap", "0", "--backtest", "--json");
        Assert.True(code == 0, error);
        var rows = JsonDocument.Parse(output).RootElement.GetProperty("backtest").EnumerateArray().ToArray();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            double train = row.GetProperty("trainMaxFlops").GetDouble(), target = row.GetProperty("targetFlops").GetDouble();
            Assert.True(train < target);
            Assert.Equal(Math.Log10(target / train), row.GetProperty("decades").GetDouble(), 1e-12);
            Assert.True(row.GetProperty("observedParameters").GetDouble() > 0);
            var p = row.GetProperty("parameters");
            Assert.InRange(p.GetProperty("estimate").GetDouble(), p.GetProperty("lower").GetDouble(), p.GetProperty("upper").GetDouble());
            Assert.True(row.GetProperty("lossMape").GetDouble() > 0);
        }
    }

    [Fact]
    public void Fit_Prose_SaysHowFarThePlanExtrapolates()
    {
        var (code, output, error) = CliRunner.Run("fit", Chinchilla, "--starts", "100", "--bootstrap", "0", "--flops", "3e24", "--backtest");
        Assert.True(code == 0, error);
        Assert.Contains("Your largest run budget (3.00E+21 FLOPs) is 1/1,000 of this budget: 3.0 decades of extrapolation.", output, StringComparison.Ordinal);
        Assert.Contains("Back-test (rolling origin", output, StringComparison.Ordinal);
        Assert.Contains("of the intervals hold the observed optimum", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_BackTestsEveryMethodOnTheSameRuns()
    {
        var (code, output, error) = CliRunner.Run("fit", Chinchilla, "--starts", "50", "--bootstrap", "10", "--compare", "--json");
        Assert.True(code == 0, error);
        var methods = JsonDocument.Parse(output).RootElement.GetProperty("methods").EnumerateArray().Select(m => m.GetProperty("method").GetString()!).ToArray();
        Assert.Equal(new[] { "drift", "approach2", "varpro", "approach3" }, methods);
    }

    [Fact]
    public void Method_Auto_NamesTheMethodItChose()
    {
        var (code, output, error) = CliRunner.Run("fit", Chinchilla, "--starts", "50", "--bootstrap", "10", "--method", "auto", "--json");
        Assert.True(code == 0, error);
        string method = JsonDocument.Parse(output).RootElement.GetProperty("extrapolation").GetProperty("method").GetString()!;
        Assert.Contains(method, new[] { "drift", "approach2", "varpro" });
    }

    [Fact]
    public void Method_OnRunsOfOneBudget_ExitsWith2NamingTheFix()
    {
        string path = Path.Combine(folder, "one-budget.csv");
        File.WriteAllText(path, "parameters,tokens,loss,budget\n" + string.Join('\n', Enumerable.Range(0, 8).Select(i =>
        {
            double n = 1e8 * Math.Pow(2, i);
            return FormattableString.Invariant($"{n},{1e20 / (6 * n)},{2 + (0.05 * Math.Pow(Math.Log(n / 1.6e9), 2))},1e20");
        })));
        var (code, _, error) = CliRunner.Run("fit", path, "--starts", "50", "--bootstrap", "0", "--method", "drift");
        Assert.Equal(2, code);
        Assert.Contains("IsoFLOP budgets", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));

        // Without an explicit --method the fit still succeeds and says why there is no forecast.
        var (plainCode, plain, _) = CliRunner.Run("fit", path, "--starts", "50", "--bootstrap", "0");
        Assert.Equal(0, plainCode);
        Assert.Contains("N* beyond the runs: skipped", plain, StringComparison.Ordinal);
    }
}
