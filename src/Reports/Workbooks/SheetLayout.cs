using System.Globalization;
using ClosedXML.Excel;
using Scaling.Text;

namespace Scaling.Reports.Workbooks;

/// <summary>The look every sheet shares: bold frozen header, readable widths, one page wide when printed.</summary>
internal static class SheetLayout
{
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DCE6F1");
    private static readonly XLColor InputFill = XLColor.FromHtml("#FFF2CC");

    /// <summary>The width, in characters, of the note column that <see cref="Rows"/> writes.</summary>
    public const double NoteColumnWidth = 56;

    /// <summary>
    /// The smallest print scale: the workbook's 11-pt text prints at 9 pt or more (11 × 0.83 = 9.1). At 100% on
    /// Letter, "one page wide" squeezed the wider sheets to about 6 pt.
    /// </summary>
    public const double MinimumPrintScale = 0.83;

    // Letter landscape less half-inch margins: 10 inches of 72 points.
    private const double PrintableWidthPoints = 720;

    // Points per unit of column width: the digit width of DejaVu Sans at 11 pt (0.636 em), the font LibreOffice falls
    // back to where Calibri and Carlito are missing and the widest a reader will meet; with Calibri a sheet prints larger.
    private const double PointsPerWidthUnit = 7.0;

    // ClosedXML writes each width with this padding added (40 → 40.71).
    private const double ColumnPadding = 0.71;

    // A line of proportional text holds about this many times the column's nominal width in characters (LibreOffice
    // fits ~1.25); lines break at words, which Lines() simulates — counting characters alone let long Audit sources
    // overprint the next row.
    private const double CharactersPerWidth = 1.15;
    private const double LineHeightPoints = 15;

    /// <summary>Writes a header row, freezes it and sets print setup (landscape, one page wide).</summary>
    public static void Header(IXLWorksheet sheet, params string[] titles)
    {
        for (int i = 0; i < titles.Length; i++)
        {
            sheet.Cell(1, i + 1).Value = titles[i];
        }

        var header = sheet.Range(1, 1, 1, titles.Length);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = HeaderFill;
        sheet.SheetView.FreezeRows(1);
        Print(sheet);
    }

    /// <summary>Landscape, header row repeated on every page (<see cref="PrintReadably"/> sets the scale and print area).</summary>
    public static void Print(IXLWorksheet sheet)
    {
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.SetRowsToRepeatAtTop(1, 1);
    }

    /// <summary>
    /// Sets every sheet's print area to what it holds (rows down to <paramref name="lastRows"/>' entry where charts
    /// reach below the cells) and its scale: one page wide when that keeps the text at 9 pt or more (scale ≥
    /// <see cref="MinimumPrintScale"/>), otherwise at that scale with the columns continuing on further pages and the
    /// first column repeated.
    /// </summary>
    public static void PrintReadably(XLWorkbook workbook, IReadOnlyDictionary<string, int> lastRows)
    {
        foreach (var sheet in workbook.Worksheets)
        {
            int lastColumn = sheet.LastColumnUsed()?.ColumnNumber() ?? 1;
            int lastRow = Math.Max(sheet.LastRowUsed()?.RowNumber() ?? 1, lastRows.GetValueOrDefault(sheet.Name));
            var setup = sheet.PageSetup;
            setup.PageOrientation = XLPageOrientation.Landscape;
            setup.PaperSize = XLPaperSize.LetterPaper;
            setup.Margins.Left = setup.Margins.Right = 0.5;
            setup.Margins.Top = setup.Margins.Bottom = 0.6;
            setup.PrintAreas.Clear();
            setup.PrintAreas.Add(1, 1, lastRow, lastColumn);
            double widthPoints = Enumerable.Range(1, lastColumn).Sum(c => (sheet.Column(c).Width + ColumnPadding) * PointsPerWidthUnit);
            if (PrintableWidthPoints / widthPoints >= MinimumPrintScale)
            {
                setup.FitToPages(1, 0);
            }
            else
            {
                setup.PagesWide = 0;
                setup.PagesTall = 0;
                setup.Scale = (int)Math.Ceiling(MinimumPrintScale * 100);
                setup.SetColumnsToRepeatAtLeft(1, 1);
            }
        }
    }

    /// <summary>
    /// Column widths in characters (AdjustToContents needs System.Drawing, which fails on Linux); header titles longer
    /// than their column wrap, and the header row gets the lines the longest needs.
    /// </summary>
    public static void Widths(IXLWorksheet sheet, params double[] widths)
    {
        int lines = 1;
        for (int i = 0; i < widths.Length; i++)
        {
            sheet.Column(i + 1).Width = widths[i];
            var title = sheet.Cell(1, i + 1);
            int needed = Lines(title.GetString(), widths[i]);
            if (needed > 1)
            {
                title.Style.Alignment.WrapText = true;
                title.Style.Alignment.Vertical = XLAlignmentVerticalValues.Bottom;
                lines = Math.Max(lines, needed);
            }
        }

        if (lines > 1)
        {
            sheet.Row(1).Height = lines * LineHeightPoints;
        }
    }

    /// <summary>The lines <paramref name="text"/> takes when wrapped at word boundaries into a column of <paramref name="width"/> characters.</summary>
    public static int Lines(string text, double width)
    {
        int lines = 1;
        double used = 0;
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            double length = word.Length + (used > 0 ? 1 : 0);
            if (used > 0 && used + length > width)
            {
                lines++;
                used = word.Length;
            }
            else
            {
                used += length;
            }
        }

        return lines;
    }

    /// <summary>
    /// Merges <paramref name="row"/>'s cells from <paramref name="firstColumn"/> to <paramref name="lastColumn"/>, wraps
    /// the text of the first and gives the row the lines it needs, so a long sentence stays inside the printed columns.
    /// </summary>
    public static void WrapAcross(IXLWorksheet sheet, int row, int firstColumn, int lastColumn)
    {
        var range = sheet.Range(row, firstColumn, row, lastColumn).Merge();
        range.Style.Alignment.WrapText = true;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        double width = Enumerable.Range(firstColumn, lastColumn - firstColumn + 1).Sum(c => sheet.Column(c).Width);
        int lines = Lines(sheet.Cell(row, firstColumn).GetString(), width * CharactersPerWidth);
        if (lines > 1)
        {
            sheet.Row(row).Height = lines * LineHeightPoints;
        }
    }

    /// <summary>
    /// Wraps long text in <paramref name="column"/> from <paramref name="firstRow"/> to <paramref name="lastRow"/> and
    /// gives each row the lines it needs, so long sources stay on the printed page. (ClosedXML cannot measure text on
    /// Linux, so the height comes from the length.)
    /// </summary>
    public static void Wrap(IXLWorksheet sheet, int column, int firstRow, int lastRow)
    {
        double charactersPerLine = sheet.Column(column).Width * CharactersPerWidth;
        for (int row = firstRow; row <= lastRow; row++)
        {
            var cell = sheet.Cell(row, column);
            cell.Style.Alignment.WrapText = true;
            sheet.Row(row).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            if (cell.HasFormula && cell.FormulaA1.Contains(CatalogSheet.SheetName + "!", StringComparison.Ordinal))
            {
                // A note that looks up the Catalog (written after Inputs) has its height from Rows, from the text it
                // shows at the report's inputs; evaluating it here would reach a sheet not yet written.
                continue;
            }

            int lines = Lines(Convert.ToString(cell.Value, CultureInfo.InvariantCulture) ?? string.Empty, charactersPerLine);
            if (lines > 1)
            {
                sheet.Row(row).Height = lines * LineHeightPoints;
            }
        }
    }

    /// <summary>
    /// Writes labelled rows from <paramref name="firstRow"/> on: label, named value or formula cell, unit, note.
    /// Input cells are shaded and carry data validation with an input message.
    /// </summary>
    public static int Rows(IXLWorksheet sheet, int firstRow, IEnumerable<WorkbookRow> rows)
    {
        int row = firstRow;
        foreach (var item in rows)
        {
            sheet.Cell(row, 1).Value = item.Label;
            var cell = sheet.Cell(row, 2);
            if (item.Formula is not null)
            {
                cell.FormulaA1 = item.Formula;
            }
            else
            {
                cell.Value = item.Value;
                cell.Style.Fill.BackgroundColor = InputFill;
                Validate(cell, item);
            }

            cell.Style.NumberFormat.Format = item.NumberFormat;
            sheet.Cell(row, 3).Value = item.Unit;
            if (item.NoteFormula is { } note)
            {
                sheet.Cell(row, 4).FormulaA1 = note;
                int lines = Lines(item.Note, NoteColumnWidth * CharactersPerWidth);
                sheet.Row(row).Height = Math.Max(1, lines) * LineHeightPoints;
            }
            else
            {
                sheet.Cell(row, 4).Value = item.Note;
            }

            sheet.Workbook.NamedRanges.Add(item.Name, sheet.Range(row, 2, row, 2));
            row++;
        }

        return row;
    }

    /// <summary>Adds a section title row in bold and returns the next row.</summary>
    public static int Section(IXLWorksheet sheet, int row, string title)
    {
        sheet.Cell(row, 1).Value = title;
        sheet.Cell(row, 1).Style.Font.Bold = true;
        return row + 1;
    }

    private static void Validate(IXLCell cell, WorkbookRow item)
    {
        var validation = cell.SetDataValidation();
        validation.InputTitle = Shorten(item.Label, 32);
        validation.InputMessage = Shorten($"{item.Note} ({item.Unit})", 255);
        if (item.ListRange is { } list)
        {
            validation.List(list, true);
            validation.ErrorStyle = XLErrorStyle.Stop;
            validation.ErrorTitle = "Not in the list";
            validation.ErrorMessage = Shorten($"Pick {item.Label} from the list (the Catalog sheet); add a row there for another.", 225);
        }
        else if (item.Bounds is { } bounds)
        {
            validation.Decimal.Between(bounds.Minimum, bounds.Maximum);
            validation.ErrorStyle = XLErrorStyle.Stop;
            validation.ErrorTitle = "Out of range";
            validation.ErrorMessage = Shorten(string.Create(CultureInfo.InvariantCulture, $"{item.Label} must lie between {NumberText.Value(bounds.Minimum)} and {NumberText.Value(bounds.Maximum)}."), 225);
        }
    }

    // Excel limits input titles to 32 characters and messages to 255.
    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
