using SkiaSharp;

namespace Scaling.Tests.Reports.Figures;

/// <summary>
/// How far two renderings of one figure differ: both are blurred (Gaussian, σ = 2 px) so that anti-aliasing and
/// sub-pixel glyph placement do not count, then a pixel differs when any channel differs by more than a quarter of
/// its range. A shifted label, a clipped title or a superscript drawn as a subscript moves whole glyphs and survives
/// the blur; two renderers' edge smoothing does not.
/// </summary>
internal static class RasterComparison
{
    private const float BlurSigmaPixels = 2;
    private const int ChannelThreshold = 64;

    /// <summary>The share of pixels (0..1) that differ; the images must have the same size.</summary>
    public static double DifferingShare(byte[] png, byte[] otherPng)
    {
        using var first = Blurred(png);
        using var second = Blurred(otherPng);
        Assert.Equal((first.Width, first.Height), (second.Width, second.Height));
        ReadOnlySpan<byte> a = first.GetPixelSpan();
        ReadOnlySpan<byte> b = second.GetPixelSpan();
        long differing = 0;
        for (int i = 0; i < a.Length; i += 4)
        {
            // RGBA: alpha is opaque in both (white background), so only the colour channels count.
            if (Math.Abs(a[i] - b[i]) > ChannelThreshold || Math.Abs(a[i + 1] - b[i + 1]) > ChannelThreshold || Math.Abs(a[i + 2] - b[i + 2]) > ChannelThreshold)
            {
                differing++;
            }
        }

        return differing / (double)(first.Width * first.Height);
    }

    private static SKBitmap Blurred(byte[] png)
    {
        // Decoded alike whatever the file declares (Skia writes premultiplied RGBA, librsvg opaque RGB), since the blur
        // treats an opaque image's edges differently.
        using var codec = SKCodec.Create(new MemoryStream(png)) ?? throw new InvalidOperationException("not a PNG");
        using var source = SKBitmap.Decode(codec, codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul));
        var blurred = new SKBitmap(source.Width, source.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(blurred);
        canvas.Clear(SKColors.White);
        using var paint = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(BlurSigmaPixels, BlurSigmaPixels) };
        canvas.DrawBitmap(source, 0, 0, paint);
        return blurred;
    }
}
