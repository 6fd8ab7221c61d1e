using OxyPlot;

namespace Scaling.Reports.Figures;

/// <summary>
/// OxyPlot's SVG writer with every line of text placed on its alphabetic baseline, computed from the embedded font's
/// metrics exactly as the PNG and PDF exports place it. OxyPlot writes top- and middle-aligned text with
/// <c>dominant-baseline="hanging"</c>/<c>"middle"</c>, which librsvg (GNOME, Wikipedia's thumbnails) ignores: exponents
/// dropped to subscripts, the title was clipped and legend labels sat a row below their swatches.
/// </summary>
internal sealed class BaselineSvgRenderContext(Stream stream, double width, double height, EmbeddedFontRenderContext font, OxyColor background)
    : SvgRenderContext(stream, width, height, true, font, background)
{
    public override void DrawText(ScreenPoint p, string text, OxyColor c, string fontFamily, double fontSize, double fontWeight, double rotate, HorizontalAlignment halign, VerticalAlignment valign, OxySize? maxSize)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        string[] lines = StringHelper.SplitLines(text);
        var (ascent, descent, lineHeight) = font.Metrics(fontSize, fontWeight);
        double baseline = EmbeddedFontRenderContext.FirstBaseline(valign, (float)ascent, (float)descent, (float)lineHeight, lines.Length);
        double radians = rotate * Math.PI / 180;
        var down = new ScreenVector(-Math.Sin(radians), Math.Cos(radians));
        foreach (string line in lines)
        {
            // One line, bottom-aligned: OxyPlot writes it at the point given, with no baseline shift.
            base.DrawText(p + (down * baseline), line, c, fontFamily, fontSize, fontWeight, rotate, halign, VerticalAlignment.Bottom, maxSize);
            baseline += lineHeight;
        }
    }
}
