using System.Text;
using OxyPlot;
using OxyPlot.SkiaSharp;
using SkiaSharp;

namespace Scaling.Reports.Figures;

/// <summary>
/// Turns a <see cref="PlotModel"/> into PNG, SVG or PDF bytes with OxyPlot.SkiaSharp. The model knows nothing of
/// files; this class knows nothing of what is plotted.
/// </summary>
public sealed record FigureExporter
{
    /// <summary>1600×1000 pixels (PNG) or points (SVG, PDF): readable on a screen and on an A4 page.</summary>
    public static FigureExporter Default { get; } = new(1600, 1000);

    /// <summary>The width of a PDF page in points: 8 inches, with the height in the figure's proportions (5 in for 1600×1000).</summary>
    public const float PdfPageWidthPoints = 576;

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

    /// <summary>
    /// The figure in <paramref name="format"/>, written to <paramref name="stream"/>. Text is drawn in the embedded
    /// DejaVu Sans whatever fonts the machine has, and placed on the same baselines in every format.
    /// </summary>
    public void Export(PlotModel model, FigureFormat format, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        switch (format)
        {
            case FigureFormat.Png:
                ExportPng(model, stream);
                break;
            case FigureFormat.Svg:
                ExportSvg(model, stream);
                break;
            case FigureFormat.Pdf:
                ExportPdf(model, stream);
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
        string svg = Encoding.UTF8.GetString(ToBytes(model, FigureFormat.Svg));
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start < 0 ? svg : svg[start..];
    }

    private void ExportPng(PlotModel model, Stream stream)
    {
        using var bitmap = new SKBitmap(Width, Height);
        using (var canvas = new SKCanvas(bitmap))
        using (var context = new EmbeddedFontRenderContext(canvas, RenderTarget.PixelGraphic, 1))
        {
            Render(model, context, canvas);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        data.SaveTo(stream);
    }

    // A print page 8 inches wide (576 pt at 72 pt/in) showing the PNG's layout scaled down, so fonts and lines keep
    // their proportions; a page as many points as the PNG has pixels would be 22 inches wide.
    private void ExportPdf(PlotModel model, Stream stream)
    {
        float scale = PdfPageWidthPoints / Width;
        using var document = SKDocument.CreatePdf(stream);
        using (var canvas = document.BeginPage(PdfPageWidthPoints, Height * scale))
        using (var context = new EmbeddedFontRenderContext(canvas, RenderTarget.VectorGraphic, scale))
        {
            Render(model, context, canvas);
        }

        document.EndPage();
        document.Close();
    }

    // OxyPlot's own SVG writer keeps text as <text> (60 KB, searchable); Skia's turns it into paths (1.7 MB).
    // Every <text> is written on its baseline; the writer's leftover dominant-baseline="baseline" (not an SVG 1.1 value
    // of that property) is dropped so each renderer uses the alphabetic baseline.
    private void ExportSvg(PlotModel model, Stream stream)
    {
        using var buffer = new MemoryStream();
        using (var font = EmbeddedFontRenderContext.Measurer())
        using (var context = new BaselineSvgRenderContext(buffer, Width, Height, font, model.Background))
        {
            ((IPlotModel)model).Update(true);
            ((IPlotModel)model).Render(context, new OxyRect(0, 0, Width, Height));
            context.Complete();
            context.Flush();
        }

        string svg = Encoding.UTF8.GetString(buffer.ToArray()).Replace(" dominant-baseline=\"baseline\"", string.Empty, StringComparison.Ordinal);
        stream.Write(Encoding.UTF8.GetBytes(svg));
    }

    private void Render(PlotModel model, EmbeddedFontRenderContext context, SKCanvas canvas, float scale = 1)
    {
        ((IPlotModel)model).Update(true);
        canvas.Clear(new SKColor(model.Background.R, model.Background.G, model.Background.B, model.Background.A));
        ((IPlotModel)model).Render(context, new OxyRect(0, 0, Width / scale, Height / scale));
    }
}
