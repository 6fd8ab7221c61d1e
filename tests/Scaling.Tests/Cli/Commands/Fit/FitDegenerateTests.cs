using System.Globalization;
using System.Text.Json;
using Scaling.Cli.Shared;

namespace Scaling.Tests.Cli.Commands.Fit;

/// <summary>
/// Issue 23: runs whose losses are not of the law's form (e.g. read off a published figure on another scale) made the
/// Approach 3 bootstrap's standard errors of A and B infinite, and <c>fit --json</c> exit 1 writing them. JSON never
/// holds ±∞ or NaN, and the degenerate fit says so.
/// </summary>
public sealed class FitDegenerateTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("scaling-degenerate-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    // Seven IsoFLOP budgets whose loss is a steep parabola in ln N with the same minimum, 0.7, at every budget: a valley
    // the law L = E + A/N^α + B/D^β cannot bend to (losses 0.69 to 2.3), so its bootstrap refits run off to A, B beyond
    // what a double holds.
    private string FarFromTheLaw()
    {
        string path = Path.Combine(folder, "far-from-the-law.csv");
        var random = new Random(0);
        var rows = new List<string> { "parameters,tokens,loss,budget" };
        foreach (double budget in new[] { 6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 1e21 })
        {
            double optimum = 0.1 * Math.Sqrt(budget / 6);
            for (int k = -4; k <= 4; k++)
            {
                double parameters = optimum * Math.Exp(0.45 * k);
                double noise = 0.01 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                double loss = 0.7 + (0.5 * Math.Pow(Math.Log(parameters / optimum), 2)) + noise;
                rows.Add(string.Create(CultureInfo.InvariantCulture, $"{parameters:R},{budget / (6 * parameters):R},{loss:R},{budget:R}"));
            }
        }

        File.WriteAllLines(path, rows);
        return path;
    }

    [Fact]
    public void FitJson_LossesFarFromTheLaw_WritesNullForInfiniteStandardErrorsWithTheReason()
    {
        var (code, output, error) = CliRunner.Run("fit", FarFromTheLaw(), "--starts", "500", "--bootstrap", "300", "--flops", "1e22", "--json");
        Assert.True(code == 0, error);
        Assert.DoesNotContain("Infinity", output, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", output, StringComparison.Ordinal);
        var root = JsonDocument.Parse(output).RootElement;
        var intervals = root.GetProperty("intervals");
        var unpinned = new[] { "A", "B" }.Where(n => intervals.GetProperty(n).GetProperty("standardError").ValueKind == JsonValueKind.Null).ToArray();
        Assert.NotEmpty(unpinned);
        var warnings = root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToArray();
        Assert.Contains(warnings, w => w.StartsWith("The bootstrap cannot pin " + string.Join(", ", unpinned), StringComparison.Ordinal) && w.Contains("null in JSON", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("The law does not describe these runs: the residuals of ln L have an RMSE of ", StringComparison.Ordinal)
            && w.Contains("Check that the loss column", StringComparison.Ordinal));

        // The plan still leads with the calibrated forecast, which reads the runs' IsoFLOP minima and assumes no law's form.
        Assert.Equal("forecast", root.GetProperty("plan").GetProperty("basis").GetProperty("kind").GetString());
    }

    [Fact]
    public void FitProse_LossesFarFromTheLaw_WarnsInTheHeadlineAndNamesWhatToDo()
    {
        var (code, output, error) = CliRunner.Run("fit", FarFromTheLaw(), "--starts", "500", "--bootstrap", "300", "--flops", "1e22");
        Assert.True(code == 0, error);
        Assert.Contains("Warning: the fitted law is not to be trusted here", output.Split("\n\n")[0], StringComparison.Ordinal);
        Assert.Contains("  Warning: The law does not describe these runs", output, StringComparison.Ordinal);
        Assert.Matches(@"\n  A +\S+ +inf  \[", output);
    }

    [Fact]
    public void Report_LossesFarFromTheLaw_WarnsOnThePageAndShowsNoNumberForAnInfiniteStandardError()
    {
        string output = Path.Combine(folder, "report");
        var (code, _, error) = CliRunner.Run("report", "--out", output, "--formats", "html,xlsx", "--flops", "1e22", "--fit-runs", FarFromTheLaw());
        Assert.True(code == 0, error);
        string page = File.ReadAllText(Path.Combine(output, "index.html"));
        Assert.Contains("id=\"law-warning\"", page, StringComparison.Ordinal);
        Assert.Contains("The law does not describe these runs", page, StringComparison.Ordinal);
        using var workbook = new ClosedXML.Excel.XLWorkbook(Path.Combine(output, "plan.xlsx"));
        var fit = workbook.Worksheet("Fit");
        var unpinned = fit.Column(1).CellsUsed().Where(c => c.GetString().StartsWith("A (", StringComparison.Ordinal) || c.GetString().StartsWith("B (", StringComparison.Ordinal))
            .Select(c => c.CellRight(2)).ToList();
        Assert.Contains(unpinned, c => c.GetString() == "—");
        Assert.Contains(fit.Column(1).CellsUsed(), c => c.GetString() == "Warning");
    }

    [Fact]
    public void CliJson_NonFiniteNumber_IsWrittenAsNull()
    {
        string json = CliJson.Write(new IntervalOutput(double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1), CliJsonContext.Default.IntervalOutput);
        Assert.Equal("""{"estimate":null,"standardError":null,"lower":null,"upper":1}""", json);
    }
}
