using System.Globalization;
using ClosedXML.Excel;
using Scaling.Resources;
using Scaling.Text;
using static Scaling.Reports.Workbooks.WorkbookNames;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// The <c>Sensitivity</c> sheet: cost, days, GPUs, N*, energy, CO₂, water and embodied CO₂ when one assumption takes its low or high
/// setting — MFU, the price, PUE, grid intensity and the law — each row a live copy of the plan's formulas with that
/// one input replaced, so the table follows every other change on <c>Inputs</c>. The settings are
/// <see cref="SensitivityRanges.Default"/>'s and the laws the two with the smallest and largest N*: the same cases
/// as the report's sensitivity figure (<see cref="PlanSensitivity"/>).
/// </summary>
internal static class SensitivitySheet
{
    public const string SheetName = "Sensitivity";

    /// <summary>Columns (1-based) the tests read.</summary>
    public const int MfuColumn = 3, PriceColumn = 4, PueColumn = 5, GridColumn = 6, FlopsColumn = 7, ParametersColumn = 8,
        GpuHoursColumn = 9, GpusColumn = 10, DaysColumn = 11, CostColumn = 12, EnergyColumn = 13, Co2Column = 14,
        WaterColumn = 15, EmbodiedColumn = 16;

    private static readonly string[] Titles =
    [
        "Changed", "Setting", "MFU", "Price (€/GPU-hour)", "PUE", "Grid (gCO₂/kWh)", "Compute C (FLOPs)", "N*",
        "GPU-hours", "GPUs", "Days", "Cost (€)", "Energy (MWh)", "CO₂ (t)", "Water (L)", "Embodied CO₂ (t)",
    ];

    /// <summary>One row: what changes, its label, and the formulas of the four varied inputs (null: from Inputs).</summary>
    public sealed record Case(string Changed, string Setting, string? Mfu = null, string? Price = null, string? Pue = null, string? Grid = null, int? LawRow = null);

    /// <summary>The rows: your plan, then each assumption at its low and high setting, one at a time.</summary>
    public static IReadOnlyList<Case> Cases(PlanWorkbookContent content)
    {
        var ranges = SensitivityRanges.Default;
        var cases = new List<Case> { new("nothing", "your plan") };
        foreach (double mfu in new[] { ranges.Mfu.Low, ranges.Mfu.High })
        {
            cases.Add(new("MFU", NumberText.Percent(mfu), Mfu: Text($"{mfu}")));
        }

        foreach (double factor in new[] { ranges.PriceFactor.Low, ranges.PriceFactor.High })
        {
            cases.Add(new("GPU-hour price", NumberText.Change(factor - 1), Price: Text($"{EurosPerGpuHour}*{factor}")));
        }

        foreach (double pue in new[] { ranges.Pue.Low, ranges.Pue.High })
        {
            cases.Add(new("PUE", NumberText.Exponent(pue), Pue: Text($"{pue}")));
        }

        foreach (double grams in new[] { ranges.GridGramsCo2PerKilowattHour.Low, ranges.GridGramsCo2PerKilowattHour.High })
        {
            cases.Add(new("grid intensity", NumberText.Significant(grams) + " gCO₂/kWh", Grid: Text($"{grams}")));
        }

        // The laws whose N* at the budget is smallest and largest, as PlanSensitivity picks them.
        var laws = LawSpreadSheet.Laws(content);
        var sizes = laws.Select(l => Scaling.Allocation.ScalingLawAllocation.Allocator(l).Optimum(content.BudgetFlops).Parameters).ToList();
        int smallest = sizes.IndexOf(sizes.Min()), largest = sizes.IndexOf(sizes.Max());
        if (smallest != largest)
        {
            cases.Add(new("law", laws[smallest].Name, LawRow: smallest + 2));
            cases.Add(new("law", laws[largest].Name, LawRow: largest + 2));
        }

        return cases;
    }

    public static void Write(XLWorkbook workbook, PlanWorkbookContent content)
    {
        var sheet = workbook.Worksheets.Add(SheetName);
        SheetLayout.Header(sheet, Titles);
        var cases = Cases(content);
        for (int i = 0; i < cases.Count; i++)
        {
            Write(sheet, i + 2, cases[i], content);
        }

        int last = cases.Count + 1;
        sheet.Range(2, MfuColumn, last, MfuColumn).Style.NumberFormat.Format = WorkbookFormats.Percent;
        sheet.Range(2, PriceColumn, last, PriceColumn).Style.NumberFormat.Format = WorkbookFormats.EurosAndCents;
        sheet.Range(2, PueColumn, last, PueColumn).Style.NumberFormat.Format = "0.00";
        sheet.Range(2, GridColumn, last, GridColumn).Style.NumberFormat.Format = WorkbookFormats.Whole;
        sheet.Range(2, FlopsColumn, last, FlopsColumn).Style.NumberFormat.Format = WorkbookFormats.Scientific;
        sheet.Range(2, ParametersColumn, last, ParametersColumn).Style.NumberFormat.Format = WorkbookFormats.Count;
        sheet.Range(2, GpuHoursColumn, last, GpusColumn).Style.NumberFormat.Format = WorkbookFormats.Whole;
        sheet.Range(2, DaysColumn, last, DaysColumn).Style.NumberFormat.Format = "#,##0.0";
        sheet.Range(2, CostColumn, last, CostColumn).Style.NumberFormat.Format = WorkbookFormats.Euros;
        sheet.Range(2, EnergyColumn, last, EnergyColumn).Style.NumberFormat.Format = WorkbookFormats.Mega;
        sheet.Range(2, Co2Column, last, Co2Column).Style.NumberFormat.Format = "#,##0.0";
        sheet.Range(2, WaterColumn, last, WaterColumn).Style.NumberFormat.Format = WorkbookFormats.Whole;
        sheet.Range(2, EmbodiedColumn, last, EmbodiedColumn).Style.NumberFormat.Format = "#,##0.0";
        var yours = sheet.Range(2, 1, 2, Titles.Length);
        yours.Style.Font.Bold = true;
        yours.Style.Fill.BackgroundColor = XLColor.FromHtml("#FFE699");
        // Bands per assumption, so the eye finds the rows that belong together.
        for (int i = 1; i < cases.Count; i++)
        {
            if (cases[i].Changed != cases[i - 1].Changed)
            {
                sheet.Range(i + 2, 1, i + 2, Titles.Length).Style.Border.TopBorder = XLBorderStyleValues.Thin;
            }
        }

        SheetLayout.Widths(sheet, 13, 22, 8, 13, 7, 11, 11, 10, 12, 9, 9, 14, 11, 10, 13, 11);
        sheet.Cell(last + 2, 1).Value = "Each row changes one assumption and keeps the rest of Inputs (the settings of the report's sensitivity figure).";
        sheet.Cell(last + 3, 1).Value = content.BudgetEuros is null
            ? "With a FLOP budget, MFU moves the GPU-hours, so the cost and, on a schedule, the GPUs; the price moves the cost; the law moves N*."
            : "With a euro budget, MFU and price move the compute the budget buys, and with it N*.";
        sheet.Cell(last + 4, 1).Value = "PUE moves energy, CO₂ and the off-site water; grid intensity only CO₂. Embodied CO₂ follows the GPU-hours.";
        sheet.Range(last + 2, 1, last + 4, 1).Style.Font.Italic = true;
    }

    private static void Write(IXLWorksheet sheet, int row, Case item, PlanWorkbookContent content)
    {
        bool euroBudget = content.BudgetEuros is not null;
        sheet.Cell(row, 1).Value = item.Changed;
        sheet.Cell(row, 2).SetValue(item.Setting);
        sheet.Cell(row, 2).DataType = XLDataType.Text;
        sheet.Cell(row, MfuColumn).FormulaA1 = item.Mfu ?? Mfu;
        sheet.Cell(row, PriceColumn).FormulaA1 = item.Price ?? EurosPerGpuHour;
        sheet.Cell(row, PueColumn).FormulaA1 = item.Pue ?? Pue;
        sheet.Cell(row, GridColumn).FormulaA1 = item.Grid ?? GridGramsPerKilowattHour;
        string mfu = $"C{row}", price = $"D{row}", flops = $"G{row}", parameters = $"H{row}", hours = $"I{row}", gpus = $"J{row}";
        sheet.Cell(row, FlopsColumn).FormulaA1 = euroBudget ? ResourceFormulas.FlopsForEuros(BudgetEuros, mfu, price) : PlanFlops;
        // The law rows take N* from Law spread, where the compute is the plan's (they change neither MFU nor price).
        sheet.Cell(row, ParametersColumn).FormulaA1 = item.LawRow is { } lawRow
            ? $"'{LawSpreadSheet.SheetName}'!E{lawRow}"
            : PlanFormulas.Parameters(content, flops);
        sheet.Cell(row, GpuHoursColumn).FormulaA1 = ResourceFormulas.GpuHours(flops, mfu);
        sheet.Cell(row, GpusColumn).FormulaA1 = ResourceFormulas.Gpus(ResourceFormulas.MinimumGpus(parameters), hours);
        sheet.Cell(row, DaysColumn).FormulaA1 = ResourceFormulas.Days(hours, gpus);
        sheet.Cell(row, CostColumn).FormulaA1 = ResourceFormulas.Cost(hours, price);
        sheet.Cell(row, EnergyColumn).FormulaA1 = ResourceFormulas.KilowattHours(hours, $"E{row}");
        sheet.Cell(row, Co2Column).FormulaA1 = ResourceFormulas.Co2Tonnes($"M{row}", $"F{row}");
        sheet.Cell(row, WaterColumn).FormulaA1 = ResourceFormulas.WaterLitres($"M{row}", $"E{row}");
        sheet.Cell(row, EmbodiedColumn).FormulaA1 = ResourceFormulas.EmbodiedCo2Tonnes(hours);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
