using System.Globalization;
using System.Text.RegularExpressions;
using Scaling.Hardware;
using Scaling.Laws;
using Scaling.Reports.Workbooks;
using Scaling.Resources;

namespace Scaling.Tests.Reports.Workbooks;

/// <summary>
/// The default report's workbook printed by LibreOffice (a real client) with the page setup the workbook carries, on
/// Letter: every page's text at 9 pt or more, and every number read as on screen. On main, "one page wide" squeezed the
/// wide sheets to about 6 pt.
/// </summary>
public sealed partial class PlanWorkbookPrintTests : IClassFixture<PlanWorkbookPrintTests.Printed>
{
    // A word's box (pdftotext -bbox) is at least 1.2 times its font size in the sans fonts LibreOffice uses here
    // (DejaVu Sans 1.3, Carlito 1.22): 9 pt text is at least 10.8 pt tall.
    private const double NinePointWordHeight = 9 * 1.2;

    private readonly Printed printed;

    public PlanWorkbookPrintTests(Printed printed) => this.printed = printed;

    [Fact]
    public void EveryPrintedPage_ShowsItsTextAtNinePointsOrMore()
    {
        Assert.True(printed.Pages.Count >= 11, $"only {printed.Pages.Count} pages");
        var small = printed.Pages
            .Select((words, i) => (Page: i + 1, Smallest: words.Count == 0 ? double.MaxValue : words.Min(w => w.Height), Word: words.MinBy(w => w.Height).Text))
            .Where(p => p.Smallest < NinePointWordHeight)
            .ToList();
        Assert.True(small.Count == 0, string.Join("; ", small.Select(p => $"page {p.Page}: '{p.Word}' {p.Smallest:0.0} pt tall")));
    }

    [Fact]
    public void ArchitecturePage_PrintsBytesAndFlopsWithoutExponents()
    {
        // On main: "1.44e+11 bytes", "4.66e+11 FLOPs".
        var page = printed.Pages.Single(words => words.Any(w => w.Text == "Layers") && words.Any(w => w.Text == "Transformer"));
        string text = string.Join(" ", page.Select(w => w.Text));
        Assert.DoesNotMatch(@"\d\.\d+e\+1\d", text);
        Assert.Contains("GB", text, StringComparison.Ordinal);
    }

    /// <summary>The default report's workbook, printed once.</summary>
    public sealed partial class Printed
    {
        public Printed()
        {
            var h100 = new ResourceAssumptions(HardwareCatalog.Default.Get("H100-SXM"));
            byte[] xlsx = PlanWorkbook.ToBytes(PlanWorkbookContent.Create(LawPresets.Default, 5.76e23) with { AuditModels = Scaling.Audit.ModelRegistry.Published, Resources = h100 });
            byte[] pdf = LibreOfficeRecalculation.Print([xlsx])[0];
            string path = Path.Combine(Path.GetTempPath(), $"scaling-print-{Guid.NewGuid():N}.pdf");
            try
            {
                File.WriteAllBytes(path, pdf);
                var (code, output, error) = ExternalTool.Run(ExternalTool.Find("pdftotext", "poppler-utils"), ["-bbox", path, "-"]);
                Assert.True(code == 0, error);
                string html = System.Text.Encoding.UTF8.GetString(output);
                Pages = html.Split("<page ").Skip(1).Select(page => (IReadOnlyList<(string Text, double Height)>)Word().Matches(page)
                    .Select(m => (System.Net.WebUtility.HtmlDecode(m.Groups[3].Value), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) - double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)))
                    .ToList()).ToList();
            }
            finally
            {
                File.Delete(path);
            }
        }

        /// <summary>Each page's words with their box heights in points.</summary>
        public IReadOnlyList<IReadOnlyList<(string Text, double Height)>> Pages { get; }

        [GeneratedRegex(@"yMin=""([\d.]+)"" xMax=""[\d.]+"" yMax=""([\d.]+)"">([^<]+)<", RegexOptions.CultureInvariant)]
        private static partial Regex Word();
    }
}
