using OxyPlot;

namespace Scaling.Reports.Figures;

/// <summary>
/// Turns a <see cref="PlotModel"/> into PNG, SVG or PDF bytes with OxyPlot.SkiaSharp. The model knows nothing of
/// files; this class knows nothing of what is plotted.
/// </summary>
public sealed record FigureExporter
{
    /// <summary>1600×1000 pixels (PNG) or points (SVG, PDF): readable on a screen and on an A4 page.</summary>
    public static FigureExporter Default { get; } = new(1600, 1000);

    private FigureExporter(int width, int height)
    {
        Width = width;
        Height = height;
    }

    /// <summary>The width in pixels (PNG) or points (SVG, PDF).</summary>
    public int Width { get; }

    /// <summary>The height in pixels (PNG) or points (SVG, PDF).</summary>
    public int Height { get; }

    /// <summary>An exporter of the given size; both between 100 and 10,000.</summary>
    public static FigureExporter Create(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 10_000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 10_000);
        return new FigureExporter(width, height);
    }

    /// <summary>The figure in <paramref name="format"/>, written to <paramref name="stream"/>.</summary>
    public void Export(PlotModel model, FigureFormat format, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        switch (format)
        {
            case FigureFormat.Png:
                new OxyPlot.SkiaSharp.PngExporter { Width = Width, Height = Height }.Export(model, stream);
                break;
            case FigureFormat.Svg:
                // OxyPlot's own SVG writer keeps text as <text> (60 KB, searchable); Skia's turns it into paths (1.7 MB).
                using (var measurer = new OxyPlot.SkiaSharp.SkiaRenderContext())
                {
                    new OxyPlot.SvgExporter { Width = Width, Height = Height, TextMeasurer = measurer }.Export(model, stream);
                }

                break;
            case FigureFormat.Pdf:
                new OxyPlot.SkiaSharp.PdfExporter { Width = Width, Height = Height }.Export(model, stream);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown figure format.");
        }
    }

    /// <summary>The figure in <paramref name="format"/> as bytes.</summary>
    public byte[] ToBytes(PlotModel model, FigureFormat format)
    {
        using var stream = new MemoryStream();
        Export(model, format, stream);
        return stream.ToArray();
    }

    /// <summary>The figure as an SVG string without its XML declaration, ready to inline in HTML (notebooks).</summary>
    public string ToInlineSvg(PlotModel model)
    {
        string svg = System.Text.Encoding.UTF8.GetString(ToBytes(model, FigureFormat.Svg));
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start < 0 ? svg : svg[start..];
    }
}
