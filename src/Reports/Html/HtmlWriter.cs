using System.Globalization;
using System.Text;

namespace Scaling.Reports.Html;

/// <summary>
/// Builds an HTML document as text. Every text and attribute value goes through <see cref="Encode"/>; only
/// <see cref="Raw"/> (the page's own CSS, script and inline SVG) passes markup through.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder html = new();

    /// <summary>Escapes the five characters that HTML text and quoted attributes give meaning to.</summary>
    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoded = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            encoded.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return encoded.ToString();
    }

    /// <summary>An opening tag with its attributes (a null value leaves the attribute out).</summary>
    public HtmlWriter Open(string tag, params (string Name, string? Value)[] attributes)
    {
        html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                html.Append(' ').Append(name).Append("=\"").Append(Encode(value)).Append('"');
            }
        }

        html.Append('>');
        return this;
    }

    /// <summary>A closing tag.</summary>
    public HtmlWriter Close(string tag)
    {
        html.Append("</").Append(tag).Append('>');
        if (tag is "p" or "li" or "tr" or "section" or "figure" or "table" or "div" or "ul" or "ol" or "dl" or "header" or "thead" or "tbody")
        {
            html.Append('\n');
        }

        return this;
    }

    /// <summary>Text, encoded.</summary>
    public HtmlWriter Text(string text)
    {
        html.Append(Encode(text));
        return this;
    }

    /// <summary>An element holding encoded text.</summary>
    public HtmlWriter Element(string tag, string text, params (string Name, string? Value)[] attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    /// <summary>A link; external ones open as plain links (the page itself requests nothing).</summary>
    public HtmlWriter Link(string href, string text) => Element("a", text, ("href", href));

    /// <summary>
    /// A number as a <c>&lt;data&gt;</c> element: the text a person reads, and the library's exact value (round-trip,
    /// invariant culture) in <c>value</c> under a stable <c>data-key</c>, for scripts and tests.
    /// </summary>
    public HtmlWriter Number(string key, double value, string display) =>
        Element("data", display, ("value", value.ToString("R", CultureInfo.InvariantCulture)), ("data-key", key));

    /// <summary>
    /// Opens the box a wide table scrolls in on a narrow screen, with the hint that it does; the page's script shows
    /// the hint only while the table is wider than its box. Close it with <c>Close("div")</c>.
    /// </summary>
    public HtmlWriter ScrollBox() =>
        Open("div", ("class", "table-scroll")).Element("p", "Scroll sideways for more columns →", ("class", "scroll-hint"), ("aria-hidden", "true"));

    /// <summary>Markup the page generates itself (CSS, script, inline SVG); never user text.</summary>
    public HtmlWriter Raw(string markup)
    {
        html.Append(markup);
        return this;
    }

    /// <inheritdoc />
    public override string ToString() => html.ToString();
}
