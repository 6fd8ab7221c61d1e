using ClosedXML.Excel;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// The <c>Inputs</c> sheet: every number the plan rests on, as a named, shaded, validated cell a reader may change.
/// </summary>
internal static class InputsSheet
{
    public const string SheetName = "Inputs";

    public static void Write(XLWorkbook workbook, PlanWorkbookContent content)
    {
        var sheet = workbook.Worksheets.Add(SheetName);
        SheetLayout.Header(sheet, "Input", "Value", "Unit", "Meaning and source (shaded cells are inputs: change them and every other sheet recalculates)");
        int row = SheetLayout.Section(sheet, 2, "Budget");
        row = SheetLayout.Rows(sheet, row, Budget(content));
        row = SheetLayout.Section(sheet, row + 1, $"Loss law '{content.Law.Name}': L(N, D) = E + A/N^alpha + B/D^beta");
        row = SheetLayout.Rows(sheet, row, Law(content));
        if (content.Resources is { } resources)
        {
            row = SheetLayout.Section(sheet, row + 1, "Hardware, price and energy");
            row = SheetLayout.Rows(sheet, row, ResourceRows.Inputs(content, resources));
            row = SheetLayout.Section(sheet, row + 1, "Water and the hardware's manufacture");
            row = SheetLayout.Rows(sheet, row, ResourceRows.Footprint(resources));
        }

        SheetLayout.Widths(sheet, 34, 16, 12, SheetLayout.NoteColumnWidth);
        SheetLayout.Wrap(sheet, 4, 2, row - 1);
    }

    private static IEnumerable<WorkbookRow> Budget(PlanWorkbookContent content)
    {
        if (content.BudgetEuros is { } euros)
        {
            yield return WorkbookRow.Input("Training budget", WorkbookNames.BudgetEuros, euros, "", WorkbookFormats.Euros,
                "What the training run may cost; the FLOPs follow from the GPU's price, peak and MFU below.") with { Bounds = (1, 1e13) };
        }
        else
        {
            yield return WorkbookRow.Input("Training budget C", WorkbookNames.BudgetFlops, content.BudgetFlops, "FLOPs", WorkbookFormats.Scientific,
                "Total training compute, C = k·N·D.") with { Bounds = (1e10, 1e32) };
        }

        yield return WorkbookRow.Input("FLOPs per parameter per token k", WorkbookNames.FlopsPerParameterToken, content.FlopsPerParameterToken, "FLOPs", WorkbookFormats.Ratio,
            "6 = 2 forward + 4 backward (Kaplan et al. 2020, arXiv 2001.08361, §2.1).") with { Bounds = (1, 100) };
    }

    private static IEnumerable<WorkbookRow> Law(PlanWorkbookContent content)
    {
        var law = content.LossLaw;
        string source = content.Law.Source;
        yield return WorkbookRow.Input("E (irreducible loss)", WorkbookNames.LawE, law.E, "nats/token", WorkbookFormats.Plain, $"Entropy of natural text; {source}.") with { Bounds = (1e-6, 100) };
        yield return WorkbookRow.Input("A", WorkbookNames.LawA, law.A, "nats/token", WorkbookFormats.Plain, "Scale of the parameter term A/N^alpha.") with { Bounds = (1e-6, 1e12) };
        yield return WorkbookRow.Input("B", WorkbookNames.LawB, law.B, "nats/token", WorkbookFormats.Plain, "Scale of the data term B/D^beta.") with { Bounds = (1e-6, 1e12) };
        yield return WorkbookRow.Input("alpha", WorkbookNames.LawAlpha, law.Alpha, "-", WorkbookFormats.Plain, "Exponent of the parameter term.") with { Bounds = (1e-3, 5) };
        yield return WorkbookRow.Input("beta", WorkbookNames.LawBeta, law.Beta, "-", WorkbookFormats.Plain, "Exponent of the data term.") with { Bounds = (1e-3, 5) };
    }
}
