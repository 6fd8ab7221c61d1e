using ClosedXML.Excel;
using Scaling.Laws;
using static Scaling.Reports.Workbooks.WorkbookNames;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// The <c>Law spread</c> sheet: N* at the budget under each preset law (and the plan's own law), live in the budget —
/// the largest uncertainty in a plan (at 5.76e23 FLOPs the presets give 32B to 72B parameters). For each it also shows
/// what picking that size would cost if the plan's law is right: the loss at that N* under the plan's law.
/// </summary>
internal static class LawSpreadSheet
{
    public const string SheetName = "Law spread";

    private static readonly string[] Titles =
    [
        "Law", "Kind", "G or k (N* = G·(C/k)^a or k·C^a)", "Exponent a", "N* at your budget", "D* at your budget", "Tokens per parameter",
        "N* / your N*", "Loss under your law at this N*", "Loss above your law's optimum", "Source",
    ];

    /// <summary>The laws of the sheet: the plan's own first when it is no preset, then every preset.</summary>
    public static IReadOnlyList<ScalingLaw> Laws(PlanWorkbookContent content) =>
        LawPresets.Find(content.Law.Name) is null ? [content.Law, .. LawPresets.All] : LawPresets.All;

    public static void Write(XLWorkbook workbook, PlanWorkbookContent content)
    {
        var sheet = workbook.Worksheets.Add(SheetName);
        SheetLayout.Header(sheet, Titles);
        var laws = Laws(content);
        for (int i = 0; i < laws.Count; i++)
        {
            int row = i + 2;
            Write(sheet, row, laws[i]);
            if (string.Equals(laws[i].Name, content.Law.Name, StringComparison.OrdinalIgnoreCase))
            {
                // The plan's own law follows the coefficients on Inputs, so its N* is the law's own optimum on Plan (the plan's
                // N* itself unless a calibrated forecast of N* plans).
                sheet.Cell(row, 3).FormulaA1 = PlanG;
                sheet.Cell(row, 4).FormulaA1 = LawExponentA;
                sheet.Range(row, 1, row, Titles.Length - 1).Style.Font.Bold = true;
                sheet.Range(row, 1, row, Titles.Length - 1).Style.Fill.BackgroundColor = XLColor.FromHtml("#FFE699");
            }
        }

        int last = laws.Count + 1;
        workbook.NamedRanges.Add(SpreadLaws, sheet.Range(2, 1, last, 1));
        workbook.NamedRanges.Add(SpreadParameters, sheet.Range(2, 5, last, 5));
        sheet.Range(2, 3, last, 3).Style.NumberFormat.Format = "0.0000E+00";
        sheet.Range(2, 4, last, 4).Style.NumberFormat.Format = WorkbookFormats.Exponent;
        sheet.Range(2, 5, last, 6).Style.NumberFormat.Format = WorkbookFormats.Count;
        sheet.Range(2, 7, last, 8).Style.NumberFormat.Format = WorkbookFormats.Ratio;
        sheet.Range(2, 8, last, 8).Style.NumberFormat.Format = "0.00×";
        sheet.Range(2, 9, last, 9).Style.NumberFormat.Format = WorkbookFormats.Loss;
        sheet.Range(2, 10, last, 10).Style.NumberFormat.Format = "0.00%";
        SheetLayout.Widths(sheet, 22, 14, 16, 10, 13, 13, 11, 10, 13, 11, 60);
        SheetLayout.Wrap(sheet, Titles.Length, 2, last);
        sheet.Cell(last + 2, 1).Value = "Loss laws: N* = G·(C/k)^a; allocation rules: N* = k·C^a. Every N* follows the budget on Inputs. "
            + "The last columns price a wrong law: if your law is right, training the other law's N* on the same budget loses this much.";
        sheet.Cell(last + 2, 1).Style.Font.Italic = true;
    }

    private static void Write(IXLWorksheet sheet, int row, ScalingLaw law)
    {
        sheet.Cell(row, 1).Value = law.Name;
        if (law is ParametricLaw parametric)
        {
            var frontier = Scaling.Allocation.ComputeOptimalFrontier.Create(parametric.LossLaw);
            sheet.Cell(row, 2).Value = "loss law";
            sheet.Cell(row, 3).Value = frontier.G;
            sheet.Cell(row, 4).Value = frontier.ExponentA;
            sheet.Cell(row, 5).FormulaA1 = $"C{row}*POWER({PlanFlops}/{FlopsPerParameterToken},D{row})";
        }
        else if (law is AllocationRuleLaw { Rule: var rule })
        {
            sheet.Cell(row, 2).Value = "allocation rule";
            sheet.Cell(row, 3).Value = rule.ParametersCoefficient;
            sheet.Cell(row, 4).Value = rule.ExponentA;
            sheet.Cell(row, 5).FormulaA1 = $"C{row}*POWER({PlanFlops},D{row})";
        }

        sheet.Cell(row, 6).FormulaA1 = $"{PlanFlops}/({FlopsPerParameterToken}*E{row})";
        sheet.Cell(row, 7).FormulaA1 = $"F{row}/E{row}";
        sheet.Cell(row, 8).FormulaA1 = $"E{row}/{PlanParameters}";
        sheet.Cell(row, 9).FormulaA1 = $"{LawE}+{LawA}/POWER(E{row},{LawAlpha})+{LawB}/POWER(F{row},{LawBeta})";
        sheet.Cell(row, 10).FormulaA1 = $"I{row}/{LawLoss}-1";
        sheet.Cell(row, 11).Value = law.Source;
    }
}
