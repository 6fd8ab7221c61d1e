using SkiaSharp;

namespace Scaling.Tests.Cli.Commands.Report;

/// <summary>
/// <c>scaling report</c> on a machine without a single font: the figures carry their own (DejaVu Sans, embedded in
/// Scaling.Reports) and come out exactly as on a machine with fonts. Before, SkiaSharp found no typeface and the
/// report stopped with "error: Value cannot be null." (exit 2, as if the user's input were wrong).
/// </summary>
public sealed class ReportWithoutFontsTests : IDisposable
{
    // Where fontconfig and SkiaSharp look for fonts on Debian/Ubuntu; each is hidden behind an empty tmpfs.
    private const string HideFonts = """
        for d in /usr/share/fonts /usr/local/share/fonts; do [ -d "$d" ] && mount -t tmpfs tmpfs "$d"; done
        n=$(find /usr/share/fonts /usr/local/share/fonts -type f 2>/dev/null | wc -l)
        [ "$n" -eq 0 ] || { echo "still $n font files visible" >&2; exit 97; }
        exec "$@"
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("scaling-nofonts-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Report_WithNoFontsInstalled_RendersTheSameFiguresAsWithFonts()
    {
        string withFonts = Path.Combine(directory, "with-fonts");
        string withoutFonts = Path.Combine(directory, "without-fonts");
        var (code, _, error) = CliRunner.Run("report", "--out", withFonts, "--formats", "png,svg");
        Assert.True(code == 0, error);

        var result = RunWithoutFonts("report", "--out", withoutFonts, "--formats", "png,svg");
        Assert.True(result.ExitCode == 0, $"scaling report without fonts exited {result.ExitCode}: {result.Error}");

        string[] figures = Directory.GetFiles(withFonts, "*.png").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(6, figures.Length); // isoflop, loss landscape, budget view, law spread, sensitivity, audit map
        foreach (string figure in figures)
        {
            byte[] expected = File.ReadAllBytes(Path.Combine(withFonts, figure));
            byte[] actual = File.ReadAllBytes(Path.Combine(withoutFonts, figure));
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{figure} without fonts differs from {figure} with fonts.");
            Assert.True(DarkPixelsInTitleBand(actual) > 1000, $"{figure}: no title drawn in the top band.");
        }
    }

    private (int ExitCode, string Error) RunWithoutFonts(params string[] args)
    {
        string unshare = ExternalTool.Find("unshare", "util-linux");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        string cli = Path.Combine(AppContext.BaseDirectory, "Scaling.Cli.dll");
        string emptyConfig = Path.Combine(directory, "fonts.conf");
        File.WriteAllText(emptyConfig, "<?xml version=\"1.0\"?>\n<fontconfig></fontconfig>\n");
        // As root a mount namespace is enough; otherwise a user namespace maps us to root inside it.
        string[] namespaces = Environment.UserName == "root" ? ["--mount"] : ["--mount", "--map-root-user"];
        var environment = new Dictionary<string, string> { ["FONTCONFIG_FILE"] = emptyConfig, ["HOME"] = directory };
        var (exitCode, _, error) = ExternalTool.Run(unshare, [.. namespaces, "sh", "-c", HideFonts, "sh", dotnet, cli, .. args], environment: environment);
        return (exitCode, error);
    }

    // The title sits in the top 60 pixels of every figure; dark pixels there are its glyphs.
    private static int DarkPixelsInTitleBand(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        int dark = 0;
        for (int y = 0; y < 60; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                dark += pixel.Red + pixel.Green + pixel.Blue < 200 ? 1 : 0;
            }
        }

        return dark;
    }
}
