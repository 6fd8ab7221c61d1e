using System.Globalization;
using ClosedXML.Excel;
using Scaling.Fitting.Extrapolation;
using Scaling.Text;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// The <c>Backtest</c> sheet: the calibrated forecast of N* at the report's budget, how far it extrapolates, and every
/// prediction of the runs' own rolling-origin back-test (observed against predicted N*, the interval, the loss MAPE).
/// </summary>
internal static class BacktestSheet
{
    public const string SheetName = "Backtest";

    // The back-test table's columns: trained up to, target, decades, observed, predicted, lower, upper, covered, loss MAPE.
    private const int LastColumn = 9;

    public static void Write(XLWorkbook workbook, CalibratedExtrapolation extrapolation, double budgetFlops)
    {
        var sheet = workbook.Worksheets.Add(SheetName);
        var at = extrapolation.At(budgetFlops);
        string level = NumberText.Percent(at.Level);
        SheetLayout.Header(sheet, "Quantity", "Estimate", $"{level} lower", $"{level} upper");
        int row = 2;

        // The plan's cells, so that the sheet follows the budget on Inputs as the Plan sheet does.
        string k = WorkbookNames.FlopsPerParameterToken, flops = WorkbookNames.PlanFlops;
        foreach (var (label, estimate, lower, upper) in new[]
        {
            ($"N* (the plan, {extrapolation.Forecast.Method.Name()} forecast)", WorkbookNames.PlanParameters, WorkbookNames.PlanParametersLower, WorkbookNames.PlanParametersUpper),
            ("D* (the plan)", WorkbookNames.PlanTokens, $"{flops}/({k}*{WorkbookNames.PlanParametersUpper})", $"{flops}/({k}*{WorkbookNames.PlanParametersLower})"),
        })
        {
            sheet.Cell(row, 1).Value = label;
            sheet.Cell(row, 2).FormulaA1 = estimate;
            sheet.Cell(row, 3).FormulaA1 = lower;
            sheet.Cell(row, 4).FormulaA1 = upper;
            sheet.Range(row, 2, row, 4).Style.NumberFormat.Format = WorkbookFormats.Count;
            row++;
        }

        sheet.Cell(row, 1).Value = "The law's own N* (Fit sheet)";
        sheet.Cell(row, 2).FormulaA1 = WorkbookNames.LawParameters;
        sheet.Cell(row, 2).Style.NumberFormat.Format = WorkbookFormats.Count;
        row++;

        // Narrow enough to print one page wide at a readable scale; the facts wrap across the columns beside them.
        SheetLayout.Widths(sheet, 32, 12, 11, 11, 12, 12, 11, 7, 9);
        row = Facts(sheet, row + 1, extrapolation, at);
        Rows(sheet, row + 1, extrapolation);
    }

    private static int Facts(IXLWorksheet sheet, int row, CalibratedExtrapolation extrapolation, ExtrapolatedOptimum at)
    {
        row = SheetLayout.Section(sheet, row, "How far, and how sure");
        var facts = new List<(string Label, string Value)>
        {
            ("How far", at.Distance),
            ("Interval", at.Calibrated
                ? $"calibrated on back-tests of published IsoFLOP studies: q = {extrapolation.Quantile.ToString("0.00", CultureInfo.InvariantCulture)} (published studies {extrapolation.CorpusQuantile.ToString("0.00", CultureInfo.InvariantCulture)}, your runs' own back-test {extrapolation.OwnQuantile.ToString("0.00", CultureInfo.InvariantCulture)})"
                : "not calibrated: a Gaussian interval of the method's block bootstrap"),
            ("Observed optimum (back-test)", "the vertex of a parabola of loss in ln N through a budget's runs, at least 6 runs, inside the sampled sizes (Hoffmann et al. 2022, §3.2)"),
        };
        facts.AddRange(at.Warnings.Select(w => ("Warning", w)));
        sheet.Cell(row, 1).Value = "Largest budget of the runs (FLOPs)";
        sheet.Cell(row, 2).Value = at.LargestBudgetFlops;
        sheet.Cell(row, 2).Style.NumberFormat.Format = WorkbookFormats.Scientific;
        sheet.Cell(row, 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
        row++;
        foreach (var (label, value) in facts)
        {
            sheet.Cell(row, 1).Value = label;
            sheet.Cell(row, 1).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            sheet.Cell(row, 2).Value = value;
            SheetLayout.WrapAcross(sheet, row, 2, LastColumn);
            row++;
        }

        return row;
    }

    private static void Rows(IXLWorksheet sheet, int row, CalibratedExtrapolation extrapolation)
    {
        row = SheetLayout.Section(sheet, row, "Your runs' own back-test (rolling origin)");
        string[] headers = ["Trained up to (FLOPs)", "Target (FLOPs)", "Decades", "Observed N*", "Predicted N*", "Lower", "Upper", "Covered", "Loss MAPE"];
        for (int c = 0; c < headers.Length; c++)
        {
            sheet.Cell(row, c + 1).Value = headers[c];
            sheet.Cell(row, c + 1).Style.Font.Bold = true;
            sheet.Cell(row, c + 1).Style.Alignment.WrapText = true;
            sheet.Cell(row, c + 1).Style.Alignment.Vertical = XLAlignmentVerticalValues.Bottom;
            sheet.Cell(row, c + 1).Style.Alignment.Horizontal = headers[c] == "Covered" ? XLAlignmentHorizontalValues.Center : XLAlignmentHorizontalValues.Right;
        }

        sheet.Row(row).Height = 2 * 15;

        row++;
        foreach (var r in extrapolation.Backtest?.Rows ?? [])
        {
            sheet.Cell(row, 1).Value = r.TrainMaxFlops;
            sheet.Cell(row, 2).Value = r.TargetFlops;
            sheet.Cell(row, 3).Value = r.Decades;
            sheet.Cell(row, 4).Value = r.ObservedParameters;
            sheet.Cell(row, 5).Value = r.EstimatedParameters;
            sheet.Cell(row, 6).Value = r.Lower;
            sheet.Cell(row, 7).Value = r.Upper;
            sheet.Cell(row, 8).Value = r.Covered ? "yes" : "no";
            sheet.Cell(row, 8).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            if (r.LossMape is { } mape)
            {
                sheet.Cell(row, 9).Value = mape;
            }

            sheet.Range(row, 1, row, 2).Style.NumberFormat.Format = WorkbookFormats.Scientific;
            sheet.Cell(row, 3).Style.NumberFormat.Format = "0.00";
            sheet.Range(row, 4, row, 7).Style.NumberFormat.Format = WorkbookFormats.Count;
            sheet.Cell(row, 9).Style.NumberFormat.Format = WorkbookFormats.Percent;
            row++;
        }
    }
}
