using ClosedXML.Excel;
using Scaling.Allocation;
using Scaling.Fitting.Extrapolation;
using Scaling.Laws;
using Scaling.Reports.Workbooks;

namespace Scaling.Tests.Reports.Workbooks;

/// <summary>
/// Issue 23: a workbook whose law comes from a fit that carries a calibrated forecast of N* plans with the forecast, as
/// <c>scaling plan --law fit.json</c> does (<see cref="FittedPlan"/>): the Plan sheet's N*, its interval, the Scenarios
/// and the Summary follow it as live formulas, and the law's own optimum stays beside it.
/// </summary>
public class PlanWorkbookForecastTests
{
    // Hoffmann et al. 2022's IsoFLOP runs as Epoch digitised them (data/benchmarks/isoflops/epoch-chinchilla.csv), up to 1e20 FLOPs.
    private static readonly CalibratedExtrapolation Forecast = Extrapolator.Fit(
        IsoFlopCorpus.All.Single(s => s.Name == "epoch-chinchilla").Budgets.Where(b => b.Flops <= 2e20).ToArray(), ExtrapolationMethod.Drift);

    private static readonly PlanWorkbookContent Content = PlanWorkbookContent.Create(LawPresets.Besiroglu2024, 3e21) with { Extrapolation = Forecast };

    [Fact]
    public void PlanFormulas_FollowTheForecast_BeforeAndAfterTheBudgetChanges()
    {
        using var workbook = new XLWorkbook(new MemoryStream(PlanWorkbook.ToBytes(Content)));
        AssertPlanMatches(workbook, 3e21);
        workbook.Range("Budget_flops").FirstCell().Value = 1e23;
        AssertPlanMatches(workbook, 1e23);
    }

    [Fact]
    public void ScenarioFormulas_GiveTheForecastsNStarAtEveryBudget()
    {
        using var workbook = PlanWorkbook.Build(Content);
        var sheet = workbook.Worksheet("Scenarios");
        var allocator = ForecastAllocator.Create(Forecast, LawPresets.Besiroglu2024.LossLaw);
        foreach (var row in sheet.Table("Scenarios").DataRange.Rows())
        {
            double budget = row.Cell(2).GetDouble();
            AssertClose(allocator.Optimum(budget).Parameters, row.Cell(3).GetDouble());
        }
    }

    [Fact]
    public void Summary_SaysTheForecastItsIntervalAndHowFar()
    {
        using var workbook = PlanWorkbook.Build(Content);
        string text = string.Join("\n", workbook.Worksheet("Summary").Column(1).CellsUsed().Select(c => c.GetString()));
        Assert.Contains("N* comes from the drift forecast of your runs' IsoFLOP minima: 95% interval 2.88 billion to 8.38 billion", text, StringComparison.Ordinal);
        Assert.Contains("Your largest run budget is 1/30 of this budget: 1.5 decades of extrapolation.", text, StringComparison.Ordinal);
        Assert.Contains("The fitted law's own optimum would be", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ForecastWorkbook_LibreOfficeComputesEveryFormulaAsClosedXmlDid()
    {
        byte[] ours = PlanWorkbook.ToBytes(Content);
        var theirs = LibreOfficeRecalculation.Recalculate([LibreOfficeRecalculation.WithoutCachedValues(ours)])[0];
        var expected = LibreOfficeRecalculation.FormulaValues(ours);
        var actual = LibreOfficeRecalculation.FormulaValues(theirs);
        var differences = expected
            .Where(pair => !Same(pair.Value, actual.GetValueOrDefault(pair.Key)))
            .Select(pair => $"{pair.Key.Sheet}!{pair.Key.Cell}: ClosedXML {pair.Value}, LibreOffice {actual.GetValueOrDefault(pair.Key) ?? "(none)"}")
            .ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(10)));
    }

    private static void AssertPlanMatches(XLWorkbook workbook, double flops)
    {
        var at = Forecast.At(flops);
        var law = LawPresets.Besiroglu2024;
        AssertClose(at.Parameters, Named(workbook, "Plan_parameters"));
        AssertClose(at.ParametersLower, Named(workbook, "Plan_parameters_lower"));
        AssertClose(at.ParametersUpper, Named(workbook, "Plan_parameters_upper"));
        AssertClose(at.Tokens, Named(workbook, "Plan_tokens"));
        AssertClose(Forecast.Forecast.ExponentAt(flops), Named(workbook, "Plan_exponent_a"));
        AssertClose(law.LossLaw.Loss(at.Parameters, at.Tokens), Named(workbook, "Plan_loss"));
        AssertClose(law.Plan(flops).Parameters, Named(workbook, "Law_parameters"));
        AssertClose(law.Plan(flops).Loss, Named(workbook, "Law_loss"));

        // The near-optimal sizes: the law's valley moved to the plan's N*.
        var range = NearOptimalRange.Create(law.Frontier(), flops, 0.01).MovedTo((LossOptimum)ForecastAllocator.Create(Forecast, law.LossLaw).Optimum(flops));
        AssertClose(range.LowerParameters, Named(workbook, "Near_parameters_low_1pct"));
        AssertClose(range.UpperParameters, Named(workbook, "Near_parameters_high_1pct"));
    }

    private static double Named(XLWorkbook workbook, string name)
    {
        var cell = workbook.Range(name).FirstCell();
        Assert.True(cell.HasFormula, $"{name} should be a live formula");
        return cell.GetDouble();
    }

    private static bool Same(string? ours, string? theirs) =>
        double.TryParse(ours, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double a)
        && double.TryParse(theirs, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double b)
            ? Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a))
            : ours == theirs;

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
}
