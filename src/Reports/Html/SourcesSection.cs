namespace Scaling.Reports.Html;

/// <summary>Every source the page cites, numbered as cited, each with its links.</summary>
internal static class SourcesSection
{
    public static void Write(HtmlWriter html, Citations citations)
    {
        html.Open("section", ("id", "sources"), ("aria-labelledby", "sources-title"));
        html.Element("h2", "Sources", ("id", "sources-title"));
        html.Open("ol", ("class", "sources"));
        for (int i = 0; i < citations.Sources.Count; i++)
        {
            string source = citations.Sources[i];
            html.Open("li", ("id", $"source-{i + 1}")).Text(source);
            foreach (var (label, url) in SourceLinks.In(source))
            {
                html.Text(" — ").Link(url, label);
            }

            html.Close("li");
        }

        html.Close("ol").Close("section");
    }
}
