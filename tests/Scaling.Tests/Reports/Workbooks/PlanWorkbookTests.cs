using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Scaling.Allocation;
using Scaling.Laws;
using Scaling.Reports.Workbooks;

namespace Scaling.Tests.Reports.Workbooks;

public class PlanWorkbookTests
{
    // Scenarios: A label, B budget, C N*, D D*, E D/N, F loss.
    private const int ScenarioBudgetColumn = 2;

    private static readonly PlanWorkbookContent Content = PlanWorkbookContent.Create(LawPresets.Default, 5.76e23) with
    {
        AuditModels = Scaling.Audit.ModelRegistry.Published,
    };

    [Fact]
    public void Workbook_PassesOpenXmlValidation()
    {
        byte[] bytes = PlanWorkbook.ToBytes(Content);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016).Validate(document).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5).Select(e => $"{e.Path?.XPath}: {e.Description}")));
    }

    [Fact]
    public void Workbook_HasTheSheetsAndANativeChartOnScenarios()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(PlanWorkbook.ToBytes(Content)), false);
        var names = document.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Summary", "Inputs", "Plan", "Scenarios"], names.Take(4));
        var scenarios = document.WorkbookPart.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First(s => s.Name == "Scenarios");
        var part = (WorksheetPart)document.WorkbookPart.GetPartById(scenarios.Id!);
        Assert.Single(part.DrawingsPart!.ChartParts);
    }

    [Fact]
    public void PlanFormulas_EqualTheLibrary_BeforeAndAfterTheBudgetChanges()
    {
        using var workbook = new XLWorkbook(new MemoryStream(PlanWorkbook.ToBytes(Content)));
        AssertPlanMatches(workbook, Content.LossLaw, 5.76e23);

        workbook.Range("Budget_flops").FirstCell().Value = 3e25;
        AssertPlanMatches(workbook, Content.LossLaw, 3e25);
    }

    [Fact]
    public void PlanFormulas_FollowAChangedLawCoefficient()
    {
        using var workbook = PlanWorkbook.Build(Content);
        workbook.Range("Law_beta").FirstCell().Value = 0.31;
        var law = LossLaw.Create(Content.LossLaw.E, Content.LossLaw.A, Content.LossLaw.B, Content.LossLaw.Alpha, 0.31);
        AssertPlanMatches(workbook, law, 5.76e23);
    }

    [Fact]
    public void ScenarioFormulas_EqualTheLibraryAtEveryBudget()
    {
        using var workbook = PlanWorkbook.Build(Content);
        var sheet = workbook.Worksheet("Scenarios");
        var frontier = ComputeOptimalFrontier.Create(Content.LossLaw);
        var budgets = sheet.Table("Scenarios").DataRange.Rows().Select(r => r.Cell(ScenarioBudgetColumn)).ToList();
        Assert.Equal(Content.ScenarioBudgetsFlops.Count + 1, budgets.Count);
        foreach (var cell in budgets)
        {
            int row = cell.Address.RowNumber;
            var expected = frontier.Optimum(cell.GetDouble());
            AssertClose(expected.Parameters, sheet.Cell(row, 3).GetDouble());
            AssertClose(expected.Tokens, sheet.Cell(row, 4).GetDouble());
            AssertClose(expected.TokensPerParameter, sheet.Cell(row, 5).GetDouble());
            AssertClose(expected.Loss, sheet.Cell(row, 6).GetDouble());
        }

        Assert.Equal(13, Content.ScenarioBudgetsFlops.Count);
        AssertClose(1e26, Content.ScenarioBudgetsFlops[^1]);
    }

    [Fact]
    public void Scenarios_HoldsTheUsersBudgetAsAMarkedRowInOrder_ThatFollowsTheBudget()
    {
        using var workbook = PlanWorkbook.Build(Content);
        var sheet = workbook.Worksheet("Scenarios");
        var yours = sheet.Column(1).CellsUsed().Single(c => c.GetString() == "your budget");
        int row = yours.Address.RowNumber;
        Assert.True(sheet.Cell(row, 2).HasFormula);
        AssertClose(5.76e23, sheet.Cell(row, 2).GetDouble());
        AssertClose(Content.Optimum.Parameters, sheet.Cell(row, 3).GetDouble());
        Assert.True(sheet.Cell(row - 1, 2).GetDouble() < 5.76e23 && 5.76e23 < sheet.Cell(row + 1, 2).GetDouble());
        Assert.True(sheet.Cell(row, 3).Style.Font.Bold);

        workbook.Range("Budget_flops").FirstCell().Value = 2e24;
        var expected = ComputeOptimalFrontier.Create(Content.LossLaw).Optimum(2e24);
        AssertClose(2e24, sheet.Cell(row, 2).GetDouble());
        AssertClose(expected.Parameters, sheet.Cell(row, 3).GetDouble());
    }

    [Fact]
    public void ScenarioCharts_HaveExplicitAxisBoundsAroundTheirData()
    {
        var content = Content with { Resources = new Scaling.Resources.ResourceAssumptions(Scaling.Hardware.HardwareCatalog.Default.Get("H100-SXM")) };
        using var document = SpreadsheetDocument.Open(new MemoryStream(PlanWorkbook.ToBytes(content)), false);
        var scenarios = document.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First(s => s.Name == "Scenarios");
        var charts = ((WorksheetPart)document.WorkbookPart.GetPartById(scenarios.Id!)).DrawingsPart!.ChartParts.ToList();
        Assert.Equal(3, charts.Count);
        foreach (var chart in charts)
        {
            var axes = chart.ChartSpace.Descendants<DocumentFormat.OpenXml.Drawing.Charts.ValueAxis>().ToList();
            Assert.Equal(2, axes.Count);
            var series = chart.ChartSpace.Descendants<DocumentFormat.OpenXml.Drawing.Charts.ScatterChartSeries>().ToList();
            Assert.Contains(series, s => s.SeriesText!.InnerText.Contains("$A$", StringComparison.Ordinal));
            foreach (var (axis, values) in new[] { (axes[0], "xVal"), (axes[1], "yVal") })
            {
                var scaling = axis.Scaling!;
                double min = scaling.MinAxisValue!.Val!.Value;
                double max = scaling.MaxAxisValue!.Val!.Value;
                var points = series.SelectMany(s => s.Descendants<DocumentFormat.OpenXml.Drawing.Charts.NumericValue>()
                    .Where(v => v.Ancestors().Any(a => a.LocalName == values))).Select(v => double.Parse(v.Text, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                Assert.NotEmpty(points);
                Assert.All(points, p => Assert.InRange(p, min, max));
                // No empty decades: the bounds sit within one decade (log) or one step (linear) of the data.
                Assert.True(scaling.LogBase is null ? max - points.Max() <= 0.1 + 1e-12 : max / points.Max() <= 10, $"{values} max {max:R}");
                Assert.True(scaling.LogBase is null ? points.Min() - min <= 0.1 + 1e-12 : points.Min() / min <= 10, $"{values} min {min:R}");
            }
        }
    }

    [Fact]
    public void Summary_SpeaksThePlanInSentences()
    {
        using var workbook = PlanWorkbook.Build(Content);
        string first = workbook.Worksheet("Summary").Cell(3, 1).GetString();
        var optimum = Content.Optimum;
        // The sentence's formulas keep the digits of the one number formatter (three significant figures).
        string parameters = Scaling.Text.NumberText.Significant(optimum.Parameters / 1e9);
        string tokens = Scaling.Text.NumberText.Significant(optimum.Tokens / 1e12);
        Assert.Equal($"Train a model of {parameters} billion parameters on {tokens} trillion tokens ({Math.Round(optimum.TokensPerParameter)} tokens per parameter).", first);
    }

    [Fact]
    public void SavedSentences_ReadTheSameOnAGermanMachine()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        byte[] bytes;
        try
        {
            bytes = PlanWorkbook.ToBytes(Content);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }

        // The cached value written at save, read back without recalculation.
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        string xml = string.Concat(document.WorkbookPart!.SharedStringTablePart?.SharedStringTable.InnerText ?? string.Empty,
            string.Concat(document.WorkbookPart.WorksheetParts.Select(p => p.Worksheet.InnerText)));
        string parameters = Math.Round(Content.Optimum.Parameters / 1e9, 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"Train a model of {parameters} billion parameters", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void AuditSheet_ListsEveryModelByComputeWithColouredVerdicts()
    {
        using var workbook = PlanWorkbook.Build(Content);
        var sheet = workbook.Worksheet("Audit");
        var auditor = Scaling.Audit.ModelAuditor.Create(Content.Law);
        var models = Scaling.Audit.ModelRegistry.Published;
        var flops = Enumerable.Range(2, models.Count).Select(r => sheet.Cell(r, 6).GetDouble()).ToList();
        Assert.Equal(flops.Order(), flops);
        foreach (int row in Enumerable.Range(2, models.Count))
        {
            var model = models.Single(m => m.Name == sheet.Cell(row, 1).GetString());
            Assert.Equal(Scaling.Audit.AuditVerdictExtensions.ToText(auditor.Audit(model).Verdict), sheet.Cell(row, 11).GetString());
        }

        Assert.Equal(3, sheet.ConditionalFormats.Count());
    }

    [Fact]
    public void BeyondChinchillaSheet_HoldsTheLibrarysPlans()
    {
        using var workbook = PlanWorkbook.Build(Content);
        var sheet = workbook.Worksheet("Beyond Chinchilla");
        // The title runs across the columns on one line rather than wrapping inside column A.
        Assert.False(sheet.Cell(1, 1).Style.Alignment.WrapText);
        var planner = DataConstrainedPlanner.Create(Content.Law);
        double unique = sheet.Cell(3, 1).GetDouble();
        var plan = planner.Optimum(Content.BudgetFlops, unique);
        // The sheet stores U to 15 significant digits and the loss is flat at its minimum, where a size is located only
        // to about the square root of the double precision (1.5e-8) times the curvature's scale: the re-solved optimum
        // and its epochs agree to 1e-6 (measured: 2.8e-8 apart), while the sheet's loss at its size is the minimum to 1e-12.
        Assert.Equal(plan.Optimum.Parameters, sheet.Cell(3, 2).GetDouble(), plan.Optimum.Parameters * 1e-6);
        Assert.Equal(plan.Loss, sheet.Cell(3, 5).GetDouble(), plan.Loss * 1e-12);
        Assert.Equal(plan.Epochs, sheet.Cell(3, 4).GetDouble(), plan.Epochs * 1e-6);

        // The inference table starts at T = 0, where the plan is the Chinchilla plan and saves nothing.
        var zero = sheet.CellsUsed().First(c => c.GetString().StartsWith("Inference tokens T", StringComparison.Ordinal)).CellBelow();
        Assert.Equal(0, zero.GetDouble());
        Assert.Equal(Content.Optimum.Parameters, zero.CellRight().GetDouble(), Content.Optimum.Parameters * 1e-6);
        Assert.Equal(0, zero.CellRight(6).GetDouble(), 1e-9);
    }

    [Fact]
    public void Inputs_AreNamedValidatedCells()
    {
        using var workbook = PlanWorkbook.Build(Content);
        var budget = workbook.Range("Budget_flops").FirstCell();
        Assert.Equal("Inputs", budget.Worksheet.Name);
        Assert.True(budget.HasDataValidation);
        Assert.Equal(5.76e23, budget.GetDouble());
        Assert.False(budget.HasFormula);
    }

    private static void AssertPlanMatches(XLWorkbook workbook, LossLaw law, double flops)
    {
        var frontier = ComputeOptimalFrontier.Create(law);
        var expected = frontier.Optimum(flops);
        AssertClose(flops, Named(workbook, "Plan_flops"));
        AssertClose(frontier.G, Named(workbook, "Plan_G"));
        AssertClose(frontier.ExponentA, Named(workbook, "Plan_exponent_a"));
        AssertClose(frontier.ExponentB, Named(workbook, "Plan_exponent_b"));
        AssertClose(expected.Parameters, Named(workbook, "Plan_parameters"));
        AssertClose(expected.Tokens, Named(workbook, "Plan_tokens"));
        AssertClose(expected.TokensPerParameter, Named(workbook, "Plan_tokens_per_parameter"));
        AssertClose(expected.Loss, Named(workbook, "Plan_loss"));
    }

    private static double Named(XLWorkbook workbook, string name)
    {
        var cell = workbook.Range(name).FirstCell();
        Assert.True(cell.HasFormula, $"{name} should be a live formula");
        return cell.GetDouble();
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
}

public class PlanWorkbookResourceTests
{
    private static readonly Scaling.Resources.ResourceAssumptions H100 =
        new(Scaling.Hardware.HardwareCatalog.Default.Get("H100-SXM"));

    [Fact]
    public void EuroWorkbook_PassesOpenXmlValidation()
    {
        byte[] bytes = PlanWorkbook.ToBytes(PlanWorkbookContent.ForEuros(LawPresets.Default, 2e6, H100));
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016).Validate(document).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5).Select(e => $"{e.Path?.XPath}: {e.Description}")));
    }

    [Fact]
    public void ResourceFormulas_EqualTheLibrary_BeforeAndAfterTheEuroBudgetChanges()
    {
        using var workbook = new XLWorkbook(new MemoryStream(PlanWorkbook.ToBytes(PlanWorkbookContent.ForEuros(LawPresets.Default, 2e6, H100))));
        AssertResourcesMatch(workbook, 2e6, H100);

        workbook.Range("Budget_euros").FirstCell().Value = 5e7;
        AssertResourcesMatch(workbook, 5e7, H100);

        workbook.Range("Deadline_days").FirstCell().Value = 30;
        AssertResourcesMatch(workbook, 5e7, H100 with { DeadlineDays = 30 });

        workbook.Range("Water_intensity_litres_per_kwh").FirstCell().Value = 1.2;
        workbook.Range("Embodied_kg_per_gpu").FirstCell().Value = 400;
        workbook.Range("Gpus_per_node").FirstCell().Value = 4;
        workbook.Range("Hardware_utilisation").FirstCell().Value = 0.6;
        AssertResourcesMatch(workbook, 5e7, H100 with
        {
            DeadlineDays = 30, WaterIntensityLitresPerKilowattHour = 1.2, EmbodiedKilogramsPerGpu = 400, GpusPerNode = 4, HardwareUtilisation = 0.6,
        });
    }

    [Fact]
    public void Summary_SaysCostInMillions_AndHowTheGpusWereChosen()
    {
        using var workbook = PlanWorkbook.Build(PlanWorkbookContent.Create(LawPresets.Default, 5.76e23) with { Resources = H100 });
        var plan = Scaling.Resources.ResourcePlan.Create(5.76e23, ComputeOptimalFrontier.Create(LawPresets.Default.LossLaw).Optimum(5.76e23).Parameters, H100);
        string Sentences() => string.Join("\n", workbook.Worksheet("Summary").Column(1).CellsUsed().Select(c => c.GetString()));

        string cost = (plan.CostEuros / 1e6).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"costs €{cost} million.", Sentences(), StringComparison.Ordinal);
        Assert.Contains("budget of 5.76E+23 FLOPs", Sentences(), StringComparison.Ordinal);
        Assert.Contains("the fewest whole nodes of 8 GPUs that finish within the 90-day schedule", Sentences(), StringComparison.Ordinal);

        workbook.Range("Deadline_days").FirstCell().Value = 60;
        Assert.Contains("the fewest whole nodes of 8 GPUs that finish within the 60-day deadline", Sentences(), StringComparison.Ordinal);
        workbook.Range("Gpus_given").FirstCell().Value = 512;
        Assert.Contains("the GPU count given on Inputs", Sentences(), StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_UnderOneNode_SaysAPowerOfTwoNotWholeNodes()
    {
        // 3e21 FLOPs on H100s: the training state needs 2 GPUs, which finish within the 90-day schedule, so the plan is
        // 2 GPUs (ResourcePlan's rule: below one node a power of two), not a whole node of 8.
        using var workbook = PlanWorkbook.Build(PlanWorkbookContent.Create(LawPresets.Default, 3e21) with { Resources = H100 });
        var plan = Scaling.Resources.ResourcePlan.Create(3e21, ComputeOptimalFrontier.Create(LawPresets.Default.LossLaw).Optimum(3e21).Parameters, H100);
        Assert.Equal(2, plan.Gpus);
        string sentences = string.Join("\n", workbook.Worksheet("Summary").Column(1).CellsUsed().Select(c => c.GetString()));
        Assert.Contains("On 2 × ", sentences, StringComparison.Ordinal);
        Assert.Contains("the fewest GPUs (a power of two, under one node of 8) that finish within the 90-day schedule", sentences, StringComparison.Ordinal);
        Assert.DoesNotContain("whole nodes", sentences, StringComparison.Ordinal);
    }

    [Fact]
    public void FlopWorkbook_WithHardware_KeepsFlopsAsTheInput()
    {
        var content = PlanWorkbookContent.Create(LawPresets.Default, 1e24) with { Resources = H100 };
        using var workbook = PlanWorkbook.Build(content);
        Assert.False(workbook.Range("Budget_flops").FirstCell().HasFormula);
        var optimum = content.Optimum;
        var plan = Scaling.Resources.ResourcePlan.Create(optimum.Flops, optimum.Parameters, H100);
        Assert.Equal(plan.CostEuros, workbook.Range("Plan_cost_euros").FirstCell().GetDouble(), plan.CostEuros * 1e-9);
    }

    private static void AssertResourcesMatch(XLWorkbook workbook, double euros, Scaling.Resources.ResourceAssumptions assumptions)
    {
        var budget = Scaling.Resources.BudgetPlan.ForEuros(LawPresets.Default.Frontier(), euros, assumptions);
        var plan = budget.Resources;
        Close(budget.Optimum.Flops, "Plan_flops");
        Close(budget.Optimum.Parameters, "Plan_parameters");
        Close(plan.GpuHours, "Plan_gpu_hours");
        Close(plan.CostEuros, "Plan_cost_euros");
        Close(plan.Memory.TrainingStateBytes, "Plan_training_memory_bytes");
        Close(plan.MinimumGpus, "Plan_minimum_gpus");
        Close(plan.Gpus, "Plan_gpus");
        Close(plan.Days, "Plan_days");
        Close(plan.KilowattHours!.Value, "Plan_kilowatt_hours");
        Close(plan.Co2Tonnes!.Value, "Plan_co2_tonnes");
        Close(plan.Water!.OnSite, "Plan_water_on_site_litres");
        Close(plan.Water.OffSite, "Plan_water_off_site_litres");
        Close(plan.Water.Total, "Plan_water_litres");
        Close(plan.EmbodiedCo2Tonnes, "Plan_embodied_co2_tonnes");

        void Close(double expected, string name)
        {
            var cell = workbook.Range(name).FirstCell();
            Assert.True(cell.HasFormula, $"{name} should be a live formula");
            double actual = cell.GetDouble();
            Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Abs(expected), $"{name}: expected {expected:R}, got {actual:R}");
        }
    }
}
