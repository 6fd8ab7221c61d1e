using System.Globalization;
using ClosedXML.Excel;

namespace Scaling.Reports.Workbooks;

/// <summary>The look every sheet shares: bold frozen header, readable widths, one page wide when printed.</summary>
internal static class SheetLayout
{
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DCE6F1");
    private static readonly XLColor InputFill = XLColor.FromHtml("#FFF2CC");

    /// <summary>The width, in characters, of the note column that <see cref="Rows"/> writes.</summary>
    public const double NoteColumnWidth = 100;

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

    /// <summary>Landscape, one page wide, header row repeated on every page.</summary>
    public static void Print(IXLWorksheet sheet)
    {
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.SetRowsToRepeatAtTop(1, 1);
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
            sheet.Cell(row, 4).Value = item.Note;

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
            validation.ErrorMessage = Shorten(string.Create(CultureInfo.InvariantCulture, $"{item.Label} must lie between {bounds.Minimum:G3} and {bounds.Maximum:G3}."), 225);
        }
    }

    // Excel limits input titles to 32 characters and messages to 255.
    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
