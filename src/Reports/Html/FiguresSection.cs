namespace Scaling.Reports.Html;

/// <summary>Figures inline as SVG, each with a caption that states its takeaway and links to its other formats.</summary>
internal static class FiguresSection
{
    private static readonly string[] FigureExtensions = ["pdf", "png", "svg"];

    public static void Write(HtmlWriter html, IReadOnlyList<HtmlFigure> figures, IReadOnlyList<string> files)
    {
        if (figures.Count == 0)
        {
            return;
        }

        html.Open("section", ("id", "figures"), ("aria-labelledby", "figures-title"));
        html.Element("h2", "The figures", ("id", "figures-title"));
        foreach (var figure in figures)
        {
            WriteFigure(html, figure, files);
        }

        html.Close("section");
    }

    /// <summary>One figure: the SVG, its title and takeaway, and the files of the same name (PDF first, for print).</summary>
    public static void WriteFigure(HtmlWriter html, HtmlFigure figure, IReadOnlyList<string> files)
    {
        string id = "figure-" + figure.Name;
        html.Open("figure", ("id", id), ("aria-labelledby", id + "-title"));
        html.Raw(InlineSvg.Prepare(figure.Svg, figure.Name + "-", figure.Title, figure.PhoneSvg is null ? null : "wide"));
        if (figure.PhoneSvg is { } phone)
        {
            html.Raw(InlineSvg.Prepare(phone, figure.Name + "-phone-", figure.Title, "phone"));
        }

        html.Open("figcaption").Element("span", figure.Title, ("class", "figure-title"), ("id", id + "-title"))
            .Text(figure.Takeaway);
        var own = FigureExtensions.Select(extension => $"{figure.Name}.{extension}").Where(files.Contains).ToList();
        if (own.Count > 0)
        {
            html.Open("span", ("class", "files")).Text(" Files: ");
            foreach (string file in own)
            {
                html.Link(file, file).Text(" ");
            }

            html.Close("span");
        }

        html.Close("figcaption").Close("figure");
    }
}
