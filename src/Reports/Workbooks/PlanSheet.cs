using ClosedXML.Excel;
using static Scaling.Reports.Workbooks.WorkbookNames;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// The <c>Plan</c> sheet: live formulas from the <c>Inputs</c> cells to the compute-optimal plan
/// (Hoffmann et al. 2022, Eq. 4 and App. A): N* = G·(C/k)^a, D* = C/(k·N*), with G = (αA/(βB))^(1/(α+β)).
/// </summary>
internal static class PlanSheet
{
    public const string SheetName = "Plan";

    /// <summary>The formula rows for <paramref name="content"/>, in order; tests evaluate each against the library.</summary>
    public static IReadOnlyList<WorkbookRow> Rows(PlanWorkbookContent content)
    {
        var rows = new List<WorkbookRow> { Compute(content) };
        rows.AddRange(LawRows);
        if (content.Resources is not null)
        {
            rows.AddRange(ResourceRows.Plan());
        }

        return rows;
    }

    private static WorkbookRow Compute(PlanWorkbookContent content) => content.BudgetEuros is null
        ? WorkbookRow.Computed("Training compute C", PlanFlops, BudgetFlops, "FLOPs", WorkbookFormats.Scientific, "The budget from Inputs.")
        : WorkbookRow.Computed("Training compute C", PlanFlops, ResourceFormulas.FlopsForEuros(BudgetEuros), "FLOPs", WorkbookFormats.Scientific,
            "Budget / price · 3600 · peak · MFU: the FLOPs the euros buy.");

    private static readonly WorkbookRow[] LawRows =
    [
        WorkbookRow.Computed("G", PlanG, $"POWER({LawAlpha}*{LawA}/({LawBeta}*{LawB}),1/({LawAlpha}+{LawBeta}))", "-", WorkbookFormats.Plain,
            "G = (alpha·A/(beta·B))^(1/(alpha+beta))."),
        WorkbookRow.Computed("Exponent a (N* grows as C^a)", PlanExponentA, $"{LawBeta}/({LawAlpha}+{LawBeta})", "-", WorkbookFormats.Plain, "a = beta/(alpha+beta)."),
        WorkbookRow.Computed("Exponent b (D* grows as C^b)", PlanExponentB, $"{LawAlpha}/({LawAlpha}+{LawBeta})", "-", WorkbookFormats.Plain, "b = alpha/(alpha+beta) = 1 − a."),
        WorkbookRow.Computed("Optimal parameters N*", PlanParameters, $"{PlanG}*POWER({PlanFlops}/{FlopsPerParameterToken},{PlanExponentA})", "parameters", WorkbookFormats.Count,
            "N* = G·(C/k)^a."),
        WorkbookRow.Computed("Optimal tokens D*", PlanTokens, $"{PlanFlops}/({FlopsPerParameterToken}*{PlanParameters})", "tokens", WorkbookFormats.Count,
            "D* = C/(k·N*), so k·N*·D* = C exactly."),
        WorkbookRow.Computed("Tokens per parameter", PlanTokensPerParameter, $"{PlanTokens}/{PlanParameters}", "tokens/parameter", WorkbookFormats.Ratio, "D*/N*."),
        WorkbookRow.Computed("Predicted loss", PlanLoss, $"{LawE}+{LawA}/POWER({PlanParameters},{LawAlpha})+{LawB}/POWER({PlanTokens},{LawBeta})", "nats/token", WorkbookFormats.Plain,
            "L = E + A/N*^alpha + B/D*^beta."),
    ];

    public static void Write(XLWorkbook workbook, PlanWorkbookContent content)
    {
        var sheet = workbook.Worksheets.Add(SheetName);
        SheetLayout.Header(sheet, "Quantity", "Value", "Unit", "Formula");
        int end = SheetLayout.Rows(sheet, 2, Rows(content));
        if (content.Resources is not null)
        {
            // A plan that runs for years is no plan: the days turn red (Summary says why).
            sheet.Workbook.Range(PlanDays).AddConditionalFormat().WhenGreaterThan(ResourceRows.LongPlanDays)
                .Fill.SetBackgroundColor(XLColor.FromHtml("#F8CBAD")).Font.SetBold();
        }

        SheetLayout.Widths(sheet, 34, 16, 12, SheetLayout.NoteColumnWidth);
        SheetLayout.Wrap(sheet, 4, 2, end - 1);
    }
}
