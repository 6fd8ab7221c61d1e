using ClosedXML.Excel;
using Scaling.Allocation;
using Scaling.Text;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// The <c>Beyond Chinchilla</c> sheet: how the plan for the budget changes when unique data is scarce
/// (Muennighoff et al. 2023) or when the model will serve many tokens (Sardana et al. 2024). Neither has a closed
/// form, so the values are computed by the library when the workbook is written, and the sheet says so.
/// </summary>
internal static class BeyondChinchillaSheet
{
    public const string SheetName = "Beyond Chinchilla";

    /// <summary>Unique tokens as multiples of the unconstrained D*: from 1/16 of it (16 epochs) to plenty.</summary>
    public static readonly double[] UniqueTokenFractions = [1.0 / 16, 1.0 / 8, 1.0 / 4, 1.0 / 2, 1, 2];

    /// <summary>Lifetime inference tokens as multiples of the Chinchilla D*.</summary>
    public static readonly double[] InferenceTokenMultiples = [0, 0.5, 1, 2, 5, 10, 50];

    public static void Write(XLWorkbook workbook, PlanWorkbookContent content)
    {
        var sheet = workbook.Worksheets.Add(SheetName);
        double flops = content.BudgetFlops;
        int row = Section(sheet, 1, $"Limited unique data at C = {NumberText.Scientific(flops)} FLOPs (Muennighoff et al. 2023, arXiv 2305.16264)");
        sheet.SheetView.FreezeRows(1);
        SheetLayout.Print(sheet);
        row = Table(sheet, row, ["Unique tokens U", "Parameters N", "Tokens D", "Epochs D/U", "Loss", "Loss with unlimited data", "Note"], DataRows(content));
        row = Section(sheet, row + 1, "Inference demand: the model of Chinchilla quality that costs least to train and serve (Sardana et al. 2024, arXiv 2401.00448)");
        row = Table(sheet, row, ["Inference tokens T", "Parameters N", "Training tokens D", "Tokens per parameter", "Training FLOPs", "Training + inference FLOPs", "Saving vs Chinchilla"], InferenceRows(content));
        sheet.Cell(row + 1, 1).Value = "These values are computed by 'scaling report' when the workbook is written (no closed form); they do not follow the Inputs sheet. Run the report again for other inputs.";
        sheet.Cell(row + 1, 1).Style.Font.Italic = true;
        // Not SheetLayout.Widths: row 1 is a title that runs across the columns, not a header to wrap.
        double[] widths = [18, 14, 14, 14, 16, 20, 60];
        for (int i = 0; i < widths.Length; i++)
        {
            sheet.Column(i + 1).Width = widths[i];
        }

        foreach (var header in sheet.RowsUsed(r => r.Cell(1).Style.Fill.BackgroundColor == HeaderFill))
        {
            header.Style.Alignment.WrapText = true;
            header.Height = 2 * 15;
        }
    }

    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DCE6F1");

    private static IEnumerable<object[]> DataRows(PlanWorkbookContent content)
    {
        var planner = DataConstrainedPlanner.Create(content.Law, content.FlopsPerParameterToken);
        double free = planner.Frontier.Optimum(content.BudgetFlops).Tokens;
        foreach (double fraction in UniqueTokenFractions)
        {
            var plan = planner.Optimum(content.BudgetFlops, free * fraction);
            string note = plan.ComputeBetterSpentElsewhere ? "more compute mostly buys repeats: find more data"
                : plan.ReturnsFalling ? "past ~4 epochs: repeats are worth markedly less"
                : plan.Epochs > 1 ? "repeating is nearly as good as fresh data" : "enough unique data";
            yield return [plan.UniqueTokens, plan.Optimum.Parameters, plan.Optimum.Tokens, plan.Epochs, plan.Loss, plan.UnconstrainedLoss, note];
        }
    }

    private static IEnumerable<object[]> InferenceRows(PlanWorkbookContent content)
    {
        var planner = InferenceAwarePlanner.Create(content.LossLaw, content.FlopsPerParameterToken);
        double chinchillaTokens = planner.Frontier.Optimum(content.BudgetFlops).Tokens;
        foreach (double multiple in InferenceTokenMultiples)
        {
            var plan = planner.Optimum(content.BudgetFlops, chinchillaTokens * multiple);
            yield return [plan.InferenceTokens, plan.Optimum.Parameters, plan.Optimum.Tokens, plan.Optimum.TokensPerParameter, plan.Optimum.Flops, plan.TotalFlops, plan.SavingFraction];
        }
    }

    private static int Section(IXLWorksheet sheet, int row, string title)
    {
        sheet.Cell(row, 1).Value = title;
        sheet.Cell(row, 1).Style.Font.Bold = true;
        return row + 1;
    }

    private static int Table(IXLWorksheet sheet, int row, string[] titles, IEnumerable<object[]> rows)
    {
        for (int i = 0; i < titles.Length; i++)
        {
            sheet.Cell(row, i + 1).Value = titles[i];
            sheet.Cell(row, i + 1).Style.Font.Bold = true;
            sheet.Cell(row, i + 1).Style.Fill.BackgroundColor = HeaderFill;
        }

        foreach (var values in rows)
        {
            row++;
            for (int i = 0; i < values.Length; i++)
            {
                var cell = sheet.Cell(row, i + 1);
                cell.Value = values[i];
                cell.Style.NumberFormat.Format = Format(titles[i]);
            }
        }

        return row + 1;
    }

    private static string Format(string title) => title switch
    {
        "Epochs D/U" or "Tokens per parameter" => WorkbookFormats.Ratio,
        "Loss" or "Loss with unlimited data" => WorkbookFormats.Loss,
        "Saving vs Chinchilla" => WorkbookFormats.Percent,
        "Note" => WorkbookFormats.Text,
        "Training FLOPs" or "Training + inference FLOPs" => WorkbookFormats.Scientific,
        _ => WorkbookFormats.Count,
    };
}
