using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Scaling.Reports.Html;

/// <summary>
/// Makes an exported SVG fit to sit inside an HTML page beside others: a <c>viewBox</c> instead of a fixed size (so
/// it scales to its column), an accessible name, and every <c>id</c> (clip paths) prefixed with the figure's name so
/// that two figures' <c>clipPath1</c> do not collide in one document.
/// </summary>
internal static partial class InlineSvg
{
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    /// <summary>The SVG element as markup, ready to inline, with the class <paramref name="cssClass"/> when given.</summary>
    public static string Prepare(string svg, string idPrefix, string label, string? cssClass = null)
    {
        ArgumentNullException.ThrowIfNull(svg);
        var document = XDocument.Parse(svg.TrimStart('\uFEFF'), LoadOptions.None);
        var root = document.Root ?? throw new ArgumentException("svg: the document has no root element.", nameof(svg));
        string width = (string?)root.Attribute("width") ?? throw new ArgumentException("svg: the root has no width.", nameof(svg));
        string height = (string?)root.Attribute("height") ?? throw new ArgumentException("svg: the root has no height.", nameof(svg));
        root.SetAttributeValue("viewBox", $"0 0 {width} {height}");
        root.SetAttributeValue("width", null);
        root.SetAttributeValue("height", null);
        root.SetAttributeValue("role", "img");
        root.SetAttributeValue("aria-label", label);
        root.SetAttributeValue("class", cssClass);
        foreach (var element in root.DescendantsAndSelf())
        {
            foreach (var attribute in element.Attributes())
            {
                if (attribute.Name == "id")
                {
                    attribute.Value = idPrefix + attribute.Value;
                }
                else if (attribute.Name == XLink + "href" || attribute.Name == "href")
                {
                    attribute.Value = attribute.Value.StartsWith('#') ? "#" + idPrefix + attribute.Value[1..] : attribute.Value;
                }
                else if (attribute.Value.Contains("url(#", StringComparison.Ordinal))
                {
                    attribute.Value = LocalReference().Replace(attribute.Value, m => $"url(#{idPrefix}{m.Groups[1].Value})");
                }
            }
        }

        return root.ToString(SaveOptions.DisableFormatting);
    }

    [GeneratedRegex(@"url\(#([^)]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex LocalReference();
}
