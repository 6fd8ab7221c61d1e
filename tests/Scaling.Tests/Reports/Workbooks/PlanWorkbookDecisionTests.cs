using System.Globalization;
using ClosedXML.Excel;
using Scaling.Allocation;
using Scaling.Hardware;
using Scaling.Laws;
using Scaling.Reports.Workbooks;
using Scaling.Resources;

namespace Scaling.Tests.Reports.Workbooks;

/// <summary>
/// The sheets a budget decision needs, checked in ClosedXML's evaluator against the library: the GPU input that drives
/// the hardware through the Catalog, the law spread, the near-optimal range, the sensitivity table and the summary's
/// wording. (PlanWorkbookLibreOfficeTests has LibreOffice recompute every one of these formulas.)
/// </summary>
public class PlanWorkbookDecisionTests
{
    private static readonly ResourceAssumptions H100 = new(HardwareCatalog.Default.Get("H100-SXM"));

    private static readonly PlanWorkbookContent Content = PlanWorkbookContent.Create(LawPresets.Default, 5.76e23) with { Resources = H100 };

    private static readonly ComputeOptimum Optimum = Content.Optimum;

    public static TheoryData<string> Gpus => new(HardwareCatalog.Default.Names);

    [Theory]
    [MemberData(nameof(Gpus))]
    public void ChoosingAnotherGpu_ChangesPeakPricePowerAndThePlan_AsTheLibraryPlansForThatGpu(string gpu)
    {
        using var workbook = PlanWorkbook.Build(Content);
        var accelerator = HardwareCatalog.Default.Get(gpu);
        // The plan's BF16 where the GPU has it, else the GPU's own precision (V100: FP16), as the Catalog sheet says.
        var assumptions = new ResourceAssumptions(accelerator) { Precision = accelerator.Supports(H100.TrainingPrecision) ? H100.TrainingPrecision : null };
        workbook.Range("Gpu_name").FirstCell().Value = gpu;

        var plan = ResourcePlan.Create(Optimum.Flops, Optimum.Parameters, assumptions);
        Close(assumptions.Rate.PeakFlopsPerSecond, Named(workbook, "Gpu_peak_flops_per_second"));
        Close(assumptions.Rate.EurosPerGpuHour, Named(workbook, "Euros_per_gpu_hour"));
        Close(accelerator.MemoryGigabytes, Named(workbook, "Gpu_memory_gigabytes"));
        Close(accelerator.Watts ?? 0, Named(workbook, "Watts_per_gpu"));
        Close(plan.GpuHours, Named(workbook, "Plan_gpu_hours"));
        Close(plan.CostEuros, Named(workbook, "Plan_cost_euros"));
        Close(plan.MinimumGpus, Named(workbook, "Plan_minimum_gpus"));
        Close(plan.Days, Named(workbook, "Plan_days"));
        if (plan.KilowattHours is { } kilowattHours)
        {
            Close(kilowattHours, Named(workbook, "Plan_kilowatt_hours"));
            Close(plan.Co2Tonnes!.Value, Named(workbook, "Plan_co2_tonnes"));
        }
        else
        {
            Assert.Equal("unknown", workbook.Range("Plan_kilowatt_hours").FirstCell().GetString());
            Assert.Contains("Energy: unknown (no power figure for this GPU)", Sentences(workbook), StringComparison.Ordinal);
        }

        Assert.Contains($" × {gpu} it takes ", Sentences(workbook), StringComparison.Ordinal);
    }

    [Fact]
    public void GpuInput_OffersTheCatalogAsAList_AndAGivenPriceOverridesTheCatalog()
    {
        using var workbook = PlanWorkbook.Build(Content);
        var gpu = workbook.Range("Gpu_name").FirstCell();
        Assert.True(gpu.HasDataValidation);
        Assert.Equal(XLAllowedValues.List, gpu.DataValidation.AllowedValues);
        Assert.StartsWith("Catalog!$A$2:$A$", gpu.DataValidation.Value, StringComparison.Ordinal);

        workbook.Range("Euros_per_gpu_hour_given").FirstCell().Value = 2.0;
        var plan = ResourcePlan.Create(Optimum.Flops, Optimum.Parameters, H100 with { EurosPerGpuHour = 2.0 });
        Close(plan.CostEuros, Named(workbook, "Plan_cost_euros"));
    }

    [Fact]
    public void LawSpread_GivesEachPresetsNStarAtTheBudget_AndFollowsTheBudget()
    {
        using var workbook = PlanWorkbook.Build(Content);
        foreach (double flops in new[] { 5.76e23, 3e25 })
        {
            workbook.Range("Budget_flops").FirstCell().Value = flops;
            var names = workbook.Range("Spread_laws").Cells().Select(c => c.GetString()).ToList();
            var parameters = workbook.Range("Spread_parameters").Cells().Select(c => c.GetDouble()).ToList();
            Assert.Equal(LawPresets.All.Select(l => l.Name), names);
            for (int i = 0; i < names.Count; i++)
            {
                Close(LawPresets.All[i].Allocator().Optimum(flops).Parameters, parameters[i]);
            }
        }

        // Hoffmann et al. 2022 (Eq. 10 as printed) against Besiroglu et al. 2024 at Gopher's budget: 32B against 72B.
        workbook.Range("Budget_flops").FirstCell().Value = 5.76e23;
        string summary = string.Join("\n", workbook.Worksheet("Summary").Column(1).CellsUsed().Select(c => c.GetString()));
        Assert.Contains("the preset laws give 32.2 billion (hoffmann2022) to 72.2 billion (besiroglu2024)", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void NearOptimalRange_IsWhereTheLossOnTheIsoFlopLineRisesByTheTolerance()
    {
        using var workbook = PlanWorkbook.Build(Content);
        var law = Content.LossLaw;
        foreach (double flops in new[] { 5.76e23, 1e20 })
        {
            workbook.Range("Budget_flops").FirstCell().Value = flops;
            var optimum = ComputeOptimalFrontier.Create(law).Optimum(flops);
            foreach (var (tolerance, suffix) in new[] { (0.005, "0_5pct"), (0.01, "1pct") })
            {
                double Excess(double parameters) => law.Loss(parameters, flops / (6 * parameters)) / optimum.Loss - 1 - tolerance;
                Close(Bisect(Excess, optimum.Parameters / 100, optimum.Parameters), Named(workbook, $"Near_parameters_low_{suffix}"), 1e-9);
                Close(Bisect(Excess, optimum.Parameters * 100, optimum.Parameters), Named(workbook, $"Near_parameters_high_{suffix}"), 1e-9);
            }
        }
    }

    [Fact]
    public void Sensitivity_EachRowIsThePlanWithOneAssumptionChanged()
    {
        using var workbook = PlanWorkbook.Build(Content);
        var sheet = workbook.Worksheet("Sensitivity");
        var rows = sheet.Column(2).CellsUsed().Skip(1).ToDictionary(c => c.GetString(), c => c.Address.RowNumber);
        void Row(string setting, ResourceAssumptions assumptions, double parameters)
        {
            var plan = ResourcePlan.Create(Optimum.Flops, parameters, assumptions);
            int row = rows[setting];
            Close(parameters, sheet.Cell(row, 8).GetDouble());
            Close(plan.GpuHours, sheet.Cell(row, 9).GetDouble());
            Close(plan.Gpus, sheet.Cell(row, 10).GetDouble());
            Close(plan.Days, sheet.Cell(row, 11).GetDouble());
            Close(plan.CostEuros, sheet.Cell(row, 12).GetDouble());
            Close(plan.KilowattHours!.Value, sheet.Cell(row, 13).GetDouble());
            Close(plan.Co2Tonnes!.Value, sheet.Cell(row, 14).GetDouble());
            Close(plan.Water!.Total, sheet.Cell(row, 15).GetDouble());
            Close(plan.EmbodiedCo2Tonnes, sheet.Cell(row, 16).GetDouble());
        }

        Row("your plan", H100, Optimum.Parameters);
        Row("30%", H100 with { Mfu = 0.3 }, Optimum.Parameters);
        Row("50%", H100 with { Mfu = 0.5 }, Optimum.Parameters);
        Row("+25%", H100 with { EurosPerGpuHour = 3.0 * 1.25 }, Optimum.Parameters);
        Row("1.58", H100 with { Pue = 1.58 }, Optimum.Parameters);
        Row("50 gCO₂/kWh", H100 with { GridGramsCo2PerKilowattHour = 50 }, Optimum.Parameters);
        Row("hoffmann2022", H100, LawPresets.Hoffmann2022.Allocator().Optimum(5.76e23).Parameters);

        // Live: a drier site and a longer-lived cluster move the water and embodied columns of every row.
        workbook.Range("Wue_litres_per_kwh").FirstCell().Value = 0.2;
        workbook.Range("Hardware_lifetime_years").FirstCell().Value = 4;
        Row("1.58", H100 with { Pue = 1.58, WueLitresPerKilowattHour = 0.2, HardwareLifetimeYears = 4 }, Optimum.Parameters);
        workbook.Range("Wue_litres_per_kwh").FirstCell().Value = H100.WueLitresPerKilowattHour;
        workbook.Range("Hardware_lifetime_years").FirstCell().Value = H100.HardwareLifetimeYears;

        // Live: a slower cluster on Inputs moves every row.
        workbook.Range("Mfu").FirstCell().Value = 0.35;
        Row("your plan", H100 with { Mfu = 0.35 }, Optimum.Parameters);
        Row("besiroglu2024", H100 with { Mfu = 0.35 }, LawPresets.Besiroglu2024.Allocator().Optimum(5.76e23).Parameters);
    }

    [Fact]
    public void Sensitivity_SheetAndFigure_TryTheSameCases()
    {
        // One definition of the low and high settings (SensitivityRanges, the laws with the smallest and largest N*):
        // every factor of the figure's PlanSensitivity is two rows of the sheet with the same plans. On main the sheet
        // tried PUE 1.1/1.3/1.5 and grids 0–700 while the figure tried 1.0/1.58 and 50/800.
        using var workbook = PlanWorkbook.Build(Content);
        var sheet = workbook.Worksheet("Sensitivity");
        var sensitivity = PlanSensitivity.ForFlops(LawPresets.Default.Allocator(), 5.76e23, H100, LawPresets.All.Select(l => (l.Name, l.Allocator())).ToArray());
        // The rows of the table: from row 3 (after the header and "your plan") to the last with a setting in column B.
        int lastCase = sheet.Column(2).LastCellUsed()!.Address.RowNumber;
        var rows = sheet.Range(3, 1, lastCase, 1).Cells()
            .GroupBy(c => c.GetString()).ToDictionary(g => g.Key, g => g.Select(c => c.Address.RowNumber).ToList());
        Assert.Equal(sensitivity.Factors.Select(f => f.Name).Order(), rows.Keys.Order());
        foreach (var factor in sensitivity.Factors)
        {
            Assert.Equal(2, rows[factor.Name].Count);
            foreach (var (plan, row) in new[] { factor.Low!, factor.High! }.Zip(rows[factor.Name]))
            {
                Close(plan.Optimum.Parameters, sheet.Cell(row, 8).GetDouble());
                Close(plan.Resources.Gpus, sheet.Cell(row, 10).GetDouble());
                Close(plan.Resources.Days, sheet.Cell(row, 11).GetDouble());
                Close(plan.Resources.CostEuros, sheet.Cell(row, 12).GetDouble());
                Close(plan.Resources.Co2Tonnes!.Value, sheet.Cell(row, 14).GetDouble());
            }
        }
    }

    [Fact]
    public void Sensitivity_OnAEuroBudget_MfuMovesTheComputeAndNStar()
    {
        var content = PlanWorkbookContent.ForEuros(LawPresets.Default, 2e6, H100);
        using var workbook = PlanWorkbook.Build(content);
        var sheet = workbook.Worksheet("Sensitivity");
        int row = sheet.Column(2).CellsUsed().Single(c => c.GetString() == "50%").Address.RowNumber;
        var budget = BudgetPlan.ForEuros(LawPresets.Default.Frontier()!, 2e6, H100 with { Mfu = 0.5 });
        Close(budget.Optimum.Flops, sheet.Cell(row, 7).GetDouble());
        Close(budget.Optimum.Parameters, sheet.Cell(row, 8).GetDouble());
        Close(budget.Resources.CostEuros, sheet.Cell(row, 12).GetDouble());
    }

    [Fact]
    public void Summary_WarnsOnlyAboutAPlanOfYears()
    {
        using var workbook = PlanWorkbook.Build(Content);
        var plan = ResourcePlan.Create(Optimum.Flops, Optimum.Parameters, H100);
        Assert.False(plan.IsLongerThanAYear, $"the default plan takes {plan.Days} days");
        Assert.DoesNotContain("Warning", Sentences(workbook), StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"({plan.GpuHours:#,##0} GPU-hours)"), Sentences(workbook), StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"On {plan.Gpus} × H100-SXM it takes {plan.Days:#,##0.0} days"), Sentences(workbook), StringComparison.Ordinal);

        // 17 GPUs, the fewest that hold the state: 991 days.
        workbook.Range("Gpus_given").FirstCell().Value = 17;
        var given = ResourcePlan.Create(Optimum.Flops, Optimum.Parameters, H100 with { Gpus = 17 });
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Warning: {given.Days / 365:0.0} years is longer than anyone waits for one training run"), Sentences(workbook), StringComparison.Ordinal);
    }

    [Fact]
    public void Gpus_FollowTheLibrarysRuleForEveryScheduleDeadlineAndCount()
    {
        // The Plan sheet's GPU formula against ResourcePlan: the default schedule, a deadline, no schedule, a count,
        // other node sizes, a small budget (a power of two within a node) and the largest cluster.
        using var workbook = PlanWorkbook.Build(Content);
        var cases = new (double Flops, double Schedule, double Deadline, int Given, int PerNode, int Max)[]
        {
            (5.76e23, 90, 0, 0, 8, 100_000), (5.76e23, 90, 30, 0, 8, 100_000), (5.76e23, 0, 0, 0, 8, 100_000), (5.76e23, 90, 0, 20, 8, 100_000),
            (5.76e23, 90, 0, 0, 4, 100_000), (5.76e23, 45, 0, 0, 1, 100_000), (1e19, 90, 0, 0, 8, 100_000), (3e20, 2, 0, 0, 8, 100_000),
            (1e26, 90, 0, 0, 8, 10_000),
        };
        foreach (var c in cases)
        {
            workbook.Range("Budget_flops").FirstCell().Value = c.Flops;
            workbook.Range("Schedule_days").FirstCell().Value = c.Schedule;
            workbook.Range("Deadline_days").FirstCell().Value = c.Deadline;
            workbook.Range("Gpus_given").FirstCell().Value = c.Given;
            workbook.Range("Gpus_per_node").FirstCell().Value = c.PerNode;
            workbook.Range("Max_gpus").FirstCell().Value = c.Max;
            var assumptions = H100 with
            {
                ScheduleDays = c.Schedule > 0 ? c.Schedule : null,
                DeadlineDays = c.Deadline > 0 ? c.Deadline : null,
                Gpus = c.Given > 0 ? c.Given : null,
                GpusPerNode = c.PerNode,
                MaxGpus = c.Max,
            };
            var optimum = ComputeOptimalFrontier.Create(LawPresets.Default.LossLaw).Optimum(c.Flops);
            var plan = ResourcePlan.Create(optimum.Flops, optimum.Parameters, assumptions);
            Assert.True(plan.Gpus == Named(workbook, "Plan_gpus"), $"{c}: the library plans {plan.Gpus} GPUs, the sheet {Named(workbook, "Plan_gpus")}");
        }
    }

    [Fact]
    public void Summary_ASmallBudgetReadsInHours_NotZeroDays()
    {
        var content = PlanWorkbookContent.Create(LawPresets.Default, 1e18) with { Resources = H100 };
        using var workbook = PlanWorkbook.Build(content);
        var plan = ResourcePlan.Create(1e18, content.Optimum.Parameters, H100);
        Assert.True(plan.Days < 1);
        string sentences = Sentences(workbook);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"it takes {plan.Days * 24:0.0} hours ({plan.GpuHours:0.00} GPU-hours)"), sentences, StringComparison.Ordinal);
        Assert.DoesNotContain("0 days", sentences, StringComparison.Ordinal);
        Assert.DoesNotContain("Warning", sentences, StringComparison.Ordinal);
    }

    [Fact]
    public void Cells_ReadAsPeopleWriteThem()
    {
        using var workbook = PlanWorkbook.Build(Content);
        Assert.Equal("#,##0,,,,", workbook.Range("Gpu_peak_flops_per_second").FirstCell().Style.NumberFormat.Format);
        Assert.Equal("TFLOP/s", workbook.Range("Gpu_peak_flops_per_second").FirstCell().CellRight().GetString());
        Assert.Equal("TB", workbook.Range("Plan_training_memory_bytes").FirstCell().CellRight().GetString());
        var cost = workbook.Range("Plan_cost_euros").FirstCell();
        Assert.Contains('€', cost.Style.NumberFormat.Format);
        Assert.DoesNotContain('€', cost.CellRight().GetString());
        Assert.Contains("#,##0", workbook.Range("Plan_gpu_hours").FirstCell().Style.NumberFormat.Format, StringComparison.Ordinal);
    }

    private static string Sentences(XLWorkbook workbook) =>
        string.Join("\n", workbook.Worksheet("Summary").Column(1).CellsUsed().Select(c => c.GetString()));

    private static double Named(XLWorkbook workbook, string name) => workbook.Range(name).FirstCell().GetDouble();

    // The root of a function that changes sign once between a and b.
    private static double Bisect(Func<double, double> f, double a, double b)
    {
        double fa = f(a);
        for (int i = 0; i < 200; i++)
        {
            double middle = Math.Sqrt(a * b);
            double fm = f(middle);
            if (Math.Sign(fm) == Math.Sign(fa))
            {
                (a, fa) = (middle, fm);
            }
            else
            {
                b = middle;
            }
        }

        return Math.Sqrt(a * b);
    }

    private static void Close(double expected, double actual, double relative = 1e-9) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Max(1e-300, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void PriceNote_FollowsTheGpuPickedOnInputs()
    {
        // On main the note beside the price kept saying H100-SXM after the GPU was switched to TPUv5p.
        using var workbook = PlanWorkbook.Build(Content);
        var price = workbook.Range("Euros_per_gpu_hour").FirstCell();
        string Note() => price.CellRight(2).GetString();
        Assert.Contains("H100-SXM", Note(), StringComparison.Ordinal);
        workbook.Range("Gpu_name").FirstCell().Value = "TPUv5p";
        var tpu = HardwareCatalog.Default.Get("TPUv5p");
        Assert.Contains($"{tpu.PriceDate} for TPUv5p: {tpu.PriceNote}", Note(), StringComparison.Ordinal);
        Assert.DoesNotContain("H100", Note(), StringComparison.Ordinal);
    }
}
