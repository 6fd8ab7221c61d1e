using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Scaling.Laws;
using Scaling.Reports;
using Scaling.Reports.Html;

namespace Scaling.Tests.Reports.Html;

/// <summary>The page as text: encoded, culture-proof, self-contained, with figures that can share one document.</summary>
public sealed partial class HtmlReportTests
{
    private static readonly ReportRequest PageOnly = ReportRequest.Create(LawPresets.Default, 5.76e23) with
    {
        Formats = ReportFormats.Parse("html"),
        Resources = new Scaling.Resources.ResourceAssumptions(Scaling.Hardware.HardwareCatalog.Default.Get("H100-SXM")),
    };

    private static readonly Lazy<string> Page = new(() => Encoding.UTF8.GetString(ReportBuilder.Build(PageOnly).Single().Bytes));

    [Fact]
    public void Build_PageOnly_WritesIndexHtml()
    {
        var files = ReportBuilder.Build(PageOnly);
        Assert.Equal([HtmlReport.FileName], files.Select(f => f.FileName));
        Assert.StartsWith("<!DOCTYPE html>", Page.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_WithAnAccelerator_ShowsTheParallelLayoutAndItsMemoryPerGpu()
    {
        // The row repeats what 'scaling plan --gpu H100-SXM --layout auto' proposes for the plan's shape.
        var optimum = Scaling.Allocation.ComputeOptimalFrontier.Create(LawPresets.Default.LossLaw).Optimum(5.76e23);
        var layout = ReportLayout.For(optimum.Parameters, Scaling.Resources.ResourcePlan.Create(optimum.Flops, optimum.Parameters, PageOnly.Resources!));
        Assert.NotNull(layout?.Choice);
        Assert.Contains("Parallel layout", Page.Value, StringComparison.Ordinal);
        Assert.Contains(layout!.Choice!.Layout.ToString(), Page.Value, StringComparison.Ordinal);
        Assert.Contains("data-key=\"layoutMemoryPerGpuBytes\"", Page.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EncodesTheTextItShows()
    {
        var law = ScalingLaw.Parametric("<script>alert(1)</script>", LawPresets.Default.LossLaw, "a \"quoted\" & <b>bold</b> source", "x");
        string page = HtmlReport.Render(new HtmlReportContent { Request = ReportRequest.Create(law, 1e22) });
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("&quot;quoted&quot; &amp; &lt;b&gt;bold", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IsTheSameUnderAGermanCulture()
    {
        var request = ReportRequest.Create(LawPresets.Default, 5.76e23) with { Resources = PageOnly.Resources };
        string invariant = HtmlReport.Render(new HtmlReportContent { Request = request });
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(invariant, HtmlReport.Render(new HtmlReportContent { Request = request }));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Figures_IdsAreUniqueAndEveryReferenceResolvesInThePage()
    {
        var ids = IdAttribute().Matches(Page.Value).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        var references = LocalReference().Matches(Page.Value).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).Distinct().ToList();
        Assert.NotEmpty(references);
        Assert.All(references, reference => Assert.Contains(reference, ids));
    }

    [Fact]
    public void Page_LoadsNothingFromElsewhere()
    {
        Assert.Contains("http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';", System.Net.WebUtility.HtmlDecode(Page.Value), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"<(link|iframe|img|object|embed)\b", Page.Value);
        Assert.DoesNotMatch(@"\bsrc=""(?!data:)", Page.Value);
        Assert.DoesNotMatch(@"url\((?!#|data:)", Page.Value);
    }

    [GeneratedRegex(@"\bid=""([^""]+)""")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)|href=""#([^""]+)""")]
    private static partial Regex LocalReference();

    [Fact]
    public void PlanOverAYear_IsARedWarningInWords_AndADefaultPlanHasNone()
    {
        // 17 GPUs (the fewest that hold the training state, main's default) run 991 days.
        var request = PageOnly with { Resources = PageOnly.Resources! with { Gpus = 17 } };
        string page = HtmlReport.Render(new HtmlReportContent { Request = request });
        var warning = Regex.Match(page, @"<p class=""warning"" id=""long-plan"" role=""alert"">(.*?)</p>", RegexOptions.Singleline);
        Assert.True(warning.Success, "no warning on a plan of 2.7 years");
        string words = Regex.Replace(warning.Groups[1].Value, "<[^>]+>", string.Empty);
        Assert.Contains("this plan runs for 2.72 years, longer than anyone waits for one training run", words, StringComparison.Ordinal);
        Assert.Contains("Finishing in 90 days takes 192 GPUs", words, StringComparison.Ordinal);
        Assert.DoesNotContain("--", words, StringComparison.Ordinal);
        Assert.DoesNotContain("long-plan", Page.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void AssumptionsTable_SpeaksInWords_WithTheOptionsInAFootnote()
    {
        // On main the table's third column was "--gpu; [3]", "--precision, --peak-tflops", ...
        string table = Regex.Match(Page.Value, @"<table id=""assumptions"".*?</table>", RegexOptions.Singleline).Value;
        Assert.Contains("Schedule", table, StringComparison.Ordinal);
        Assert.DoesNotContain("--", table, StringComparison.Ordinal);
        string footnote = Regex.Match(Page.Value, @"<p class=""note footnote"" id=""assumption-options"">.*?</p>", RegexOptions.Singleline).Value;
        foreach (string option in new[] { "--gpu NAME", "--days T", "--gpus N", "--mfu", "--eur-per-gpu-hour", "--grid-gco2-per-kwh" })
        {
            Assert.Contains($"<code>{option}</code>", footnote, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Captions_StateATakeawayNotTheTitle()
    {
        // On main the law-spread and sensitivity captions restated their descriptions.
        var captions = Regex.Matches(Page.Value, @"<figure id=""figure-([a-z-]+)"".*?<figcaption><span[^>]*>([^<]*)</span>(.*?)</figcaption>", RegexOptions.Singleline)
            .ToDictionary(m => m.Groups[1].Value, m => System.Net.WebUtility.HtmlDecode(Regex.Replace(m.Groups[3].Value, "<[^>]+>", string.Empty)));
        Assert.Contains("The published laws disagree on N* by 2.24× at your budget", captions["law-spread"], StringComparison.Ordinal);
        Assert.Contains("the choice of law matters less than the spread suggests", captions["law-spread"], StringComparison.Ordinal);
        Assert.Contains("The cost moves most with MFU (+33.3% at 30%, −20% at 50%)", captions["sensitivity"], StringComparison.Ordinal);
        Assert.Contains("N* moves only with the law", captions["sensitivity"], StringComparison.Ordinal);
        Assert.Contains("Yours takes 192 GPUs for 87.8 days", captions["budget-view"], StringComparison.Ordinal);
    }
}
