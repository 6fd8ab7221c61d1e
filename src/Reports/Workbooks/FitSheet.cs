using System.Globalization;
using ClosedXML.Excel;
using Scaling.Fitting;
using Scaling.Fitting.Approach3;
using Scaling.Fitting.Bootstrap;
using Scaling.Text;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// The <c>Fit</c> sheet: the Approach 3 fit of the user's runs — coefficients with bootstrap intervals, how the optimiser
/// fared, and every run with its prediction and residual.
/// </summary>
internal static class FitSheet
{
    public const string SheetName = "Fit";

    public static void Write(XLWorkbook workbook, ParametricFitResult fit, BootstrapResult? bootstrap)
    {
        var sheet = workbook.Worksheets.Add(SheetName);
        string level = NumberText.Percent(bootstrap?.Intervals.Level ?? 0.95);
        SheetLayout.Header(sheet, "Quantity", "Estimate", "Std. error", $"{level} lower", $"{level} upper");
        int row = 2;
        foreach (var (label, estimate, of) in Estimates(fit))
        {
            sheet.Cell(row, 1).Value = label;
            sheet.Cell(row, 2).Value = estimate;
            if (bootstrap is not null && of(bootstrap.Intervals) is { } interval)
            {
                StandardError(sheet.Cell(row, 3), interval.StandardError);
                sheet.Cell(row, 4).Value = interval.Lower;
                sheet.Cell(row, 5).Value = interval.Upper;
            }

            sheet.Range(row, 2, row, 5).Style.NumberFormat.Format = "0.0000";
            row++;
        }

        row = Plan(sheet, row, bootstrap);
        row = Facts(sheet, row + 1, fit, bootstrap);
        Runs(sheet, row + 1, fit);
        SheetLayout.Widths(sheet, 40, 16, 16, 16, 16, 16, 16);
    }

    // The fitted law's own optimum at the report's budget with its bootstrap intervals: values from when the report was
    // written (the refits have no closed form to put in a formula), so the label carries the budget. With a calibrated
    // forecast of N* the plan is the forecast's (Plan sheet); these rows stay the law's, named so.
    private static int Plan(IXLWorksheet sheet, int row, BootstrapResult? bootstrap)
    {
        if (bootstrap?.Intervals.Plan is not { } plan)
        {
            return row;
        }

        string at = NumberText.Scientific(plan.Flops);
        foreach (var (interval, label, format) in new[]
        {
            (plan.Parameters, $"The law's own N* at {at} FLOPs", WorkbookFormats.Count),
            (plan.Tokens, $"The law's own D* at {at} FLOPs", WorkbookFormats.Count),
            (plan.TokensPerParameter, $"The law's own tokens per parameter at {at} FLOPs", WorkbookFormats.Ratio),
        })
        {
            sheet.Cell(row, 1).Value = label;
            sheet.Cell(row, 2).Value = interval.Estimate;
            StandardError(sheet.Cell(row, 3), interval.StandardError);
            sheet.Cell(row, 4).Value = interval.Lower;
            sheet.Cell(row, 5).Value = interval.Upper;
            sheet.Range(row, 2, row, 5).Style.NumberFormat.Format = format;
            row++;
        }

        return row;
    }

    // A standard error that overflowed (refits beyond what a number holds) is no number for a cell: a dash, which the
    // sheet's warnings explain.
    private static void StandardError(IXLCell cell, double value)
    {
        if (double.IsFinite(value))
        {
            cell.Value = value;
        }
        else
        {
            cell.Value = "—";
            cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        }
    }

    // What a reader sees, the estimate, and its bootstrap interval.
    private static IEnumerable<(string Label, double Estimate, Func<BootstrapIntervals, Interval> Interval)> Estimates(ParametricFitResult fit) =>
    [
        ("E (irreducible loss)", fit.Law.E, i => i.E), ("A (parameter term)", fit.Law.A, i => i.A), ("B (data term)", fit.Law.B, i => i.B),
        ("alpha (parameter exponent)", fit.Law.Alpha, i => i.Alpha), ("beta (data exponent)", fit.Law.Beta, i => i.Beta),
        ("N* exponent a (N* grows as C^a)", fit.ExponentA, i => i.ExponentA), ("D* exponent b (D* grows as C^b)", fit.ExponentB, i => i.ExponentB),
    ];

    private static int Facts(IXLWorksheet sheet, int row, ParametricFitResult fit, BootstrapResult? bootstrap)
    {
        (string, object)[] facts =
        [
            ("Runs used", fit.RunsUsed),
            ("Objective (Huber, summed)", fit.Objective),
            ("Huber delta", fit.HuberDelta),
            ("Converged (own gradient check)", fit.Converged ? "yes" : "NO"),
            ("Starts reaching the best objective", $"{fit.StartsAtBest} of {fit.Starts}"),
            ("Optimum on the start grid's boundary", fit.OnGridBoundary ? string.Join(", ", fit.GridBoundaryAxes) : "no"),
            ("RMSE of ln L", fit.Residuals.RootMeanSquare),
            ("Bootstrap resamples", bootstrap is null ? "none" : $"{bootstrap.Resamples} (seed {bootstrap.Seed}), {bootstrap.Converged} converged"),
        ];
        foreach (var (label, value) in facts)
        {
            sheet.Cell(row, 1).Value = label;
            sheet.Cell(row, 2).Value = value;
            if (value is string)
            {
                // Text right-aligned under the numbers would run off to the left into the labels.
                sheet.Cell(row, 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
            }
            row++;
        }

        sheet.Cell(row - 7, 2).Style.NumberFormat.Format = "0.00000";
        sheet.Cell(row - 2, 2).Style.NumberFormat.Format = "0.00%";
        foreach (string warning in FitWarnings.Of(fit, bootstrap))
        {
            sheet.Cell(row, 1).Value = "Warning";
            sheet.Cell(row, 2).Value = warning;
            sheet.Cell(row, 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
            sheet.Range(row, 1, row, 2).Style.Font.FontColor = XLColor.FromHtml("#C00000");
            row++;
        }

        return row;
    }

    private static void Runs(IXLWorksheet sheet, int row, ParametricFitResult fit)
    {
        string[] titles = ["Run", "Parameters N", "Tokens D", "Compute C (FLOPs)", "Observed loss", "Predicted loss", "Residual ln L"];
        for (int i = 0; i < titles.Length; i++)
        {
            sheet.Cell(row, i + 1).Value = titles[i];
        }

        int first = row;
        for (int i = 0; i < fit.Runs.Count; i++)
        {
            var run = fit.Runs[i];
            row++;
            double predicted = fit.Law.Loss(run.Parameters, run.Tokens);
            // Runs without a name in the file are numbered in file order.
            sheet.Cell(row, 1).Value = run.RunName ?? string.Create(CultureInfo.InvariantCulture, $"run {i + 1}");
            sheet.Cell(row, 2).Value = run.Parameters;
            sheet.Cell(row, 3).Value = run.Tokens;
            sheet.Cell(row, 4).Value = run.Flops;
            sheet.Cell(row, 5).Value = run.Loss;
            sheet.Cell(row, 6).Value = predicted;
            sheet.Cell(row, 7).Value = Math.Log(run.Loss) - Math.Log(predicted);
        }

        sheet.Range(first, 1, row, titles.Length).CreateTable("FitRuns").Theme = XLTableTheme.TableStyleLight9;
        sheet.Range(first + 1, 2, row, 3).Style.NumberFormat.Format = WorkbookFormats.Count;
        sheet.Range(first + 1, 4, row, 4).Style.NumberFormat.Format = WorkbookFormats.Scientific;
        sheet.Range(first + 1, 5, row, 6).Style.NumberFormat.Format = WorkbookFormats.Loss;
        sheet.Range(first + 1, 7, row, 7).Style.NumberFormat.Format = "0.00%";
        sheet.Range(first + 1, 7, row, 7).AddConditionalFormat().ColorScale()
            .LowestValue(XLColor.FromHtml("#5B9BD5")).Midpoint(XLCFContentType.Number, "0", XLColor.White).HighestValue(XLColor.FromHtml("#F8696B"));
    }
}
