using ClosedXML.Excel;
using static Scaling.Reports.Workbooks.WorkbookNames;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// The <c>Summary</c> sheet: the plan in plain sentences, built by formulas from the <c>Plan</c> cells so that they
/// stay true when a reader changes an input.
/// </summary>
internal static class SummarySheet
{
    public const string SheetName = "Summary";

    public static void Write(XLWorkbook workbook, PlanWorkbookContent content)
    {
        var sheet = workbook.Worksheets.Add(SheetName);
        sheet.Cell(1, 1).Value = "Compute-optimal training plan";
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 16;
        int row = 3;
        foreach (string formula in Sentences().Concat(content.Resources is null ? [] : ResourceSentences()))
        {
            sheet.Cell(row++, 1).FormulaA1 = formula;
        }

        row++;
        sheet.Cell(row++, 1).Value = $"Law: '{content.Law.Name}' — {content.Law.Source}.";
        sheet.Cell(row++, 1).Value = "Change the shaded cells on the Inputs sheet; the Plan, Scenarios and these sentences follow.";
        sheet.Cell(row, 1).Value = "Compute C = 6·N·D counts training only; the loss is in nats per token on the law's own data.";
        sheet.Column(1).Width = 140;
        SheetLayout.Print(sheet);
    }

    private static IEnumerable<string> Sentences()
    {
        yield return $"\"Train a model of \"&{Count(PlanParameters)}&\" parameters on \"&{Count(PlanTokens)}&\" tokens (\"&ROUND({PlanTokensPerParameter},0)&\" tokens per parameter).\"";
        yield return $"\"That is the compute-optimal use of a budget of \"&{Scientific(PlanFlops)}&\" FLOPs; the law predicts a loss of \"&ROUND({PlanLoss},3)&\" nats per token.\"";
        yield return $"\"With more compute, grow the model as C^\"&ROUND({PlanExponentA},3)&\" and the data as C^\"&ROUND({PlanExponentB},3)&\".\"";
    }

    private static IEnumerable<string> ResourceSentences()
    {
        yield return $"\"On \"&{PlanGpus}&\" × \"&{GpuName}&\" it takes \"&ROUND({PlanDays},1)&\" days (\"&{Millions(PlanGpuHours)}&\" GPU-hours) and costs €\"&{Millions(PlanCostEuros)}&\".\"";

        // Without a GPU count or a deadline the plan takes the fewest GPUs that hold the training state, which can
        // mean years; say so rather than let the number pass for a recommendation.
        yield return $"IF(AND({GpusGiven}<=0,{DeadlineDays}<=0),\"That is the fewest GPUs that hold the training state; give a deadline or a GPU count on Inputs to size the cluster.\",\"\")";
        yield return $"\"Energy: \"&IF(ISNUMBER({PlanKilowattHours}),ROUND({PlanKilowattHours}/1000,1)&\" MWh, \"&ROUND({PlanCo2Tonnes},1)&\" t CO₂\",\"unknown (no power figure for this GPU)\")&\"; activations are not included in the memory estimate.\"";
    }

    // "5.76e23": mantissa and power of ten.
    private static string Scientific(string name) =>
        $"ROUND({name}/10^INT(LOG10({name})),2)&\"e\"&INT(LOG10({name}))";

    // "404449", "1.21 million".
    private static string Millions(string name) =>
        $"IF({name}>=1E6,ROUND({name}/1E6,2)&\" million\",ROUND({name},0))";

    // "72.2 billion", "1.33 trillion": Excel's TEXT would do, but ClosedXML 0.95's evaluation of TEXT fails against the
    // ExcelNumberFormat version NuGet serves, and cached values must be evaluated at save.
    private static string Count(string name) =>
        $"IF({name}>=1E15,ROUND({name}/1E15,2)&\" quadrillion\",IF({name}>=1E12,ROUND({name}/1E12,2)&\" trillion\","
        + $"IF({name}>=1E9,ROUND({name}/1E9,1)&\" billion\",ROUND({name}/1E6,0)&\" million\")))";
}
