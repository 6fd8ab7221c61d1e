using ClosedXML.Excel;
using static Scaling.Reports.Workbooks.WorkbookNames;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// The <c>Scenarios</c> sheet: an Excel table of the compute-optimal plan over a sweep of budgets, computed by live
/// formulas from the same <c>Inputs</c>, with a native log–log chart of N* and D* against C.
/// </summary>
internal static class ScenariosSheet
{
    public const string SheetName = "Scenarios";
    public const string TableName = "Scenarios";

    /// <summary>Column titles; the chart reads columns 1 (C), 2 (N*) and 3 (D*).</summary>
    public static readonly string[] Titles = ["Budget C (FLOPs)", "Optimal parameters N*", "Optimal tokens D*", "Tokens per parameter", "Predicted loss"];

    /// <summary>The formula of column <paramref name="column"/> (2..5) in <paramref name="row"/>.</summary>
    public static string Formula(int column, int row) => column switch
    {
        2 => $"{PlanG}*POWER(A{row}/{FlopsPerParameterToken},{PlanExponentA})",
        3 => $"A{row}/({FlopsPerParameterToken}*B{row})",
        4 => $"C{row}/B{row}",
        5 => $"{LawE}+{LawA}/POWER(B{row},{LawAlpha})+{LawB}/POWER(C{row},{LawBeta})",
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    public static void Write(XLWorkbook workbook, PlanWorkbookContent content)
    {
        var sheet = workbook.Worksheets.Add(SheetName);
        for (int i = 0; i < Titles.Length; i++)
        {
            sheet.Cell(1, i + 1).Value = Titles[i];
        }

        var budgets = content.ScenarioBudgetsFlops;
        for (int i = 0; i < budgets.Count; i++)
        {
            int row = i + 2;
            sheet.Cell(row, 1).Value = budgets[i];
            for (int column = 2; column <= Titles.Length; column++)
            {
                sheet.Cell(row, column).FormulaA1 = Formula(column, row);
            }
        }

        int last = budgets.Count + 1;
        var table = sheet.Range(1, 1, last, Titles.Length).CreateTable(TableName);
        table.Theme = XLTableTheme.TableStyleMedium2;
        sheet.Range(2, 1, last, 3).Style.NumberFormat.Format = WorkbookFormats.Scientific;
        sheet.Range(2, 4, last, 4).Style.NumberFormat.Format = WorkbookFormats.Ratio;
        sheet.Range(2, 5, last, 5).Style.NumberFormat.Format = WorkbookFormats.Plain;
        sheet.SheetView.FreezeRows(1);
        SheetLayout.Print(sheet);
        SheetLayout.Widths(sheet, 20, 22, 20, 20, 16);
    }

    /// <summary>The last data row, for the chart's ranges.</summary>
    public static int LastRow(PlanWorkbookContent content) => content.ScenarioBudgetsFlops.Count + 1;
}
