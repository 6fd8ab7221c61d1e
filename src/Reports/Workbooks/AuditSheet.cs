using System.Globalization;
using ClosedXML.Excel;
using Scaling.Audit;
using Scaling.Text;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// The <c>Audit</c> sheet: published models against the law, as an Excel table sorted by compute, with the verdict
/// coloured by conditional formatting (so a reader who edits a verdict sees the colour follow).
/// </summary>
internal static class AuditSheet
{
    public const string SheetName = "Audit";

    private static readonly string[] Titles =
    [
        "Model", "Year", "Parameters N", "Tokens D", "Tokens per parameter", "Compute C (FLOPs)", "Optimal N*", "Optimal D*",
        "Loss gap (nats/token)", "Wasted compute", "Verdict", "Source",
    ];

    public static void Write(XLWorkbook workbook, ModelAuditor auditor, IReadOnlyList<PublishedModel> models)
    {
        var sheet = workbook.Worksheets.Add(SheetName);
        SheetLayout.Header(sheet, Titles);
        var rows = models.Select(m => (Model: m, Audit: auditor.Audit(m))).OrderBy(r => r.Audit.Flops).ToList();
        for (int i = 0; i < rows.Count; i++)
        {
            Write(sheet.Row(i + 2), rows[i].Model, rows[i].Audit);
        }

        int last = rows.Count + 1;
        sheet.Range(1, 1, last, Titles.Length).CreateTable("AuditTable").Theme = XLTableTheme.TableStyleLight9;
        foreach (int column in new[] { 3, 4, 7, 8 })
        {
            sheet.Range(2, column, last, column).Style.NumberFormat.Format = WorkbookFormats.Count;
        }

        sheet.Range(2, 6, last, 6).Style.NumberFormat.Format = WorkbookFormats.Scientific;
        sheet.Range(2, 5, last, 5).Style.NumberFormat.Format = WorkbookFormats.Ratio;
        sheet.Range(2, 9, last, 9).Style.NumberFormat.Format = "0.000";
        sheet.Range(2, 10, last, 10).Style.NumberFormat.Format = WorkbookFormats.Percent;
        var verdicts = sheet.Range(2, 11, last, 11);
        verdicts.AddConditionalFormat().WhenEquals("\"undertrained\"").Fill.SetBackgroundColor(XLColor.FromHtml("#F8CBAD"));
        verdicts.AddConditionalFormat().WhenEquals("\"near-optimal\"").Fill.SetBackgroundColor(XLColor.FromHtml("#C6EFCE"));
        verdicts.AddConditionalFormat().WhenEquals("\"overtrained\"").Fill.SetBackgroundColor(XLColor.FromHtml("#BDD7EE"));
        SheetLayout.Widths(sheet, 26, 8, 14, 14, 12, 16, 14, 14, 12, 12, 14, 70);
        SheetLayout.Wrap(sheet, Titles.Length, 2, last);
        var note = sheet.Range(last + 2, 1, last + 2, Titles.Length).Merge();
        note.Style.Alignment.WrapText = true;
        note.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        sheet.Row(last + 2).Height = 2 * 15;
        sheet.Cell(last + 2, 1).Value =
            string.Create(CultureInfo.InvariantCulture, $"Law '{auditor.Law.Name}'. Near-optimal when N/N* lies within a factor {NumberText.Ratio(auditor.ParameterRatioTolerance)} of 1; ")
            + "wasted compute is the share the optimal split would not have needed for the same loss. Overtrained models are "
            + "usually trained so on purpose: a smaller model is cheaper to serve (Sardana et al. 2024).";
    }

    private static void Write(IXLRow row, PublishedModel model, ModelAudit audit)
    {
        row.Cell(1).Value = model.Name;
        row.Cell(2).Value = model.Year is { } year ? year : string.Empty;
        row.Cell(3).Value = model.Parameters;
        row.Cell(4).Value = model.Tokens;
        row.Cell(5).Value = audit.TokensPerParameter;
        row.Cell(6).Value = audit.Flops;
        row.Cell(7).Value = audit.OptimalParameters;
        row.Cell(8).Value = audit.OptimalTokens;
        row.Cell(9).Value = audit.LossGap is { } gap ? gap : string.Empty;
        row.Cell(10).Value = audit.WastedComputeFraction is { } wasted ? wasted : string.Empty;
        row.Cell(11).Value = audit.Verdict.ToText();
        row.Cell(12).Value = model.Source;
    }
}
