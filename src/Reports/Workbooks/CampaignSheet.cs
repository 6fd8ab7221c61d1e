using System.Globalization;
using ClosedXML.Excel;
using Scaling.Campaign;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// The <c>Campaign</c> sheet: the runs to train before the big run, one row each, in the columns of a runs file
/// (run, budget, parameters, tokens, loss) with the loss column shaded for the team to fill in, then tokens per
/// parameter and each run's compute as a live formula (=6·N·D); the totals sit to the right of the table, so a copy of
/// columns A–E saved as CSV is a runs file for <c>scaling fit</c>.
/// </summary>
internal static class CampaignSheet
{
    public const string SheetName = "Campaign";

    private static readonly string[] Titles = ["run", "budget", "parameters", "tokens", "loss", "Tokens per parameter", "Compute 6·N·D (FLOPs)"];

    public static void Write(XLWorkbook workbook, CampaignDesign design, string lawName)
    {
        var sheet = workbook.Worksheets.Add(SheetName);
        SheetLayout.Header(sheet, Titles);
        int row = 2;
        for (int b = 0; b < design.BudgetsFlops.Count; b++)
        {
            var group = design.Runs.Where(r => r.BudgetFlops == design.BudgetsFlops[b]).ToArray();
            for (int s = 0; s < group.Length; s++, row++)
            {
                sheet.Cell(row, 1).Value = string.Create(CultureInfo.InvariantCulture, $"b{b + 1}-s{s + 1}");
                sheet.Cell(row, 2).Value = group[s].BudgetFlops;
                sheet.Cell(row, 3).Value = group[s].Parameters;
                sheet.Cell(row, 4).Value = group[s].Tokens;
                sheet.Cell(row, 6).FormulaA1 = $"D{row}/C{row}";
                sheet.Cell(row, 7).FormulaA1 = $"6*C{row}*D{row}";
            }
        }

        int last = row - 1;
        sheet.Range(1, 1, last, Titles.Length).CreateTable("CampaignRuns").Theme = XLTableTheme.TableStyleLight9;
        sheet.Range(2, 2, last, 2).Style.NumberFormat.Format = WorkbookFormats.Scientific;
        sheet.Range(2, 3, last, 4).Style.NumberFormat.Format = WorkbookFormats.Whole;
        sheet.Range(2, 5, last, 5).Style.Fill.BackgroundColor = XLColor.FromHtml("#FFF2CC");
        sheet.Range(2, 6, last, 6).Style.NumberFormat.Format = WorkbookFormats.Ratio;
        sheet.Range(2, 7, last, 7).Style.NumberFormat.Format = WorkbookFormats.Scientific;

        (string Label, Action<IXLCell> Value, string Format)[] summary =
        [
            ("Target run (FLOPs)", c => c.Value = design.TargetFlops, WorkbookFormats.Scientific),
            ("Campaign budget (FLOPs)", c => c.Value = design.CampaignFlops, WorkbookFormats.Scientific),
            ("Runs' compute (FLOPs)", c => c.FormulaA1 = $"SUM(G2:G{last})", WorkbookFormats.Scientific),
            ("Share of the budget", c => c.FormulaA1 = "J4/J3", WorkbookFormats.Percent),
            ("Losses filled in", c => c.FormulaA1 = $"COUNT(E2:E{last})&\" of {design.Runs.Count}\"", WorkbookFormats.Text),
        ];
        for (int i = 0; i < summary.Length; i++)
        {
            sheet.Cell(i + 2, 9).Value = summary[i].Label;
            summary[i].Value(sheet.Cell(i + 2, 10));
            sheet.Cell(i + 2, 10).Style.NumberFormat.Format = summary[i].Format;
        }

        sheet.Cell(1, 9).Value = "Campaign";
        sheet.Cell(1, 9).Style.Font.Bold = true;
        sheet.Cell(8, 9).Value = string.Create(CultureInfo.InvariantCulture, $"Designed under '{lawName}': sizes centred on each budget's predicted optimum. ")
            + "Fill in each run's final loss (nats/token), save columns A-E as CSV and run: scaling fit FILE.csv";
        sheet.Cell(8, 9).Style.Alignment.WrapText = true;
        sheet.Range(8, 9, 8, 10).Merge();
        sheet.Row(8).Height = 4 * 15;
        SheetLayout.Widths(sheet, 9, 12, 15, 18, 10, 12, 16, 3, 26, 30);
    }
}
