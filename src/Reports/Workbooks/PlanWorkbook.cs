using System.Globalization;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// The planning workbook a manager opens, reads and changes: <c>Summary</c>, <c>Inputs</c>, <c>Plan</c> and
/// <c>Scenarios</c>, with live formulas over named input cells and a native chart.
/// </summary>
/// <remarks>
/// Formula values are evaluated at save, so every viewer shows the right numbers and none is stale; Excel and
/// LibreOffice recalculate when an input changes.
/// <example><code>
/// byte[] xlsx = PlanWorkbook.ToBytes(PlanWorkbookContent.Create(LawPresets.Default, 5.76e23));
/// </code></example>
/// </remarks>
public static class PlanWorkbook
{
    /// <summary>The workbook as .xlsx bytes.</summary>
    public static byte[] ToBytes(PlanWorkbookContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream();
        // ClosedXML evaluates the formulas at save in the current culture; the sentences on Summary must read
        // "72.2 billion" on a German machine too.
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            using var workbook = Build(content);
            workbook.SaveAs(stream, new SaveOptions { EvaluateFormulasBeforeSaving = true });
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        AddCharts(stream, content);
        return stream.ToArray();
    }

    /// <summary>The workbook before charts, for callers (and tests) that want ClosedXML's object model.</summary>
    public static XLWorkbook Build(PlanWorkbookContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var workbook = new XLWorkbook();
        SummarySheet.Write(workbook, content);
        InputsSheet.Write(workbook, content);
        PlanSheet.Write(workbook);
        ScenariosSheet.Write(workbook, content);
        if (content.AuditModels.Count > 0)
        {
            AuditSheet.Write(workbook, Audit.ModelAuditor.Create(content.Law, flopsPerParameterToken: content.FlopsPerParameterToken), content.AuditModels);
        }
        workbook.Worksheet(SummarySheet.SheetName).SetTabActive();
        return workbook;
    }

    private static void AddCharts(MemoryStream stream, PlanWorkbookContent content)
    {
        using var document = SpreadsheetDocument.Open(stream, true);
        var workbookPart = document.WorkbookPart!;
        var sheet = workbookPart.Workbook.Descendants<Sheet>().First(s => s.Name == ScenariosSheet.SheetName);
        var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id!);
        int last = ScenariosSheet.LastRow(content);
        var frontier = Scaling.Allocation.ComputeOptimalFrontier.Create(content.LossLaw, content.FlopsPerParameterToken);
        var budgets = content.ScenarioBudgetsFlops;
        var optima = budgets.Select(frontier.Optimum).ToList();
        string name = ScenariosSheet.SheetName;
        ScatterChartPart.Add(
            part,
            "Compute-optimal parameters and tokens",
            "Training compute C (FLOPs)",
            "Parameters N*, tokens D*",
            [
                new ChartSeries($"{name}!$B$1", $"{name}!$A$2:$A${last}", $"{name}!$B$2:$B${last}", budgets, optima.Select(o => o.Parameters).ToList()),
                new ChartSeries($"{name}!$C$1", $"{name}!$A$2:$A${last}", $"{name}!$C$2:$C${last}", budgets, optima.Select(o => o.Tokens).ToList()),
            ],
            (FromColumn: 6, FromRow: 1, ToColumn: 16, ToRow: 24));
        part.Worksheet.Save();
    }
}
