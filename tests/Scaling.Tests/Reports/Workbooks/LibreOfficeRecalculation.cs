using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Scaling.Tests.Reports.Workbooks;

/// <summary>
/// Has LibreOffice (installed by <c>.ci/install-deps</c>) compute workbooks: the formula cells lose their cached values,
/// so LibreOffice must evaluate every formula itself, and the converted files carry its results.
/// </summary>
internal static class LibreOfficeRecalculation
{
    /// <summary>The workbooks after LibreOffice computed them, in the same order; one LibreOffice start for all.</summary>
    public static IReadOnlyList<byte[]> Recalculate(IReadOnlyList<byte[]> workbooks) => Convert(workbooks, "xlsx:Calc MS Excel 2007 XML", "xlsx");

    /// <summary>The workbooks printed to PDF by LibreOffice with their own page setup, in the same order.</summary>
    public static IReadOnlyList<byte[]> Print(IReadOnlyList<byte[]> workbooks) => Convert(workbooks, "pdf", "pdf");

    private static IReadOnlyList<byte[]> Convert(IReadOnlyList<byte[]> workbooks, string filter, string extension)
    {
        string soffice = Find() ?? throw new InvalidOperationException("LibreOffice (soffice) is not installed; run bash .ci/install-deps.");
        string directory = Directory.CreateTempSubdirectory("scaling-libreoffice-").FullName;
        try
        {
            var inputs = workbooks.Select((bytes, i) =>
            {
                string path = Path.Combine(directory, $"workbook{i}.xlsx");
                File.WriteAllBytes(path, bytes);
                return path;
            }).ToList();
            string output = Path.Combine(directory, "out");
            var start = new ProcessStartInfo(soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (string argument in new[] { "--headless", "--norestore", $"-env:UserInstallation=file://{directory}/profile", "--convert-to", filter, "--outdir", output }.Concat(inputs))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            string log = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            if (!process.WaitForExit(180_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("LibreOffice did not finish converting within 3 minutes: " + log);
            }

            return inputs.Select(input =>
            {
                string converted = Path.Combine(output, Path.ChangeExtension(Path.GetFileName(input), extension));
                return File.Exists(converted)
                    ? File.ReadAllBytes(converted)
                    : throw new InvalidOperationException($"LibreOffice wrote no {Path.GetFileName(converted)} (exit code {process.ExitCode}): {log}");
            }).ToList();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A copy of <paramref name="xlsx"/> with no cached formula values, after <paramref name="edit"/>.</summary>
    public static byte[] WithoutCachedValues(byte[] xlsx, Action<SpreadsheetDocument>? edit = null)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            foreach (var cell in document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>()).Where(c => c.CellFormula is not null))
            {
                cell.CellValue?.Remove();
            }

            edit?.Invoke(document);
        }

        return stream.ToArray();
    }

    /// <summary>Sets the input cell a defined name (such as <c>Budget_flops</c>) points to.</summary>
    public static void SetNamedInput(SpreadsheetDocument document, string name, double value)
    {
        var cell = NamedCell(document, name);
        cell.CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture));
        cell.DataType = null;
    }

    private static Cell NamedCell(SpreadsheetDocument document, string name)
    {
        var workbook = document.WorkbookPart!;
        string reference = workbook.Workbook.DefinedNames!.Elements<DefinedName>().Single(d => d.Name == name).Text;
        string[] parts = reference.Split('!');
        string sheetName = parts[0].Trim('\'');
        string cellReference = parts[1].Split(':')[0].Replace("$", "", StringComparison.Ordinal);
        var sheet = workbook.Workbook.Descendants<Sheet>().Single(s => s.Name == sheetName);
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Cell>().Single(c => c.CellReference == cellReference);
    }

    /// <summary>The row number of the cell a defined name points to.</summary>
    public static int Row(byte[] xlsx, string name)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        string reference = document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Single(d => d.Name == name).Text;
        return int.Parse(reference.Split('!')[1].Split(':')[0].Split('$')[^1], CultureInfo.InvariantCulture);
    }

    /// <summary>The value of the cell a defined name points to, from <see cref="FormulaValues"/>.</summary>
    public static double Named(byte[] xlsx, string name)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        string reference = document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Single(d => d.Name == name).Text;
        string[] parts = reference.Split('!');
        string cell = parts[1].Split(':')[0].Replace("$", "", StringComparison.Ordinal);
        string? text = FormulaValues(xlsx)[(parts[0].Trim('\''), cell)];
        return double.Parse(text ?? "NaN", CultureInfo.InvariantCulture);
    }

    /// <summary>Sets the text input cell a defined name (such as <c>Gpu_name</c>) points to.</summary>
    public static void SetNamedText(SpreadsheetDocument document, string name, string text)
    {
        var cell = NamedCell(document, name);
        cell.CellValue?.Remove();
        cell.DataType = CellValues.InlineString;
        cell.InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text));
    }

    /// <summary>Every formula cell's value as text, by (sheet, cell).</summary>
    public static IReadOnlyDictionary<(string Sheet, string Cell), string?> FormulaValues(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var values = new Dictionary<(string, string), string?>();
        foreach (var sheet in workbook.Workbook.Descendants<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            foreach (var cell in part.Worksheet.Descendants<Cell>().Where(c => c.CellFormula is not null))
            {
                string? text = cell.CellValue?.Text;
                if (cell.DataType?.Value == CellValues.SharedString && text is not null)
                {
                    text = shared[int.Parse(text, CultureInfo.InvariantCulture)];
                }

                values[(sheet.Name!.Value!, cell.CellReference!.Value!)] = text;
            }
        }

        return values;
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, "soffice"))
            .FirstOrDefault(File.Exists);
}
