using System.Globalization;
using ClosedXML.Excel;
using Scaling.Hardware;
using Scaling.Resources;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// The <c>Catalog</c> sheet: the accelerator catalog (data/benchmarks/hardware.csv, with the report's own GPU laid over
/// it) as a table the <c>Inputs</c> sheet looks up, so that picking another GPU there changes its peak, memory, power
/// and price through formulas rather than only its label.
/// </summary>
internal static class CatalogSheet
{
    public const string SheetName = "Catalog";

    private static readonly string[] Titles =
    [
        "GPU", "Vendor", "Training precision", "Dense peak (TFLOP/s)", "Memory (GB)", "Power (W)", "Price (€/GPU-hour)", "Price date", "Price basis", "Source",
    ];

    /// <summary>The catalog's columns the <c>Inputs</c> formulas look up, by their position in <see cref="Titles"/>.</summary>
    public enum Column
    {
        Precision = 3,
        PeakFlopsPerSecond = 4,
        MemoryGigabytes = 5,
        Watts = 6,
        EurosPerGpuHour = 7,
        PriceDate = 8,
        PriceNote = 9,
    }

    /// <summary>The accelerators the sheet lists: the catalog with the plan's own accelerator replacing its namesake.</summary>
    public static IReadOnlyList<Accelerator> Accelerators(PlanWorkbookContent content, ResourceAssumptions resources) =>
        content.Catalog.Merge(HardwareCatalog.Create([resources.Accelerator])).All;

    /// <summary>
    /// The precision a GPU trains in on this sheet: the plan's precision where the GPU has a dense peak for it,
    /// else the GPU's own default (V100 has no BF16, so it trains in FP16).
    /// </summary>
    public static Precision PrecisionFor(Accelerator accelerator, ResourceAssumptions resources) =>
        accelerator.Supports(resources.TrainingPrecision) ? resources.TrainingPrecision : accelerator.DefaultTrainingPrecision;

    /// <summary>The range of GPU names, for the list validation of the GPU input.</summary>
    public static string NamesRange(PlanWorkbookContent content, ResourceAssumptions resources) => Range(1, Accelerators(content, resources).Count);

    /// <summary><c>INDEX(column, MATCH(Gpu_name, names, 0))</c>: the chosen GPU's value in <paramref name="column"/>.</summary>
    public static string Lookup(PlanWorkbookContent content, ResourceAssumptions resources, Column column)
    {
        int count = Accelerators(content, resources).Count;
        return $"INDEX({Range((int)column, count)},MATCH({WorkbookNames.GpuName},{Range(1, count)},0))";
    }

    public static void Write(XLWorkbook workbook, PlanWorkbookContent content, ResourceAssumptions resources)
    {
        var sheet = workbook.Worksheets.Add(SheetName);
        SheetLayout.Header(sheet, Titles);
        var accelerators = Accelerators(content, resources);
        // Text before values: ClosedXML would read a price date such as 2026-01 as a date.
        sheet.Range(2, 8, accelerators.Count + 1, 8).Style.NumberFormat.Format = WorkbookFormats.Text;
        for (int i = 0; i < accelerators.Count; i++)
        {
            var accelerator = accelerators[i];
            var precision = PrecisionFor(accelerator, resources);
            var row = sheet.Row(i + 2);
            row.Cell(1).Value = accelerator.Name;
            row.Cell(2).Value = accelerator.Vendor;
            row.Cell(3).Value = Precisions.Name(precision);
            row.Cell(4).Value = accelerator.PeakFlopsPerSecond(precision);
            row.Cell(5).Value = accelerator.MemoryGigabytes;
            // 0 = unknown: the Inputs formulas then report energy and CO₂ as unknown, as the library does.
            row.Cell(6).Value = accelerator.Watts ?? 0;
            row.Cell(7).Value = accelerator.EurosPerGpuHour;
            row.Cell(8).SetValue(accelerator.PriceDate);
            row.Cell(8).DataType = XLDataType.Text;
            row.Cell(9).Value = accelerator.PriceNote;
            row.Cell(10).Value = accelerator.Source;
        }

        int last = accelerators.Count + 1;
        sheet.Range(2, 4, last, 4).Style.NumberFormat.Format = WorkbookFormats.Tera;
        sheet.Range(2, 5, last, 5).Style.NumberFormat.Format = WorkbookFormats.Whole;
        sheet.Range(2, 6, last, 6).Style.NumberFormat.Format = WorkbookFormats.WholeOrUnknown;
        sheet.Range(2, 7, last, 7).Style.NumberFormat.Format = WorkbookFormats.EurosAndCents;
        sheet.Range(1, 8, last, 8).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        SheetLayout.Widths(sheet, 14, 10, 11, 12, 10, 10, 12, 10, 34, 44);
        SheetLayout.Wrap(sheet, 9, 2, last);
        SheetLayout.Wrap(sheet, 10, 2, last);
        sheet.Cell(last + 2, 1).Value = string.Create(CultureInfo.InvariantCulture,
            $"Peaks are dense (no 2:4 sparsity) at the precision shown; prices are dated assumptions, not quotes. Edit a row to model another GPU; pick the GPU on {InputsSheet.SheetName}.");
        sheet.Cell(last + 2, 1).Style.Font.Italic = true;
    }

    // Catalog!$D$2:$D$10, a fixed range the formulas and the list validation share.
    private static string Range(int column, int count)
    {
        string letter = XLHelper.GetColumnLetterFromNumber(column);
        return $"{SheetName}!${letter}$2:${letter}${count + 1}";
    }
}
