using System.Text;
using OxyPlot;
using Scaling.Reports.Figures;

namespace Scaling.Tests.Reports.Figures;

/// <summary>
/// Figures render alike everywhere: in librsvg as in our PNG export, and under any culture of the machine.
/// </summary>
public class FigureRenderingTests
{
    // Measured on the report's four figures: SVGs written with dominant-baseline (before) differed from the PNG in
    // 1.56–1.98% of pixels (title clipped, exponents as subscripts, legend a row off); with text on computed baselines,
    // in none (librsvg 2.54, DejaVu 2.37). 0.05% (800 of 1.6 million pixels) leaves room for another renderer build's
    // glyph rasterisation and still catches one displaced title or legend column.
    private const double MaximumDifferingShare = 0.0005;

    public static TheoryData<string> Figures => FigureTests.Figures;

    [Theory]
    [MemberData(nameof(Figures))]
    public void Svg_RendersInLibrsvgAsThePngExport(string name)
    {
        var model = FigureTests.Build(name);
        var exporter = FigureExporter.Default;
        byte[] png = exporter.ToBytes(model, FigureFormat.Png);
        byte[] svg = exporter.ToBytes(model, FigureFormat.Svg);
        string rsvg = ExternalTool.Find("rsvg-convert", "librsvg2-bin");
        var (exitCode, rendered, error) = ExternalTool.Run(rsvg, ["-w", $"{exporter.Width}", "-h", $"{exporter.Height}", "-b", "white", "-f", "png"], svg);
        Assert.True(exitCode == 0, $"rsvg-convert failed on {name}.svg: {error}");

        double share = RasterComparison.DifferingShare(png, rendered);
        Assert.True(share <= MaximumDifferingShare, $"{name}: librsvg's rendering of the SVG differs from the PNG in {share:P3} of pixels (at most {MaximumDifferingShare:P3}).");
    }

    [Theory]
    [MemberData(nameof(Figures))]
    public void Svg_PlacesEveryTextOnItsBaseline(string name)
    {
        string svg = Encoding.UTF8.GetString(FigureExporter.Default.ToBytes(FigureTests.Build(name), FigureFormat.Svg));
        Assert.Contains("<text", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("dominant-baseline", svg, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Figures))]
    public void Figure_IsTheSameUnderGermanAndTurkishCultures(string name)
    {
        var invariant = CultureScope.Run("", () => Render(name));
        foreach (string culture in new[] { "de-DE", "tr-TR" })
        {
            var foreign = CultureScope.Run(culture, () => Render(name));
            Assert.Equal(invariant.Svg, foreign.Svg);
            Assert.True(invariant.Png.AsSpan().SequenceEqual(foreign.Png), $"{name}: the PNG under {culture} differs from the invariant one.");
            Assert.True(invariant.Pdf.AsSpan().SequenceEqual(foreign.Pdf), $"{name}: the PDF under {culture} differs from the invariant one.");
        }
    }

    [Fact]
    public void TickLabels_UseADecimalPointUnderGerman()
    {
        var model = CultureScope.Run("de-DE", () => FigureTests.Build("isoflop"));
        string svg = CultureScope.Run("de-DE", () => Encoding.UTF8.GetString(FigureExporter.Default.ToBytes(model, FigureFormat.Svg)));
        Assert.Contains(">2.5<", svg, StringComparison.Ordinal);
        Assert.DoesNotContain(">2,5<", svg, StringComparison.Ordinal);
    }

    private static (string Svg, byte[] Png, byte[] Pdf) Render(string name)
    {
        PlotModel model = FigureTests.Build(name);
        var exporter = FigureExporter.Default;
        return (Encoding.UTF8.GetString(exporter.ToBytes(model, FigureFormat.Svg)), exporter.ToBytes(model, FigureFormat.Png), exporter.ToBytes(model, FigureFormat.Pdf));
    }
}
