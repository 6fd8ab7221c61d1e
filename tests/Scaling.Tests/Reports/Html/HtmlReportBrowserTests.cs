using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Scaling.Allocation;
using Scaling.Audit;
using Scaling.Fitting.Approach3;
using Scaling.Fitting.Runs;
using Scaling.Hardware;
using Scaling.Laws;
using Scaling.Resources;
using SkiaSharp;

namespace Scaling.Tests.Reports.Html;

/// <summary>
/// The report's <c>index.html</c> as a reader gets it: the default <c>scaling report</c> opened from disk in the system
/// Chromium. Numbers are checked against the library computing the plan on its own, not against the page's code.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class HtmlReportBrowserTests(Browser browser, ReportPages reports)
{
    // The default report: Gopher's budget (Hoffmann et al. 2022, Table 3) under the default law on H100-SXM.
    private const double DefaultFlops = 5.76e23;

    [Fact]
    public async Task Page_LoadsWithoutConsoleErrorsOrRequestsBeyondTheFile()
    {
        foreach (string path in new[] { reports.DefaultPage, reports.FitPage })
        {
            var page = await browser.Chromium.NewPageAsync();
            var problems = new List<string>();
            var requests = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning")
                {
                    problems.Add($"console {message.Type}: {message.Text}");
                }
            };
            page.PageError += (_, error) => problems.Add("page error: " + error);
            page.Request += (_, request) => requests.Add(request.Url);
            string url = new Uri(path).AbsoluteUri;
            await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

            Assert.Empty(problems);
            Assert.Contains(url, requests);
            Assert.DoesNotContain(requests, r => r != url && !r.StartsWith("data:", StringComparison.Ordinal));
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task Figures_RenderWithABoxVisibleTextAndInk()
    {
        var page = await Open(reports.DefaultPage, 1280);
        // Every figure the report wrote is on the page.
        var written = Directory.GetFiles(reports.DefaultDirectory, "*.svg").Select(f => "figure-" + Path.GetFileNameWithoutExtension(f)).Order().ToList();
        Assert.Superset(new HashSet<string> { "figure-isoflop", "figure-loss-landscape", "figure-budget-view", "figure-audit-map" }, written.ToHashSet());
        var figures = page.Locator("figure");
        Assert.Equal(written, (await figures.EvaluateAllAsync<string[]>("fs => fs.map(f => f.id)")).Order());
        for (int i = 0; i < await figures.CountAsync(); i++)
        {
            var figure = figures.Nth(i);
            string id = await figure.GetAttributeAsync("id") ?? string.Empty;
            var box = await figure.Locator("svg.wide").BoundingBoxAsync();
            Assert.True(box is { Width: > 600, Height: > 350 }, $"{id}: the SVG's box is {box?.Width}×{box?.Height}");

            // Text that the browser laid out with a real width (labels, legend, title), and the title among it.
            var texts = await figure.Locator("svg.wide text").EvaluateAllAsync<string[]>(
                "ts => ts.filter(t => t.getBBox().width > 1 && t.textContent.trim().length > 0).map(t => t.textContent.trim())");
            string title = await figure.Locator(".figure-title").InnerTextAsync();
            Assert.True(texts.Length >= 10, $"{id}: only {texts.Length} visible text elements");
            Assert.True(title.Length > 0 && string.Join(" ", texts).Contains(title, StringComparison.Ordinal), $"{id}: the title '{title}' is not drawn in the figure");
            string caption = await figure.Locator("figcaption").InnerTextAsync();
            Assert.True(caption.Length > title.Length + 40, $"{id}: the caption '{caption}' states no takeaway");

            // Ink: the rendered figure is not blank.
            using var bitmap = SKBitmap.Decode(await figure.Locator("svg.wide").ScreenshotAsync());
            Assert.True(InkFraction(bitmap) > 0.02, $"{id}: {InkFraction(bitmap):P1} of the pixels are not white");
        }

        await page.CloseAsync();
    }

    [Fact]
    public async Task KeyNumbers_EqualTheLibrarysPlan()
    {
        var page = await Open(reports.DefaultPage, 1280);
        var shown = await Numbers(page);
        var optimum = LawPresets.Default.Frontier().Optimum(DefaultFlops);
        var resources = BudgetPlan.For(optimum, new ResourceAssumptions(HardwareCatalog.Default.Get("H100-SXM"))).Resources;
        var expected = new Dictionary<string, double>
        {
            ["flops"] = DefaultFlops,
            ["parameters"] = optimum.Parameters,
            ["tokens"] = optimum.Tokens,
            ["tokensPerParameter"] = optimum.TokensPerParameter,
            ["loss"] = optimum.Loss,
            ["gpus"] = resources.Gpus,
            ["days"] = resources.Days,
            ["costEuros"] = resources.CostEuros,
            ["energyKilowattHours"] = resources.KilowattHours!.Value,
            ["co2Tonnes"] = resources.Co2Tonnes!.Value,
            ["gpuHours"] = resources.GpuHours,
            ["waterLitres"] = resources.Water!.Total,
            ["waterOnSiteLitres"] = resources.Water.OnSite,
            ["waterOffSiteLitres"] = resources.Water.OffSite,
            ["embodiedCo2Tonnes"] = resources.EmbodiedCo2Tonnes,
            ["exponentA"] = ComputeOptimalFrontier.Create(LawPresets.Default.LossLaw).ExponentA,
        };
        foreach (var law in LawPresets.All)
        {
            expected[$"law-{law.Name}-parameters"] = law.Allocator().Optimum(DefaultFlops).Parameters;
            expected[$"law-{law.Name}-tokens"] = law.Allocator().Optimum(DefaultFlops).Tokens;
        }

        foreach (double tolerance in new[] { 0.005, 0.01 })
        {
            var range = NearOptimalRange.Create(LawPresets.Default.Frontier(), DefaultFlops, tolerance);
            string key = tolerance.ToString("R", CultureInfo.InvariantCulture);
            expected[$"range-{key}-lowerParameters"] = range.LowerParameters;
            expected[$"range-{key}-upperParameters"] = range.UpperParameters;
        }

        foreach (var (key, value) in expected)
        {
            Assert.True(shown.ContainsKey(key), $"the page shows no '{key}'");
            Assert.True(Math.Abs(shown[key].Value - value) <= Math.Abs(value) * 1e-12, $"{key}: page {shown[key].Value}, library {value}");
            Assert.True(DisplayedNumber.Agrees(shown[key].Text, value, out string detail), $"{key}: {detail}");
        }

        await page.CloseAsync();
    }

    [Fact]
    public async Task EveryNumberShown_ReadsAsItsValue()
    {
        foreach (string path in new[] { reports.DefaultPage, reports.FitPage })
        {
            var page = await Open(path, 1280);
            var entries = await page.Locator("data[data-key]").EvaluateAllAsync<string[][]>("ds => ds.map(d => [d.dataset.key, d.value, d.textContent])");
            Assert.True(entries.Length > 50, $"only {entries.Length} numbers");
            foreach (var entry in entries)
            {
                double value = double.Parse(entry[1], CultureInfo.InvariantCulture);
                Assert.True(DisplayedNumber.Agrees(entry[2], value, out string detail), $"{entry[0]}: {detail}");
            }

            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task AuditTable_ShowsTheLibrarysVerdictForEveryModel()
    {
        var page = await Open(reports.DefaultPage, 1280);
        var auditor = ModelAuditor.Create(LawPresets.Default);
        var rows = await page.Locator("#audit-table tbody tr").EvaluateAllAsync<string[][]>(
            "rs => rs.map(r => [r.dataset.model, r.querySelector('[data-verdict]').dataset.verdict, r.querySelector('[data-key=tokensPerParameter]').value])");
        Assert.Equal(ModelRegistry.Published.Select(m => m.Name), rows.Select(r => r[0]));
        foreach (var row in rows)
        {
            var audit = auditor.Audit(ModelRegistry.Published.Single(m => m.Name == row[0]));
            Assert.Equal(audit.Verdict.ToText(), row[1]);
            Assert.Equal(audit.TokensPerParameter, double.Parse(row[2], CultureInfo.InvariantCulture), audit.TokensPerParameter * 1e-12);
        }

        await page.CloseAsync();
    }

    [Theory]
    [InlineData("verdict")]
    [InlineData("parameters")]
    [InlineData("tokensPerParameter")]
    public async Task AuditTable_SortsByAColumnBothWays(string column)
    {
        var page = await Open(reports.DefaultPage, 1280);
        var header = page.Locator($"#audit-table th[data-column={column}]");
        int index = await header.EvaluateAsync<int>("h => h.cellIndex");
        string read = $"rs => rs.map(r => Number(r.cells[{index}].dataset.sort))";

        await header.Locator("button").ClickAsync();
        var ascending = await page.Locator("#audit-table tbody tr").EvaluateAllAsync<double[]>(read);
        Assert.Equal("ascending", await header.GetAttributeAsync("aria-sort"));
        Assert.Equal(ascending.Order(), ascending);
        Assert.True(ascending[0] < ascending[^1], $"{column}: every row has the same key");

        await header.Locator("button").ClickAsync();
        var descending = await page.Locator("#audit-table tbody tr").EvaluateAllAsync<double[]>(read);
        Assert.Equal("descending", await header.GetAttributeAsync("aria-sort"));
        Assert.Equal(descending.OrderDescending(), descending);
        await page.CloseAsync();
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task Page_HasNoHorizontalOverflow(int width)
    {
        foreach (string path in new[] { reports.DefaultPage, reports.FitPage })
        {
            var page = await Open(path, width);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            var (scroll, client) = (widths[0], widths[1]);
            Assert.True(scroll <= client, $"{Path.GetFileName(Path.GetDirectoryName(path))} at {width} px: the page is {scroll} px wide in a {client} px window");

            // Every figure fits the window; wide tables scroll inside their own box instead of the page.
            var widest = await page.Locator("figure svg, .table-scroll").EvaluateAllAsync<double[]>("es => es.map(e => e.getBoundingClientRect().right)");
            Assert.All(widest, right => Assert.True(right <= client + 0.5, $"an element ends at {right} px of {client}"));
            await page.CloseAsync();
        }
    }

    [Theory]
    [InlineData("A4")]
    [InlineData("Letter")]
    public async Task PrintToPdf_KeepsEveryFigureWholeOnOnePage(string paper)
    {
        var page = await Open(reports.DefaultPage, 1280);
        var titles = await page.Locator("figure .figure-title").AllInnerTextsAsync();
        string pdf = Path.Combine(reports.DefaultDirectory, $"print-{paper}.pdf");
        await page.PdfAsync(new PagePdfOptions { Path = pdf, Format = paper, PrintBackground = true });

        int pages = PageCount(pdf);
        Assert.InRange(pages, 3, 40);
        var pageTexts = Enumerable.Range(1, pages).Select(p => Normalize(PdfText(pdf, p))).ToList();
        foreach (string title in titles)
        {
            // A figure's title is drawn at the top of its SVG and repeated in its caption below it: both on one page,
            // and on no other, means the figure was not cut by a page break.
            string wanted = Normalize(title);
            var onPages = pageTexts.Select((text, i) => (Count: Regex.Count(text, Regex.Escape(wanted)), Page: i + 1)).Where(p => p.Count > 0).ToList();
            Assert.True(onPages.Count == 1 && onPages[0].Count == 2, $"{paper}: '{title}' appears on pages {string.Join(", ", onPages.Select(p => $"{p.Page} ({p.Count}×)"))}");
        }

        await page.CloseAsync();
    }

    [Fact]
    public async Task PhoneFigures_DrawEveryTextAtNinePixelsOrMore()
    {
        // On main the inline figures were the desktop SVGs scaled to the phone: text 2-3 px high.
        foreach (string path in new[] { reports.DefaultPage, reports.FitPage })
        {
            var page = await Open(path, 390);
            var figures = JsonDocument.Parse(await page.Locator("figure").EvaluateAllAsync<string>(
                @"fs => JSON.stringify(fs.map(f => {
                    const shown = Array.from(f.querySelectorAll('svg')).filter(s => s.getBoundingClientRect().width > 0);
                    const sizes = shown.flatMap(s => Array.from(s.querySelectorAll('text'))
                        .filter(t => t.textContent.trim().length > 0 && t.getBBox().width > 0)
                        .map(t => { const m = t.getScreenCTM(); return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b); }));
                    return { id: f.id, shown: shown.length, smallest: Math.min(...sizes), count: sizes.length };
                }))")).RootElement.EnumerateArray().ToArray();
            Assert.True(figures.Length >= 4, $"only {figures.Length} figures");
            foreach (var figure in figures)
            {
                string id = figure.GetProperty("id").GetString()!;
                Assert.Equal(1, figure.GetProperty("shown").GetInt32());
                Assert.True(figure.GetProperty("count").GetInt32() >= 5, $"{id}: only {figure.GetProperty("count")} texts");
                double smallest = figure.GetProperty("smallest").GetDouble();
                Assert.True(smallest >= 9, $"{id}: the smallest text is {smallest:0.0} px on a 390-px screen");
            }

            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task WideTables_SayTheyScrollOnAPhoneAndNotOnADesktop()
    {
        foreach (int width in new[] { 390, 1280 })
        {
            var page = await Open(reports.DefaultPage, width);
            var boxes = JsonDocument.Parse(await page.Locator(".table-scroll").EvaluateAllAsync<string>(
                "bs => JSON.stringify(bs.map(b => ({ overflows: b.scrollWidth > b.clientWidth + 1, hint: b.querySelector('.scroll-hint').getBoundingClientRect().height > 0 })))"))
                .RootElement.EnumerateArray().ToArray();
            Assert.All(boxes, b => Assert.Equal(b.GetProperty("overflows").GetBoolean(), b.GetProperty("hint").GetBoolean()));
            Assert.Equal(width == 390, boxes.Any(b => b.GetProperty("overflows").GetBoolean()));
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task PrintedAuditTable_RepeatsItsWholeHeaderOnEveryPage()
    {
        // On main the header Chromium repeats on the table's second printed page was blank but for "Source": it does
        // not paint the sort buttons there.
        var page = await Open(reports.DefaultPage, 1280);
        string pdf = Path.Combine(reports.DefaultDirectory, "print-audit-Letter.pdf");
        await page.PdfAsync(new PagePdfOptions { Path = pdf, Format = "Letter", PrintBackground = true });
        var tablePages = Enumerable.Range(1, PageCount(pdf)).Select(p => PdfText(pdf, p))
            .Where(text => Regex.IsMatch(text, @"\b20\d\d\s+(undertrained|near-optimal|overtrained)\s"))
            .ToList();
        Assert.True(tablePages.Count >= 2, $"the audit table spans {tablePages.Count} page(s)");
        Assert.All(tablePages, text =>
        {
            foreach (string header in new[] { "Model", "Year", "Verdict", "Parameters", "Wasted" })
            {
                Assert.Contains(header, text, StringComparison.Ordinal);
            }
        });
        await page.CloseAsync();
    }

    [Fact]
    public async Task Verdicts_WearTheAuditMapsColours()
    {
        // On main "overtrained" was blue on the map and in the workbook, purple on the page.
        var page = await Open(reports.DefaultPage, 1280);
        foreach (var verdict in Enum.GetValues<AuditVerdict>())
        {
            string colour = await page.Locator($".verdict-{verdict.ToText()}").First.EvaluateAsync<string>("e => getComputedStyle(e).color");
            var expected = Scaling.Reports.Figures.AuditMapFigure.VerdictColor(verdict);
            Assert.Equal($"rgb({expected.R}, {expected.G}, {expected.B})", colour);
        }

        await page.CloseAsync();
    }

    [Fact]
    public async Task KeyNumbers_AreAPlanPeopleRun()
    {
        // On main: 17 GPUs for 991 days. Now the default 90-day schedule on whole 8-GPU nodes, stated beside them.
        var page = await Open(reports.DefaultPage, 1280);
        var shown = await Numbers(page);
        Assert.InRange(shown["days"].Value, 1, ResourceAssumptions.DefaultScheduleDays);
        Assert.Equal(0, shown["gpus"].Value % ResourceAssumptions.DefaultGpusPerNode);
        Assert.Contains("the fewest whole 8-GPU nodes that finish within the default 90-day schedule", await page.Locator("#key-basis").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#long-plan").CountAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task FitSection_ShowsTheFitWithIntervalsAndDiagnostics()
    {
        var page = await Open(reports.FitPage, 1280);
        var shown = await Numbers(page);
        var fit = ParametricFit.Fit(RunsCsv.Parse(File.ReadAllText(RepositoryFiles.Path("data/benchmarks/synthetic-runs.csv")), "synthetic-runs.csv"));
        foreach (var (key, value) in new[] { ("E", fit.Law.E), ("A", fit.Law.A), ("B", fit.Law.B), ("alpha", fit.Law.Alpha), ("beta", fit.Law.Beta), ("exponentA", fit.ExponentA) })
        {
            Assert.Equal(value, shown[$"fit-{key}"].Value, Math.Abs(value) * 1e-9);
            Assert.InRange(value, shown[$"fit-{key}-lower"].Value, shown[$"fit-{key}-upper"].Value);
        }

        // Without --law the plan uses the fit: N* from its calibrated forecast (issue 23), the law's own optimum beside it.
        var runs = RunsCsv.Parse(File.ReadAllText(RepositoryFiles.Path("data/benchmarks/synthetic-runs.csv")), "synthetic-runs.csv");
        Assert.Equal(Scaling.Fitting.Extrapolation.Extrapolator.Fit(runs).At(DefaultFlops).Parameters, shown["parameters"].Value, shown["parameters"].Value * 1e-9);
        Assert.Equal(ComputeOptimalFrontier.Create(fit.Law).Optimum(DefaultFlops).Parameters, shown["law-optimum-parameters"].Value, shown["law-optimum-parameters"].Value * 1e-9);
        Assert.Contains(fit.Converged ? "Converged" : "Not converged", await page.Locator("#fit-diagnostics").InnerTextAsync(), StringComparison.Ordinal);
        // The fit section draws ReportBuilder's five fit figures (observed vs predicted, residuals against compute and
        // against size, the bootstrap distribution of a, and the runs' own back-test of N*), each as an inline SVG.
        string[] expected = ["figure-fit-backtest", "figure-fit-exponent-a", "figure-fit-observed-predicted", "figure-fit-residuals", "figure-fit-residuals-size"];
        var ids = await page.Locator("#fit figure").EvaluateAllAsync<string[]>("es => es.map(e => e.id)");
        Assert.Equal(expected, ids.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(expected.Length, await page.Locator("#fit figure svg.wide").CountAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task Sources_EachHaveALinkAndEveryCitationResolves()
    {
        var page = await Open(reports.DefaultPage, 1280);
        var sources = page.Locator("ol.sources li");
        int count = await sources.CountAsync();
        Assert.True(count >= 10, $"only {count} sources");
        for (int i = 0; i < count; i++)
        {
            var links = await sources.Nth(i).Locator("a").EvaluateAllAsync<string[]>("as => as.map(a => a.href)");
            Assert.True(links.Length > 0 && links.All(l => l.StartsWith("https://", StringComparison.Ordinal)), $"source {i + 1} has links [{string.Join(", ", links)}]");
        }

        var citations = await page.Locator("a.cite").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        Assert.All(citations, href => Assert.Matches(@"^#source-\d+$", href));
        Assert.All(citations.Distinct(), href => Assert.Equal(1, sources.Page.Locator(href).CountAsync().Result));
        await page.CloseAsync();
    }

    private async Task<IPage> Open(string path, int width)
    {
        var page = await browser.Chromium.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        return page;
    }

    private static async Task<Dictionary<string, (double Value, string Text)>> Numbers(IPage page)
    {
        var entries = await page.Locator("data[data-key]").EvaluateAllAsync<string[][]>("ds => ds.map(d => [d.dataset.key, d.value, d.textContent])");
        var numbers = new Dictionary<string, (double, string)>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            numbers.TryAdd(entry[0], (double.Parse(entry[1], CultureInfo.InvariantCulture), entry[2]));
        }

        return numbers;
    }

    private static double InkFraction(SKBitmap bitmap)
    {
        long ink = 0;
        for (int y = 0; y < bitmap.Height; y += 2)
        {
            for (int x = 0; x < bitmap.Width; x += 2)
            {
                var pixel = bitmap.GetPixel(x, y);
                ink += pixel.Red + pixel.Green + pixel.Blue < 3 * 235 ? 1 : 0;
            }
        }

        return ink / (bitmap.Width / 2.0 * (bitmap.Height / 2.0));
    }

    private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    private static int PageCount(string pdf)
    {
        string info = Poppler("pdfinfo", pdf);
        return int.Parse(Regex.Match(info, @"Pages:\s+(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static string PdfText(string pdf, int page) => Poppler("pdftotext", "-f", page.ToString(CultureInfo.InvariantCulture), "-l", page.ToString(CultureInfo.InvariantCulture), "-layout", pdf, "-");

    private static string Poppler(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start; install poppler-utils (bash .ci/install-deps).");
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {process.StandardError.ReadToEnd()}");
        return output;
    }
}
