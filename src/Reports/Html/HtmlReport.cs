using System.Text;
using Scaling.Text;

namespace Scaling.Reports.Html;

/// <summary>
/// <c>index.html</c>: the whole report as one self-contained page that reads top to bottom as the decision — the plan,
/// what the budget buys, how much the choice of law moves it, the figures, the audit, the fit, the sources. Figures are
/// inline SVG, the style and the one small script are in the page, and a Content-Security-Policy forbids the browser
/// to load anything from anywhere else.
/// </summary>
/// <remarks><example><code>
/// var request = ReportRequest.Create(LawPresets.Default, 5.76e23);
/// string page = HtmlReport.Render(new HtmlReportContent { Request = request });
/// </code></example></remarks>
public static class HtmlReport
{
    /// <summary>The page's file name.</summary>
    public const string FileName = "index.html";

    // Nothing but this document: inline style and script, data: images (the heat map inside an SVG) and fonts.
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

    /// <summary>The page as HTML text.</summary>
    public static string Render(HtmlReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var facts = PlanFacts.Of(content.Request);
        var citations = new Citations();
        var html = new HtmlWriter();
        var optimum = facts.Optimum;
        html.Raw("<!DOCTYPE html>\n").Open("html", ("lang", "en")).Raw("\n").Open("head").Raw("\n");
        html.Open("meta", ("charset", "utf-8")).Raw("\n");
        html.Open("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1")).Raw("\n");
        html.Open("meta", ("http-equiv", "Content-Security-Policy"), ("content", ContentSecurityPolicy)).Raw("\n");
        html.Open("meta", ("name", "generator"), ("content", "scaling report")).Raw("\n");
        html.Element("title", $"Training plan: {NumberText.Count(optimum.Parameters)} parameters on {NumberText.Count(optimum.Tokens)} tokens for {NumberText.Scientific(optimum.Flops)} FLOPs").Raw("\n");
        html.Open("style").Raw(HtmlPageStyle.Text).Close("style").Raw("\n").Close("head").Raw("\n");
        html.Open("body").Open("main").Raw("\n");

        var plotted = content.Figures.Where(f => f.Name != "audit-map" && !f.Name.StartsWith("fit-", StringComparison.Ordinal)).ToList();
        PlanSection.Write(html, facts, citations, content.Files);
        Contents(html, content, plotted);
        BudgetSection.Write(html, facts, citations, content.Files);
        LawSpreadSection.Write(html, facts, citations, content.Files);
        FiguresSection.Write(html, plotted, content.Files);
        AuditSection.Write(html, facts, citations, content.Figures, content.Files);
        FitSection.Write(html, content.Request, citations, content.Figures, content.Files);
        SourcesSection.Write(html, citations);
        html.Open("footer").Text("Written by scaling report. Every number on this page is computed by the Scaling library and printed in the invariant culture; ")
            .Text("the page loads nothing from elsewhere (text in DejaVu Sans or Verdana where installed, else the system's sans-serif).")
            .Close("footer");
        html.Close("main").Raw("\n").Open("script").Raw(SortableTableScript.Text).Close("script").Raw("\n").Close("body").Raw("\n").Close("html").Raw("\n");
        return html.ToString();
    }

    /// <summary>The page as UTF-8 bytes.</summary>
    public static byte[] ToBytes(HtmlReportContent content) => Encoding.UTF8.GetBytes(Render(content));

    private static void Contents(HtmlWriter html, HtmlReportContent content, IReadOnlyList<HtmlFigure> plotted)
    {
        var entries = new List<(string Id, string Title)>
        {
            ("budget", "What the budget buys"),
            ("laws", "How much the choice of law moves N*"),
        };
        if (plotted.Count > 0)
        {
            entries.Add(("figures", "The figures"));
        }

        entries.Add(("audit", "Were published models trained compute-optimally?"));
        if (content.Request.Fit is not null)
        {
            entries.Add(("fit", "The fit of your runs"));
        }

        entries.Add(("sources", "Sources"));
        html.Open("nav", ("class", "contents"), ("aria-label", "contents")).Open("ol");
        foreach (var (id, title) in entries)
        {
            html.Open("li").Link("#" + id, title).Close("li");
        }

        html.Close("ol").Close("nav");
    }
}
