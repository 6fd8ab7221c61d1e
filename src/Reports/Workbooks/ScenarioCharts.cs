using Scaling.Allocation;
using static Scaling.Reports.Workbooks.ScenariosSheet;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// The charts on <c>Scenarios</c>, read from its table: N* and D* against compute, and, with hardware, cost against
/// model size and loss against cost — the plan marked on each as a red diamond. The cached points and the axis bounds
/// are the values at save; the series stay linked to the cells.
/// </summary>
internal static class ScenarioCharts
{
    /// <summary>Each chart: title, axes, series and its anchor (zero-based columns and rows).</summary>
    public static IEnumerable<(string Title, ChartAxis X, ChartAxis Y, IReadOnlyList<ChartSeries> Series, (int, int, int, int) Anchor)> Create(PlanWorkbookContent content)
    {
        var allocator = content.Allocator;
        var budgets = Budgets(content).Select(b => b ?? content.BudgetFlops).ToList();
        var optima = budgets.Select(b => (LossOptimum)allocator.Optimum(b)).ToList();
        var parameters = optima.Select(o => o.Parameters).ToList();
        var tokens = optima.Select(o => o.Tokens).ToList();
        int last = LastRow(content);
        int yours = YourRow(content);
        int index = yours - 2;
        int top = last + 3;
        string Column(int column) => $"{SheetName}!${Letter(column)}$2:${Letter(column)}${last}";
        string Yours(int column) => $"{SheetName}!${Letter(column)}${yours}";
        string Title(int column) => $"{SheetName}!${Letter(column)}$1";
        string label = $"{SheetName}!$A${yours}";

        yield return (
            "Compute-optimal parameters and tokens",
            ChartAxis.LogDecades("Training compute C (FLOPs)", budgets),
            ChartAxis.LogDecades("Parameters N*, tokens D*", parameters.Concat(tokens)),
            [
                new ChartSeries(Title(ParametersColumn), Column(BudgetColumn), Column(ParametersColumn), budgets, parameters),
                new ChartSeries(Title(TokensColumn), Column(BudgetColumn), Column(TokensColumn), budgets, tokens),
                new ChartSeries(label, Yours(BudgetColumn), Yours(ParametersColumn), [budgets[index]], [parameters[index]], Highlight: true),
            ],
            (0, top, 6, top + 20));

        if (content.Resources is not { } resources)
        {
            yield break;
        }

        var rate = resources.Rate;
        var costs = budgets.Select(b => rate.EurosForGpuHours(rate.GpuHoursForFlops(b))).ToList();
        var losses = optima.Select(o => o.Loss).ToList();
        yield return (
            "Cost against model size",
            ChartAxis.LogDecades("Optimal parameters N*", parameters),
            ChartAxis.LogDecades("Cost (€)", costs, "€#,##0"),
            [
                new ChartSeries(Title(CostColumn), Column(ParametersColumn), Column(CostColumn), parameters, costs),
                new ChartSeries(label, Yours(ParametersColumn), Yours(CostColumn), [parameters[index]], [costs[index]], Highlight: true),
            ],
            (6, top, 12, top + 20));
        yield return (
            "Predicted loss against cost",
            ChartAxis.LogDecades("Cost (€)", costs, "€#,##0"),
            ChartAxis.Linear("Predicted loss (nats/token)", losses, 0.1, "0.0"),
            [
                new ChartSeries(Title(LossColumn), Column(CostColumn), Column(LossColumn), costs, losses),
                new ChartSeries(label, Yours(CostColumn), Yours(LossColumn), [costs[index]], [losses[index]], Highlight: true),
            ],
            (0, top + 21, 6, top + 41));
    }

    private static string Letter(int column) => ClosedXML.Excel.XLHelper.GetColumnLetterFromNumber(column);
}
