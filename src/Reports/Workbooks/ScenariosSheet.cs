using ClosedXML.Excel;
using Scaling.Text;
using static Scaling.Reports.Workbooks.WorkbookNames;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// The <c>Scenarios</c> sheet: an Excel table of the compute-optimal plan over a sweep of budgets with the user's own
/// budget as a marked row, computed by live formulas from the same <c>Inputs</c> (with hardware: GPU-hours, GPUs, days
/// and cost too), and native charts over it.
/// </summary>
internal static class ScenariosSheet
{
    public const string SheetName = "Scenarios";
    public const string TableName = "Scenarios";

    /// <summary>The label of the row that holds the user's budget.</summary>
    public const string YourBudget = "your budget";

    private static readonly string[] PlanTitles = ["Scenario", "Budget C (FLOPs)", "Optimal parameters N*", "Optimal tokens D*", "Tokens per parameter", "Predicted loss"];
    private static readonly string[] ResourceTitles = ["GPU-hours", "GPUs", "Days", "Cost (€)"];

    /// <summary>Columns (1-based) the charts and tests read.</summary>
    public const int BudgetColumn = 2, ParametersColumn = 3, TokensColumn = 4, TokensPerParameterColumn = 5, LossColumn = 6,
        GpuHoursColumn = 7, GpusColumn = 8, DaysColumn = 9, CostColumn = 10;

    /// <summary>The column titles: the plan, then the resources when the workbook has hardware.</summary>
    public static string[] Titles(PlanWorkbookContent content) => content.Resources is null ? PlanTitles : [.. PlanTitles, .. ResourceTitles];

    /// <summary>The budgets of the rows in order: the sweep with the user's budget sorted in (null marks the user's row).</summary>
    public static IReadOnlyList<double?> Budgets(PlanWorkbookContent content)
    {
        var budgets = content.ScenarioBudgetsFlops.Select(b => (double?)b).ToList();
        int at = budgets.FindIndex(b => b > content.BudgetFlops);
        budgets.Insert(at < 0 ? budgets.Count : at, null);
        return budgets;
    }

    /// <summary>The row (1-based) of the user's budget.</summary>
    public static int YourRow(PlanWorkbookContent content) => Budgets(content).ToList().IndexOf(null) + 2;

    /// <summary>The last data row, for the chart's ranges.</summary>
    public static int LastRow(PlanWorkbookContent content) => Budgets(content).Count + 1;

    /// <summary>The formula of column <paramref name="column"/> (3 and up) in <paramref name="row"/>.</summary>
    public static string Formula(PlanWorkbookContent content, int column, int row) => column switch
    {
        ParametersColumn => PlanFormulas.Parameters(content, $"B{row}"),
        TokensColumn => $"B{row}/({FlopsPerParameterToken}*C{row})",
        TokensPerParameterColumn => $"D{row}/C{row}",
        LossColumn => $"{LawE}+{LawA}/POWER(C{row},{LawAlpha})+{LawB}/POWER(D{row},{LawBeta})",
        GpuHoursColumn => ResourceFormulas.GpuHours($"B{row}"),
        GpusColumn => ResourceFormulas.Gpus(ResourceFormulas.MinimumGpus($"C{row}"), $"G{row}"),
        DaysColumn => ResourceFormulas.Days($"G{row}", $"H{row}"),
        CostColumn => ResourceFormulas.Cost($"G{row}"),
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    public static void Write(XLWorkbook workbook, PlanWorkbookContent content)
    {
        var sheet = workbook.Worksheets.Add(SheetName);
        string[] titles = Titles(content);
        for (int i = 0; i < titles.Length; i++)
        {
            sheet.Cell(1, i + 1).Value = titles[i];
        }

        var budgets = Budgets(content);
        for (int i = 0; i < budgets.Count; i++)
        {
            int row = i + 2;
            if (budgets[i] is { } budget)
            {
                sheet.Cell(row, 1).Value = Multiple(budget / content.BudgetFlops);
                sheet.Cell(row, BudgetColumn).Value = budget;
            }
            else
            {
                sheet.Cell(row, 1).Value = YourBudget;
                sheet.Cell(row, BudgetColumn).FormulaA1 = PlanFlops;
            }

            for (int column = ParametersColumn; column <= titles.Length; column++)
            {
                sheet.Cell(row, column).FormulaA1 = Formula(content, column, row);
            }
        }

        int last = budgets.Count + 1;
        var table = sheet.Range(1, 1, last, titles.Length).CreateTable(TableName);
        table.Theme = XLTableTheme.TableStyleMedium2;
        Format(sheet, last, titles.Length);
        var yours = sheet.Range(YourRow(content), 1, YourRow(content), titles.Length);
        yours.Style.Font.Bold = true;
        yours.Style.Fill.BackgroundColor = XLColor.FromHtml("#FFE699");
        sheet.SheetView.FreezeRows(1);
        SheetLayout.Print(sheet);
        SheetLayout.Widths(sheet, 12, 12, 12, 11, 10, 10, 12, 9, 9, 13);
        sheet.Cell(last + 2, 1).Value = "Every cell follows Inputs; the marked row is your budget. The charts below read this table.";
        sheet.Cell(last + 2, 1).Style.Font.Italic = true;
    }

    private static void Format(IXLWorksheet sheet, int last, int columns)
    {
        sheet.Range(2, BudgetColumn, last, BudgetColumn).Style.NumberFormat.Format = WorkbookFormats.Scientific;
        sheet.Range(2, ParametersColumn, last, TokensColumn).Style.NumberFormat.Format = WorkbookFormats.Count;
        sheet.Range(2, TokensPerParameterColumn, last, TokensPerParameterColumn).Style.NumberFormat.Format = WorkbookFormats.Ratio;
        sheet.Range(2, LossColumn, last, LossColumn).Style.NumberFormat.Format = WorkbookFormats.Loss;
        if (columns >= CostColumn)
        {
            sheet.Range(2, GpuHoursColumn, last, GpusColumn).Style.NumberFormat.Format = WorkbookFormats.Whole;
            sheet.Range(2, DaysColumn, last, DaysColumn).Style.NumberFormat.Format = "#,##0.0";
            sheet.Range(2, CostColumn, last, CostColumn).Style.NumberFormat.Format = WorkbookFormats.Euros;
        }
    }

    // "×1/100", "×3.2": the budget as a multiple of the user's.
    private static string Multiple(double ratio) => ratio >= 1 ? "×" + NumberText.Ratio(ratio) : "×1/" + NumberText.Ratio(1 / ratio);
}
