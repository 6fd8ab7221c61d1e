namespace Scaling.Reports.Html;

/// <summary>A figure of the page: its SVG inline, a title, and a caption that states what to take from it.</summary>
/// <param name="Name">The figure's file stem, e.g. <c>isoflop</c>; the page links the files of that name beside it.</param>
/// <param name="Title">The figure's title, as a real HTML heading of the caption.</param>
/// <param name="Takeaway">One or two sentences: what the figure shows for this plan.</param>
/// <param name="Svg">The figure exported as SVG (FigureExporter), with or without its XML declaration.</param>
public sealed record HtmlFigure(string Name, string Title, string Takeaway, string Svg)
{
    /// <summary>The figure laid out for a phone (PhoneLayout), shown instead of <see cref="Svg"/> on a narrow screen; null: none.</summary>
    public string? PhoneSvg { get; init; }
}
