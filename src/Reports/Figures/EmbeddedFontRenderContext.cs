using OxyPlot;
using OxyPlot.SkiaSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Scaling.Reports.Figures;

/// <summary>
/// OxyPlot's SkiaSharp renderer with text drawn and measured in the embedded DejaVu Sans (<see cref="EmbeddedFont"/>).
/// OxyPlot.SkiaSharp 2.2.0 looks every font up by family name among the installed fonts (none found: an
/// <see cref="ArgumentNullException"/> from its shaper; another DejaVu build: other widths), and offers no hook to pass
/// a typeface; so this context forwards shapes to <see cref="SkiaRenderContext"/> and does text itself, placed as
/// OxyPlot does: the baseline lies <c>-ascent</c> below a top-aligned point, <c>descent</c> above a bottom-aligned one.
/// </summary>
internal sealed class EmbeddedFontRenderContext : IRenderContext, IDisposable
{
    private readonly SkiaRenderContext shapes;
    private readonly SKShaper regularShaper = new(EmbeddedFont.ForWeight(400));
    private readonly SKShaper boldShaper = new(EmbeddedFont.ForWeight(700));
    private readonly SKPaint textPaint = new() { IsAntialias = true, Style = SKPaintStyle.Fill };

    /// <summary>A context drawing on <paramref name="canvas"/>; 1 OxyPlot unit = <paramref name="dpiScale"/> canvas units.</summary>
    public EmbeddedFontRenderContext(SKCanvas? canvas, RenderTarget target, float dpiScale)
    {
        shapes = new SkiaRenderContext { SkCanvas = canvas, RenderTarget = target, DpiScale = dpiScale, UseTextShaping = true };
    }

    /// <summary>A context that only measures text (the SVG writer's text measurer), in OxyPlot units.</summary>
    public static EmbeddedFontRenderContext Measurer() => new(null, RenderTarget.VectorGraphic, 1);

    public bool RendersToScreen => shapes.RendersToScreen;

    public int ClipCount => shapes.ClipCount;

    /// <summary>The ascent (negative, up), descent (positive, down) and line height of the font at a size, in OxyPlot units.</summary>
    public (double Ascent, double Descent, double LineHeight) Metrics(double fontSize, double fontWeight)
    {
        var paint = Paint(fontSize, fontWeight);
        float lineHeight = paint.GetFontMetrics(out var metrics);
        float scale = shapes.DpiScale;
        return (metrics.Ascent / scale, metrics.Descent / scale, lineHeight / scale);
    }

    public void DrawText(ScreenPoint p, string text, OxyColor fill, string? fontFamily = null, double fontSize = 10, double fontWeight = 400, double rotation = 0, HorizontalAlignment horizontalAlignment = HorizontalAlignment.Left, VerticalAlignment verticalAlignment = VerticalAlignment.Top, OxySize? maxSize = null)
    {
        if (text is null || !fill.IsVisible())
        {
            return;
        }

        var canvas = shapes.SkCanvas;
        var paint = Paint(fontSize, fontWeight);
        paint.Color = new SKColor(fill.R, fill.G, fill.B, fill.A);
        var shaper = ShaperFor(fontWeight);
        string[] lines = StringHelper.SplitLines(text);
        float lineHeight = paint.GetFontMetrics(out var metrics);
        float y = FirstBaseline(verticalAlignment, metrics.Ascent, metrics.Descent, lineHeight, lines.Length);

        using var restore = new SKAutoCanvasRestore(canvas);
        canvas.Translate((float)p.X * shapes.DpiScale, (float)p.Y * shapes.DpiScale);
        canvas.RotateDegrees((float)rotation);
        foreach (string line in lines)
        {
            float width = shaper.Shape(line, paint).Width;
            float x = horizontalAlignment switch
            {
                HorizontalAlignment.Left => 0,
                HorizontalAlignment.Center => -width / 2,
                _ => -width,
            };
            canvas.DrawShapedText(shaper, line, x, y, paint);
            y += lineHeight;
        }
    }

    public OxySize MeasureText(string text, string? fontFamily = null, double fontSize = 10, double fontWeight = 500)
    {
        if (text is null)
        {
            return new OxySize(0, 0);
        }

        var paint = Paint(fontSize, fontWeight);
        var shaper = ShaperFor(fontWeight);
        string[] lines = StringHelper.SplitLines(text);
        float height = paint.GetFontMetrics(out _) * lines.Length;
        float width = lines.Max(line => shaper.Shape(line, paint).Width);
        return new OxySize(width / shapes.DpiScale, height / shapes.DpiScale);
    }

    /// <summary>
    /// Where the first line's baseline lies below the anchor point, in the units of the metrics; OxyPlot.SkiaSharp's
    /// rule, so a figure's text sits where the PNG export puts it, in every format.
    /// </summary>
    public static float FirstBaseline(VerticalAlignment alignment, float ascent, float descent, float lineHeight, int lineCount) => alignment switch
    {
        VerticalAlignment.Top => -ascent,
        VerticalAlignment.Middle => -(ascent + descent + lineHeight * (lineCount - 1)) / 2,
        _ => -descent - lineHeight * (lineCount - 1),
    };

    public void DrawEllipse(OxyRect extents, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode) =>
        shapes.DrawEllipse(extents, fill, stroke, thickness, edgeRenderingMode);

    public void DrawEllipses(IList<OxyRect> extents, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode) =>
        shapes.DrawEllipses(extents, fill, stroke, thickness, edgeRenderingMode);

    public void DrawLine(IList<ScreenPoint> points, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode, double[]? dashArray = null, LineJoin lineJoin = LineJoin.Miter) =>
        shapes.DrawLine(points, stroke, thickness, edgeRenderingMode, dashArray, lineJoin);

    public void DrawLineSegments(IList<ScreenPoint> points, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode, double[]? dashArray = null, LineJoin lineJoin = LineJoin.Miter) =>
        shapes.DrawLineSegments(points, stroke, thickness, edgeRenderingMode, dashArray, lineJoin);

    public void DrawPolygon(IList<ScreenPoint> points, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode, double[]? dashArray = null, LineJoin lineJoin = LineJoin.Miter) =>
        shapes.DrawPolygon(points, fill, stroke, thickness, edgeRenderingMode, dashArray, lineJoin);

    public void DrawPolygons(IList<IList<ScreenPoint>> polygons, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode, double[]? dashArray = null, LineJoin lineJoin = LineJoin.Miter) =>
        shapes.DrawPolygons(polygons, fill, stroke, thickness, edgeRenderingMode, dashArray, lineJoin);

    public void DrawRectangle(OxyRect rectangle, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode) =>
        shapes.DrawRectangle(rectangle, fill, stroke, thickness, edgeRenderingMode);

    public void DrawRectangles(IList<OxyRect> rectangles, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode) =>
        shapes.DrawRectangles(rectangles, fill, stroke, thickness, edgeRenderingMode);

    public void DrawImage(OxyImage source, double srcX, double srcY, double srcWidth, double srcHeight, double destX, double destY, double destWidth, double destHeight, double opacity, bool interpolate) =>
        shapes.DrawImage(source, srcX, srcY, srcWidth, srcHeight, destX, destY, destWidth, destHeight, opacity, interpolate);

    public void PushClip(OxyRect clippingRectangle) => shapes.PushClip(clippingRectangle);

    public void PopClip() => shapes.PopClip();

    public void SetToolTip(string text) => shapes.SetToolTip(text);

    public void CleanUp() => shapes.CleanUp();

    public void Dispose()
    {
        textPaint.Dispose();
        regularShaper.Dispose();
        boldShaper.Dispose();
        shapes.Dispose();
    }

    private SKShaper ShaperFor(double fontWeight) => ReferenceEquals(EmbeddedFont.ForWeight(fontWeight), regularShaper.Typeface) ? regularShaper : boldShaper;

    // As OxyPlot.SkiaSharp sets its text paint: hinting and subpixel positioning only on screen, so PNG and PDF
    // glyphs are the font's outlines at the exact size.
    private SKPaint Paint(double fontSize, double fontWeight)
    {
        textPaint.Typeface = EmbeddedFont.ForWeight(fontWeight);
        textPaint.TextSize = (float)fontSize * shapes.DpiScale;
        textPaint.HintingLevel = RendersToScreen ? SKPaintHinting.Full : SKPaintHinting.NoHinting;
        textPaint.SubpixelText = RendersToScreen;
        return textPaint;
    }
}
