using System.Globalization;
using System.Text.Json;

namespace Scaling.Tests.Cli.Commands.Fit;

/// <summary>
/// Issue 23: where <c>scaling fit --flops C</c> gives N* beyond the runs, the calibrated forecast is the headline — the
/// top-level <c>plan</c> and <c>intervals.parameters/tokens/tokensPerParameter</c>, and the first paragraph of the memo —
/// and the law's own optimum follows under <c>lawOptimum</c>, named for what it is.
/// </summary>
public sealed class FitHeadlineTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("scaling-headline-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    // Hoffmann et al. 2022's IsoFLOP runs as Epoch digitised them (data/benchmarks/isoflops/epoch-chinchilla.csv), the
    // budgets up to 1e20 FLOPs: the law's own optimum at 3e21 is 13.9B, the optimum observed there 3.84B.
    internal static string ChinchillaUpTo2e20(string folder)
    {
        string path = Path.Combine(folder, "chinchilla-2e20.csv");
        var lines = File.ReadAllLines(RepositoryFiles.Path("data/benchmarks/isoflops/epoch-chinchilla.csv"));
        var kept = lines.Where(l => l.StartsWith('#') || l.StartsWith("parameters", StringComparison.Ordinal)
            || double.Parse(l.Split(',')[3], CultureInfo.InvariantCulture) <= 2e20);
        File.WriteAllLines(path, kept);
        return path;
    }

    [Fact]
    public void FitJson_RunsWithIsoFlopBudgets_PlanAndIntervalsAreTheCalibratedForecast()
    {
        var (code, output, error) = CliRunner.Run("fit", ChinchillaUpTo2e20(folder), "--starts", "300", "--bootstrap", "100", "--flops", "3e21", "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        var plan = root.GetProperty("plan");
        var at = root.GetProperty("extrapolation").GetProperty("at").GetProperty("parameters");
        double forecast = at.GetProperty("estimate").GetDouble();
        Assert.Equal(forecast, plan.GetProperty("parameters").GetDouble(), forecast * 1e-12);
        Assert.Equal("forecast", plan.GetProperty("basis").GetProperty("kind").GetString());
        Assert.Equal("drift", plan.GetProperty("basis").GetProperty("method").GetString());
        Assert.Equal(0.95, plan.GetProperty("basis").GetProperty("level").GetDouble());
        Assert.Equal("Your largest run budget (1.00E+20 FLOPs) is 1/30 of this budget: 1.5 decades of extrapolation.", plan.GetProperty("basis").GetProperty("distance").GetString());

        var intervals = root.GetProperty("intervals").GetProperty("parameters");
        Assert.Equal(at.GetProperty("lower").GetDouble(), intervals.GetProperty("lower").GetDouble(), 1e-9 * forecast);
        Assert.Equal(at.GetProperty("upper").GetDouble(), intervals.GetProperty("upper").GetDouble(), 1e-9 * forecast);
        double tokens = plan.GetProperty("tokens").GetDouble();
        Assert.Equal(3e21 / (6 * forecast), tokens, tokens * 1e-12);
        var ratio = root.GetProperty("intervals").GetProperty("tokensPerParameter");
        Assert.InRange(plan.GetProperty("tokensPerParameter").GetDouble(), ratio.GetProperty("lower").GetDouble(), ratio.GetProperty("upper").GetDouble());

        // The law's own optimum, second, with its run-bootstrap interval (which does not hold the forecast here).
        var own = root.GetProperty("lawOptimum");
        double law = own.GetProperty("parameters").GetDouble();
        Assert.True(law > 2 * forecast, $"law {law}, forecast {forecast}");
        Assert.True(own.GetProperty("intervals").GetProperty("parameters").GetProperty("lower").GetDouble() > forecast);
        Assert.Contains("runs' noise", own.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FitProse_RunsWithIsoFlopBudgets_LeadsWithTheForecastThenTheLawsOwnOptimum()
    {
        var (code, output, error) = CliRunner.Run("fit", ChinchillaUpTo2e20(folder), "--starts", "300", "--bootstrap", "100", "--flops", "3e21");
        Assert.True(code == 0, error);
        string[] lines = output.Split('\n');
        Assert.StartsWith("Plan for 3.00E+21 FLOPs: 4.91B parameters [2.88B, 8.38B] on ", lines[0], StringComparison.Ordinal);
        Assert.Contains("95% interval calibrated on back-tests of published IsoFLOP studies", lines[1], StringComparison.Ordinal);
        Assert.Equal("  Your largest run budget (1.00E+20 FLOPs) is 1/30 of this budget: 1.5 decades of extrapolation.", lines[2]);
        int forecast = output.IndexOf("4.91B", StringComparison.Ordinal);
        int law = output.IndexOf("The fitted law's own optimum, for comparison: 13.", StringComparison.Ordinal);
        Assert.True(forecast >= 0 && law > forecast, "the forecast comes first, the law's own optimum after it");
        Assert.True(law < output.IndexOf("Approach 3 fit (Hoffmann et al. 2022)", StringComparison.Ordinal), "both lead the memo");
    }

    [Fact]
    public void Fit_RunsWithoutIsoFlopBudgets_PlansWithTheLawAndSaysWhyThereIsNoCalibratedInterval()
    {
        // Three token counts, every run at its own compute: no budget holds three sizes around an optimum.
        string path = Path.Combine(folder, "no-budgets.csv");
        var rows = new List<string> { "parameters,tokens,loss" };
        foreach (double tokens in new[] { 2e9, 2e10, 2e11 })
        {
            for (int k = 0; k < 8; k++)
            {
                double parameters = 1e7 * Math.Pow(2, k) * Math.Pow(1.37, Math.Log10(tokens) - 9);
                double loss = 1.8 + (400 / Math.Pow(parameters, 0.34)) + (400 / Math.Pow(tokens, 0.28));
                rows.Add(string.Create(CultureInfo.InvariantCulture, $"{parameters:R},{tokens:R},{loss:R}"));
            }
        }

        File.WriteAllLines(path, rows);
        var (code, output, error) = CliRunner.Run("fit", path, "--starts", "300", "--bootstrap", "60", "--flops", "1e22", "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        var basis = root.GetProperty("plan").GetProperty("basis");
        Assert.Equal("law", basis.GetProperty("kind").GetString());
        Assert.Contains("IsoFLOP budgets", basis.GetProperty("noForecast").GetString(), StringComparison.Ordinal);
        Assert.Equal(root.GetProperty("lawOptimum").GetProperty("parameters").GetDouble(), root.GetProperty("plan").GetProperty("parameters").GetDouble());
        Assert.True(root.GetProperty("intervals").GetProperty("parameters").GetProperty("standardError").GetDouble() > 0);

        var prose = CliRunner.Run("fit", path, "--starts", "300", "--bootstrap", "60", "--flops", "1e22").Out;
        Assert.StartsWith("Plan for 1.00E+22 FLOPs, the fitted law's own optimum: ", prose, StringComparison.Ordinal);
        Assert.Contains("No calibrated interval: ", prose, StringComparison.Ordinal);
        Assert.Contains("measures the runs' noise", prose, StringComparison.Ordinal);
    }
}
