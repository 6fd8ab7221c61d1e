using System.Globalization;
using Scaling.Allocation;
using Scaling.Laws;
using Scaling.Reports.Workbooks;

namespace Scaling.Tests.Reports.Workbooks;

/// <summary>
/// The workbook must compute the same in a second spreadsheet engine, not only in ClosedXML's evaluator (which writes
/// the cached values Excel shows until it recalculates, and accepts some formulas other engines reject).
/// </summary>
public class PlanWorkbookLibreOfficeTests : IClassFixture<PlanWorkbookLibreOfficeTests.Recalculated>
{
    private static readonly Scaling.Resources.ResourceAssumptions H100 = new(Scaling.Hardware.HardwareCatalog.Default.Get("H100-SXM"));

    private readonly Recalculated recalculated;

    public PlanWorkbookLibreOfficeTests(Recalculated recalculated) => this.recalculated = recalculated;

    [Fact]
    public void FlopWorkbook_LibreOfficeComputesEveryFormulaAsClosedXmlDid() =>
        AssertSameValues(recalculated.Flops, recalculated.FlopsByLibreOffice);

    [Fact]
    public void EuroWorkbook_LibreOfficeComputesEveryFormulaAsClosedXmlDid() =>
        AssertSameValues(recalculated.Euros, recalculated.EurosByLibreOffice);

    [Fact]
    public void ChangedBudget_LibreOfficeRecomputesThePlanTheLibraryGives()
    {
        var values = LibreOfficeRecalculation.FormulaValues(recalculated.ChangedBudgetByLibreOffice);
        var expected = ComputeOptimalFrontier.Create(LawPresets.Default.LossLaw).Optimum(Recalculated.ChangedBudgetFlops);
        AssertClose(Recalculated.ChangedBudgetFlops, values[("Plan", "B2")]);
        AssertClose(expected.Parameters, values[("Plan", "B6")]);
        AssertClose(expected.Tokens, values[("Plan", "B7")]);
        AssertClose(expected.Loss, values[("Plan", "B9")]);
    }

    [Fact]
    public void SwitchedGpu_LibreOfficeRecomputesTheLibrarysResourcePlanForThatGpu()
    {
        byte[] values = recalculated.SwitchedGpuByLibreOffice;
        var a100 = new Scaling.Resources.ResourceAssumptions(Scaling.Hardware.HardwareCatalog.Default.Get(Recalculated.SwitchedGpu));
        var optimum = ComputeOptimalFrontier.Create(LawPresets.Default.LossLaw!).Optimum(5.76e23);
        var plan = Scaling.Resources.ResourcePlan.Create(optimum.Flops, optimum.Parameters, a100);
        AssertClose(a100.Rate.PeakFlopsPerSecond, LibreOfficeRecalculation.Named(values, "Gpu_peak_flops_per_second"));
        AssertClose(plan.Rate.EurosPerGpuHour, LibreOfficeRecalculation.Named(values, "Euros_per_gpu_hour"));
        AssertClose(a100.Accelerator.Watts!.Value, LibreOfficeRecalculation.Named(values, "Watts_per_gpu"));
        AssertClose(plan.GpuHours, LibreOfficeRecalculation.Named(values, "Plan_gpu_hours"));
        AssertClose(plan.CostEuros, LibreOfficeRecalculation.Named(values, "Plan_cost_euros"));
        AssertClose(plan.Gpus, LibreOfficeRecalculation.Named(values, "Plan_gpus"));
        AssertClose(plan.Days, LibreOfficeRecalculation.Named(values, "Plan_days"));
        AssertClose(plan.KilowattHours!.Value, LibreOfficeRecalculation.Named(values, "Plan_kilowatt_hours"));

        // The note beside the price follows the GPU too (on main it kept naming H100-SXM).
        string note = LibreOfficeRecalculation.FormulaValues(values)[("Inputs", "D" + LibreOfficeRecalculation.Row(values, "Euros_per_gpu_hour"))] ?? string.Empty;
        Assert.Contains($"for {Recalculated.SwitchedGpu}: {a100.Accelerator.PriceNote}", note, StringComparison.Ordinal);
        Assert.DoesNotContain("H100", note, StringComparison.Ordinal);
    }

    [Fact]
    public void SwitchedGpuOnAEuroBudget_LibreOfficeRecomputesTheComputeTheEurosBuy()
    {
        byte[] values = recalculated.SwitchedGpuEurosByLibreOffice;
        var b200 = new Scaling.Resources.ResourceAssumptions(Scaling.Hardware.HardwareCatalog.Default.Get("B200"));
        var budget = Scaling.Resources.BudgetPlan.ForEuros(LawPresets.Default.Frontier()!, 2e6, b200);
        AssertClose(budget.Optimum.Flops, LibreOfficeRecalculation.Named(values, "Plan_flops"));
        AssertClose(budget.Optimum.Parameters, LibreOfficeRecalculation.Named(values, "Plan_parameters"));
        AssertClose(budget.Resources.Days, LibreOfficeRecalculation.Named(values, "Plan_days"));
    }

    private static void AssertSameValues(byte[] ours, byte[] theirs)
    {
        var expected = LibreOfficeRecalculation.FormulaValues(ours);
        var actual = LibreOfficeRecalculation.FormulaValues(theirs);
        Assert.True(expected.Count > 50, $"only {expected.Count} formula cells");
        var differences = expected
            .Where(pair => !Same(pair.Value, actual.GetValueOrDefault(pair.Key)))
            .Select(pair => $"{pair.Key.Sheet}!{pair.Key.Cell}: ClosedXML {pair.Value}, LibreOffice {actual.GetValueOrDefault(pair.Key) ?? "(none)"}")
            .ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(10)));
    }

    private static bool Same(string? ours, string? theirs)
    {
        if (double.TryParse(ours, NumberStyles.Float, CultureInfo.InvariantCulture, out double a)
            && double.TryParse(theirs, NumberStyles.Float, CultureInfo.InvariantCulture, out double b))
        {
            return Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a));
        }

        return ours == theirs;
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Abs(expected), $"expected {expected:R}, LibreOffice computed {actual:R}");

    private static void AssertClose(double expected, string? actual)
    {
        double value = double.Parse(actual ?? "NaN", CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(value - expected) <= 1e-9 * Math.Abs(expected), $"expected {expected:R}, LibreOffice computed {actual}");
    }

    /// <summary>The three workbooks, computed by LibreOffice in one start (a few seconds).</summary>
    public sealed class Recalculated
    {
        public const double ChangedBudgetFlops = 3e25;

        public Recalculated()
        {
            Flops = PlanWorkbook.ToBytes(PlanWorkbookContent.Create(LawPresets.Default, 5.76e23) with { AuditModels = Scaling.Audit.ModelRegistry.Published, Resources = H100 });
            Euros = PlanWorkbook.ToBytes(PlanWorkbookContent.ForEuros(LawPresets.Default, 2e6, H100));
            var results = LibreOfficeRecalculation.Recalculate(
            [
                LibreOfficeRecalculation.WithoutCachedValues(Flops),
                LibreOfficeRecalculation.WithoutCachedValues(Euros),
                LibreOfficeRecalculation.WithoutCachedValues(Flops, document => LibreOfficeRecalculation.SetNamedInput(document, "Budget_flops", ChangedBudgetFlops)),
                LibreOfficeRecalculation.WithoutCachedValues(Flops, document => LibreOfficeRecalculation.SetNamedText(document, "Gpu_name", SwitchedGpu)),
                LibreOfficeRecalculation.WithoutCachedValues(Euros, document => LibreOfficeRecalculation.SetNamedText(document, "Gpu_name", "B200")),
            ]);
            FlopsByLibreOffice = results[0];
            EurosByLibreOffice = results[1];
            ChangedBudgetByLibreOffice = results[2];
            SwitchedGpuByLibreOffice = results[3];
            SwitchedGpuEurosByLibreOffice = results[4];
        }

        public const string SwitchedGpu = "A100-80GB";

        public byte[] SwitchedGpuByLibreOffice { get; }

        public byte[] SwitchedGpuEurosByLibreOffice { get; }

        public byte[] Flops { get; }

        public byte[] Euros { get; }

        public byte[] FlopsByLibreOffice { get; }

        public byte[] EurosByLibreOffice { get; }

        public byte[] ChangedBudgetByLibreOffice { get; }
    }
}
