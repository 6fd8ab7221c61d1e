using Scaling.Tests.Cli.Commands.Plan;
using Scaling.Text;
using SkiaSharp;

namespace Scaling.Tests.Cli.Commands.Report;

public sealed class ReportCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"scaling-report-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Report_WritesEveryFileAndListsThem()
    {
        var (code, output, error) = CliRunner.Run("report", "--out", directory);
        Assert.True(code == 0, error);
        string[] expected = ["isoflop.png", "isoflop.svg", "isoflop.pdf", "loss-landscape.png", "budget-view.png", "audit-map.svg", "plan.xlsx"];
        foreach (string name in expected)
        {
            string path = Path.Combine(directory, name);
            Assert.True(new FileInfo(path).Length > 1000, $"{name} should be a real file");
            Assert.Contains(path, output, StringComparison.Ordinal);
        }

        using var bitmap = SKBitmap.Decode(Path.Combine(directory, "isoflop.png"));
        Assert.Equal((1600, 1000), (bitmap.Width, bitmap.Height));
        Assert.StartsWith("%PDF", File.ReadAllText(Path.Combine(directory, "isoflop.pdf"))[..8], StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(directory, "*.tmp"));
    }

    [Fact]
    public void Report_ListsThePageFirstAndEndsWithItsPath()
    {
        var (code, output, error) = CliRunner.Run("report", "--out", directory, "--formats", "html,svg");
        Assert.True(code == 0, error);
        string page = Path.Combine(directory, "index.html");
        var listed = output.Split('\n').Where(l => l.StartsWith("  " + directory, StringComparison.Ordinal)).ToList();
        Assert.StartsWith("  " + page + "  (", listed[0], StringComparison.Ordinal);
        Assert.Equal($"Open the report in a browser: {Path.GetFullPath(page)}", output.TrimEnd().Split('\n')[^1]);
        Assert.Contains("<svg", File.ReadAllText(page), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ReplacesItsOwnFilesButRefusesOthers()
    {
        Assert.Equal(0, CliRunner.Run("report", "--out", directory, "--formats", "svg").ExitCode);
        Assert.Equal(0, CliRunner.Run("report", "--out", directory, "--formats", "svg").ExitCode);

        string foreign = Path.Combine(directory, "isoflop.png");
        File.WriteAllText(foreign, "mine");
        var (code, output, error) = CliRunner.Run("report", "--out", directory, "--formats", "png,svg");
        PlanCommandTests.AssertOneLineError(code, output, error, "--out", "--force");
        Assert.Equal("mine", File.ReadAllText(foreign));
        Assert.False(File.Exists(Path.Combine(directory, "loss-landscape.png")), "nothing is written when one file is refused");

        Assert.Equal(0, CliRunner.Run("report", "--out", directory, "--formats", "png", "--force").ExitCode);
        Assert.NotEqual("mine", File.ReadAllText(foreign));
    }

    [Fact]
    public void Report_FailingWrite_LeavesNoFileBehind()
    {
        Directory.CreateDirectory(Path.Combine(directory, "plan.xlsx"));
        var (code, output, error) = CliRunner.Run("report", "--out", directory, "--formats", "png,xlsx");
        PlanCommandTests.AssertOneLineError(code, output, error, "--out", "plan.xlsx");
        Assert.Equal([Path.Combine(directory, "plan.xlsx")], Directory.GetFileSystemEntries(directory));
    }

    [Fact]
    public void Report_EuroBudget_MakesEurosTheWorkbooksInput()
    {
        var (code, _, error) = CliRunner.Run("report", "--out", directory, "--budget-eur", "1e6", "--gpu", "a100-80gb", "--formats", "xlsx");
        Assert.True(code == 0, error);
        using var workbook = new ClosedXML.Excel.XLWorkbook(Path.Combine(directory, "plan.xlsx"));
        Assert.Equal(1e6, workbook.Range("Budget_euros").FirstCell().GetDouble());
        Assert.Equal("A100-80GB", workbook.Range("Gpu_name").FirstCell().GetString());
        Assert.Equal(1e6, workbook.Range("Plan_cost_euros").FirstCell().GetDouble(), 1e6 * 1e-9);
    }

    [Fact]
    public void Report_FitRuns_AddsTheFitFiguresAndSheetAndPlansWithTheFit()
    {
        var (code, output, error) = CliRunner.Run("report", "--out", directory, "--formats", "svg,xlsx", "--fit-runs", RepositoryFiles.Path("data/benchmarks/synthetic-runs.csv"));
        Assert.True(code == 0, error);
        foreach (string name in new[] { "fit-observed-predicted.svg", "fit-residuals.svg", "fit-exponent-a.svg" })
        {
            Assert.Contains(Path.Combine(directory, name), output, StringComparison.Ordinal);
        }

        using var workbook = new ClosedXML.Excel.XLWorkbook(Path.Combine(directory, "plan.xlsx"));
        var fit = workbook.Worksheet("Fit");
        Assert.Equal("alpha (parameter exponent)", fit.Cell(5, 1).GetString());

        // Without --law the plan uses the fitted coefficients.
        Assert.Equal(fit.Cell(5, 2).GetDouble(), workbook.Range("Law_alpha").FirstCell().GetDouble(), 12);

        // Below the coefficients, the fitted law's own optimum at the report's budget with its bootstrap interval around it
        // (the plan itself is the calibrated forecast's, on the Plan sheet).
        Assert.Equal("The law's own N* at 5.76E+23 FLOPs", fit.Cell(9, 1).GetString());
        double parameters = fit.Cell(9, 2).GetDouble();
        Assert.Equal(workbook.Range("Law_parameters").FirstCell().GetDouble(), parameters, parameters * 1e-9);
        Assert.InRange(parameters, fit.Cell(9, 4).GetDouble(), fit.Cell(9, 5).GetDouble());

        // Read by people: the interval's level in the header, no code names, every run named, the objective formatted.
        Assert.Equal("95% lower", fit.Cell(1, 4).GetString());
        Assert.Equal("95% upper", fit.Cell(1, 5).GetString());
        Assert.DoesNotContain(fit.Column(1).CellsUsed(), c => c.GetString().StartsWith("exponent", StringComparison.Ordinal));
        var runs = fit.Table("FitRuns").DataRange.Rows().ToList();
        Assert.All(runs, r => Assert.False(string.IsNullOrWhiteSpace(r.Cell(1).GetString())));
        var objective = fit.Column(1).CellsUsed().Single(c => c.GetString().StartsWith("Objective", StringComparison.Ordinal)).CellRight();
        Assert.Equal("0.00000", objective.Style.NumberFormat.Format);
    }

    [Fact]
    public void Report_FitRunsOfARealStudy_AddsTheBacktestFigureSheetAndCalibratedNStar()
    {
        // Li, Kudugunta & Zettlemoyer 2025's fineweb/C4 runs (data/benchmarks/isoflops): 26 budgets, so the runs back-test themselves.
        var (code, output, error) = CliRunner.Run("report", "--out", directory, "--formats", "svg,xlsx,html", "--flops", "1e21",
            "--fit-runs", RepositoryFiles.Path("data/benchmarks/isoflops/misfitting-fineweb-c4.csv"));
        Assert.True(code == 0, error);
        Assert.Contains(Path.Combine(directory, "fit-backtest.svg"), output, StringComparison.Ordinal);

        using var workbook = new ClosedXML.Excel.XLWorkbook(Path.Combine(directory, "plan.xlsx"));
        var sheet = workbook.Worksheet("Backtest");
        Assert.Equal("N* (the plan, drift forecast)", sheet.Cell(2, 1).GetString());
        double estimate = sheet.Cell(2, 2).GetDouble();
        Assert.Equal(workbook.Range("Plan_parameters").FirstCell().GetDouble(), estimate, estimate * 1e-9);
        Assert.InRange(estimate, sheet.Cell(2, 3).GetDouble(), sheet.Cell(2, 4).GetDouble());
        var header = sheet.Column(1).CellsUsed().Single(c => c.GetString() == "Trained up to (FLOPs)");
        var first = header.CellBelow();
        Assert.True(first.GetDouble() < first.CellRight().GetDouble(), "a back-test row trains below its target");

        string page = File.ReadAllText(Path.Combine(directory, "index.html"));
        Assert.Contains("id=\"lead-calibrated\"", page, StringComparison.Ordinal);
        Assert.Contains("Your largest run budget is", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_FitRunsBeyondTheRuns_PageWorkbookAndFiguresPlanWithTheSameNStarAsPlanLawFit()
    {
        // Issue 23: Chinchilla's runs up to 1e20 FLOPs (data/benchmarks/isoflops/epoch-chinchilla.csv), planned at 3e21.
        // 'scaling plan --law fit.json' takes N* from the fit's calibrated forecast; the report must lead with the same.
        Directory.CreateDirectory(directory);
        string runs = Fit.FitHeadlineTests.ChinchillaUpTo2e20(directory);
        string fitFile = Path.Combine(directory, "fit.json");
        Assert.Equal(0, CliRunner.Run("fit", runs, "--starts", "300", "--bootstrap", "50", "--out", fitFile).ExitCode);
        var plan = System.Text.Json.JsonDocument.Parse(CliRunner.Run("plan", "--law", fitFile, "--flops", "3e21", "--json").Out).RootElement;
        double expected = plan.GetProperty("parameters").GetDouble();
        double lower = plan.GetProperty("intervals").GetProperty("parameters").GetProperty("lower").GetDouble();

        string output = Path.Combine(directory, "report");
        var (code, printed, error) = CliRunner.Run("report", "--out", output, "--formats", "html,svg,xlsx", "--flops", "3e21", "--fit-runs", runs);
        Assert.True(code == 0, error);
        Assert.StartsWith(Humanize(expected) + " parameters", printed, StringComparison.Ordinal);

        string page = File.ReadAllText(Path.Combine(output, "index.html"));
        foreach (string key in new[] { "title-parameters", "lead-parameters", "parameters" })
        {
            Assert.Equal(expected, DataValue(page, key), expected * 1e-9);
        }

        Assert.Equal(lower, DataValue(page, "parametersLower"), lower * 1e-9);
        Assert.Contains("id=\"law-optimum\"", page, StringComparison.Ordinal);

        using var workbook = new ClosedXML.Excel.XLWorkbook(Path.Combine(output, "plan.xlsx"));
        Assert.Equal(expected, workbook.Range("Plan_parameters").FirstCell().GetDouble(), expected * 1e-9);
        Assert.Equal(lower, workbook.Range("Plan_parameters_lower").FirstCell().GetDouble(), lower * 1e-9);
        Assert.Contains("Your plan: " + NumberText.Count(expected) + " parameters", File.ReadAllText(Path.Combine(output, "isoflop.svg")), StringComparison.Ordinal);
        Assert.Contains("Your plan (drift forecast): ", File.ReadAllText(Path.Combine(output, "loss-landscape.svg")), StringComparison.Ordinal);
    }

    // The page's <data value="…" data-key="key"> number.
    private static double DataValue(string page, string key)
    {
        var match = System.Text.RegularExpressions.Regex.Match(page, $"<data value=\"([^\"]+)\" data-key=\"{key}\">");
        Assert.True(match.Success, key);
        return double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    // "4.91B", as the CLI prints a count.
    private static string Humanize(double count) => (count / 1e9).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "B";

    [Theory]
    [InlineData("--gpus", "2", "needs --gpu")]
    [InlineData("--budget-eur", "1e6", "needs --gpu")]
    [InlineData("--gpu", "Z9000", "Z9000")]
    [InlineData("--formats", "png,gif", "gif")]
    [InlineData("--flops", "-1", "-1")]
    [InlineData("--law", "tokens20", "allocation rule")]
    public void Report_BadInput_WritesNothing(string option, string value, string detail)
    {
        var (code, output, error) = CliRunner.Run("report", "--out", directory, option, value);
        PlanCommandTests.AssertOneLineError(code, output, error, option, detail);
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public void Report_TooFewGpus_WritesNothing()
    {
        var (code, output, error) = CliRunner.Run("report", "--out", directory, "--gpu", "H100-SXM", "--gpus", "2");
        PlanCommandTests.AssertOneLineError(code, output, error, "--gpus", "give at least");
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public void Report_OutNamingAFile_ExitsWithCode2AndWritesNothing()
    {
        Directory.CreateDirectory(directory);
        string file = Path.Combine(directory, "not-a-directory");
        File.WriteAllText(file, "x");
        var (code, output, error) = CliRunner.Run("report", "--out", file, "--formats", "svg");
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith("error: --out: ", error, StringComparison.Ordinal);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Report_OutThatCannotBeWritten_ExitsWithCode2NamingOut()
    {
        // A read-only directory; as root, who may write into it anyway, a path under a file (neither can hold a report).
        string readOnly = Path.Combine(directory, "read-only");
        Directory.CreateDirectory(readOnly);
        File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        string target = Path.Combine(readOnly, "report");
        if (CanWriteInto(readOnly))
        {
            File.WriteAllText(Path.Combine(directory, "a-file"), "x");
            target = Path.Combine(directory, "a-file", "report");
        }

        var (code, output, error) = CliRunner.Run("report", "--out", target, "--formats", "svg");
        File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Assert.StartsWith("error: --out: ", error, StringComparison.Ordinal);
        PlanCommandTests.AssertOneLineError(code, output, error, "--out", target);
        Assert.Empty(Directory.GetFileSystemEntries(readOnly));
    }

    private static bool CanWriteInto(string folder)
    {
        string probe = Path.Combine(folder, ".probe");
        try
        {
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    [Fact]
    public void Report_FitRunsStopped_Exits130WritingNothing()
    {
        // A stop from the host is honoured as SIGINT is (ReportInterruptTests sends real signals to the real process).
        var (code, output, error) = CliRunner.Run(
            new CancellationToken(canceled: true), "report", "--fit-runs", RepositoryFiles.Path("data/benchmarks/synthetic-runs.csv"), "--out", directory);
        Assert.Equal((130, string.Empty), (code, output));
        Assert.StartsWith("error: interrupted", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public void Report_ManifestNameTakenByADirectory_ExitsWithCode2AndMovesNothingIntoPlace()
    {
        Directory.CreateDirectory(Path.Combine(directory, ".scaling-report"));
        var (code, _, error) = CliRunner.Run("report", "--out", directory, "--formats", "svg");
        Assert.Equal(2, code);
        Assert.Contains(".scaling-report", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public void Report_AfterAHardKill_DeletesItsStaleTemporariesAndProceeds()
    {
        // What a SIGKILL between the writes leaves: our temporaries (.NAME.GUID.tmp) and a manifest naming our files.
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, $".isoflop.svg.{Guid.NewGuid():N}.tmp"), "half");
        File.WriteAllText(Path.Combine(directory, $"..scaling-report.{Guid.NewGuid():N}.tmp"), "half");
        File.WriteAllText(Path.Combine(directory, "isoflop.svg"), "old");
        File.WriteAllLines(Path.Combine(directory, ".scaling-report"), ["isoflop.svg"]);

        var (code, _, error) = CliRunner.Run("report", "--out", directory, "--formats", "svg");

        Assert.True(code == 0, error);
        Assert.Empty(Directory.GetFiles(directory, "*.tmp").Select(Path.GetFileName));
        Assert.StartsWith("<?xml", File.ReadAllText(Path.Combine(directory, "isoflop.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void ReportHelp_NamesThePageToOpen()
    {
        // On main the help said only "Write the figures and the planning workbook".
        var (code, output, _) = CliRunner.Run("report", "--help");
        Assert.Equal(0, code);
        Assert.Contains("index.html (open it in a browser", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_PrintsTheSameMemoAsPlan()
    {
        // The GPUs, days and cost memo of 'plan --gpu' (missing from report's output on main), for the same budget.
        var (code, output, error) = CliRunner.Run("report", "--out", directory, "--formats", "html");
        Assert.True(code == 0, error);
        var plan = CliRunner.Run("plan", "--flops", "5.76e23", "--gpu", "H100-SXM");
        Assert.StartsWith(plan.Out.TrimEnd(), output.Replace(" (the default GPU; --gpu NAME for another)", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("How long: 87.8 days on 192 GPUs", output, StringComparison.Ordinal);
    }
}
