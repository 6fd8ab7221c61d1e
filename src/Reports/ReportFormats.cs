using Scaling.Reports.Figures;

namespace Scaling.Reports;

/// <summary>Which files a report writes: figures as PNG, SVG and/or PDF, and the Excel workbook.</summary>
/// <param name="Figures">The figure formats.</param>
/// <param name="Workbook">Whether to write the .xlsx workbook.</param>
public sealed record ReportFormats(IReadOnlySet<FigureFormat> Figures, bool Workbook)
{
    /// <summary>Everything: PNG, SVG, PDF and XLSX.</summary>
    public static ReportFormats All { get; } = new(new HashSet<FigureFormat> { FigureFormat.Png, FigureFormat.Svg, FigureFormat.Pdf }, true);

    /// <summary>Reads a comma-separated list such as <c>png,svg,pdf,xlsx</c> (case-insensitive).</summary>
    /// <exception cref="FormatException">An unknown or empty format.</exception>
    public static ReportFormats Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var figures = new HashSet<FigureFormat>();
        bool workbook = false;
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            switch (part.ToLowerInvariant())
            {
                case "png": figures.Add(FigureFormat.Png); break;
                case "svg": figures.Add(FigureFormat.Svg); break;
                case "pdf": figures.Add(FigureFormat.Pdf); break;
                case "xlsx": workbook = true; break;
                default: throw new FormatException($"--formats: unknown format '{part}'; use a comma-separated list of png, svg, pdf, xlsx.");
            }
        }

        if (figures.Count == 0 && !workbook)
        {
            throw new FormatException("--formats: give at least one of png, svg, pdf, xlsx.");
        }

        return new ReportFormats(figures, workbook);
    }
}
