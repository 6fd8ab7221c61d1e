using SkiaSharp;

namespace Scaling.Reports.Figures;

/// <summary>
/// DejaVu Sans, regular and bold, shipped inside this assembly (Figures/Fonts, with its license), so a figure reads
/// the same on every machine: glyphs, widths and hence every coordinate no longer depend on the fonts installed.
/// </summary>
internal static class EmbeddedFont
{
    /// <summary>OxyPlot weights from this one up (600, semi-bold) draw in the bold face; below, in the regular one.</summary>
    private const double BoldFromWeight = 600;

    private static readonly Lazy<SKTypeface> Regular = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> Bold = new(() => Load("DejaVuSans-Bold.ttf"));

    /// <summary>The face for an OxyPlot font weight (400 normal, 700 bold); the family asked for is not consulted.</summary>
    public static SKTypeface ForWeight(double fontWeight) => fontWeight >= BoldFromWeight ? Bold.Value : Regular.Value;

    private static SKTypeface Load(string fileName)
    {
        var assembly = typeof(EmbeddedFont).Assembly;
        string resource = $"{typeof(EmbeddedFont).Namespace}.Fonts.{fileName}";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The font resource '{resource}' is missing from {assembly.GetName().Name}; the build lost Figures/Fonts/{fileName}.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"SkiaSharp could not read the font resource '{resource}'.");
    }
}
