using System.Globalization;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// The planning workbook a manager opens, reads and changes: <c>Summary</c>, <c>Inputs</c>, <c>Plan</c>,
/// <c>Scenarios</c>, <c>Sensitivity</c>, <c>Law spread</c>, <c>Near-optimal</c> and the reference sheets, with live
/// formulas over named input cells (the GPU looked up on <c>Catalog</c>) and native charts.
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
        PlanSheet.Write(workbook, content);
        ScenariosSheet.Write(workbook, content);
        if (content.Resources is not null)
        {
            SensitivitySheet.Write(workbook, content);
        }

        LawSpreadSheet.Write(workbook, content);
        NearOptimalSheet.Write(workbook);
        BeyondChinchillaSheet.Write(workbook, content);
        ArchitectureSheet.Write(workbook, content);
        if (content.AuditModels.Count > 0)
        {
            AuditSheet.Write(workbook, Audit.ModelAuditor.Create(content.Law, flopsPerParameterToken: content.FlopsPerParameterToken), content.AuditModels);
        }
        if (content.Fit is { } fit)
        {
            FitSheet.Write(workbook, fit, content.FitBootstrap);
        }

        if (content.Extrapolation is { } extrapolation)
        {
            BacktestSheet.Write(workbook, extrapolation, content.BudgetFlops);
        }

        if (content.Resources is { } resources)
        {
            CatalogSheet.Write(workbook, content, resources);
        }

        if (content.Campaign is { } campaign) { CampaignSheet.Write(workbook, campaign, content.Law.Name); }

        SummarySheet.Wrap(workbook);
        // The charts of Scenarios reach below its cells: its print area runs to the last chart's bottom row.
        int chartsBottom = ScenarioCharts.Create(content).Max(c => c.Anchor.Item4) + 1;
        SheetLayout.PrintReadably(workbook, new Dictionary<string, int> { [ScenariosSheet.SheetName] = chartsBottom });
        workbook.Worksheet(SummarySheet.SheetName).SetTabActive();
        return workbook;
    }

    private static void AddCharts(MemoryStream stream, PlanWorkbookContent content)
    {
        using var document = SpreadsheetDocument.Open(stream, true);
        var workbookPart = document.WorkbookPart ?? throw new InvalidOperationException("the workbook ClosedXML wrote has no workbook part.");
        var sheet = workbookPart.Workbook.Descendants<Sheet>().First(s => s.Name == ScenariosSheet.SheetName);
        var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id?.Value ?? throw new InvalidOperationException($"sheet '{ScenariosSheet.SheetName}' has no id."));
        foreach (var (title, x, y, series, anchor) in ScenarioCharts.Create(content))
        {
            ScatterChartPart.Add(part, title, x, y, series, anchor);
        }

        part.Worksheet.Save();
    }
}
