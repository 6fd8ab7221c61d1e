namespace Scaling.Reports.Html;

/// <summary>
/// The sources a page cites, numbered in order of first citation: the sections cite as they are written, and the
/// page's last section lists them with their links.
/// </summary>
internal sealed class Citations
{
    private readonly List<string> sources = [];

    /// <summary>Every source cited so far, in citation order (number = index + 1).</summary>
    public IReadOnlyList<string> Sources => sources;

    /// <summary>Writes a citation mark such as [3] linking to the source's entry, numbering a new source.</summary>
    public HtmlWriter Cite(HtmlWriter html, string source)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        int index = sources.IndexOf(source);
        if (index < 0)
        {
            sources.Add(source);
            index = sources.Count - 1;
        }

        int number = index + 1;
        return html.Open("a", ("class", "cite"), ("href", $"#source-{number}"), ("aria-label", $"source {number}"))
            .Text($"[{number}]").Close("a");
    }
}
