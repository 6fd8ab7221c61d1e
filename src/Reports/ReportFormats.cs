using Scaling.Reports.Figures;

namespace Scaling.Reports;

/// <summary>Which files a report writes: figures as PNG, SVG and/or PDF, the Excel workbook, and the page <c>index.html</c>.</summary>
/// <param name="Figures">The figure formats.</param>
/// <param name="Workbook">Whether to write the .xlsx workbook.</param>
public sealed record ReportFormats(IReadOnlySet<FigureFormat> Figures, bool Workbook)
{
    /// <summary>Everything: PNG, SVG, PDF, XLSX and the HTML page.</summary>
    public static ReportFormats All { get; } = new(new HashSet<FigureFormat> { FigureFormat.Png, FigureFormat.Svg, FigureFormat.Pdf }, true) { Html = true };

    /// <summary>Whether to write <c>index.html</c>, the self-contained page that ties the report together.</summary>
    public bool Html { get; init; }

    /// <summary>Reads a comma-separated list such as <c>html,png,svg,pdf,xlsx</c> (case-insensitive).</summary>
    /// <exception cref="FormatException">An unknown or empty format.</exception>
    public static ReportFormats Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var figures = new HashSet<FigureFormat>();
        bool workbook = false;
        bool html = false;
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            switch (part.ToLowerInvariant())
            {
                case "png": figures.Add(FigureFormat.Png); break;
                case "svg": figures.Add(FigureFormat.Svg); break;
                case "pdf": figures.Add(FigureFormat.Pdf); break;
                case "xlsx": workbook = true; break;
                case "html": html = true; break;
                default: throw new FormatException($"--formats: unknown format '{part}'; use a comma-separated list of html, png, svg, pdf, xlsx.");
            }
        }

        if (figures.Count == 0 && !workbook && !html)
        {
            throw new FormatException("--formats: give at least one of html, png, svg, pdf, xlsx.");
        }

        return new ReportFormats(figures, workbook) { Html = html };
    }
}
