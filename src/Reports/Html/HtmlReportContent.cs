namespace Scaling.Reports.Html;

/// <summary>What <c>index.html</c> shows: the report's request, its figures, and the other files written beside it.</summary>
public sealed record HtmlReportContent
{
    /// <summary>The report's law, budget, resources and fit.</summary>
    public required ReportRequest Request { get; init; }

    /// <summary>The plan's figures, in reading order; the fit's figures (names starting <c>fit-</c>) go to the fit section.</summary>
    public IReadOnlyList<HtmlFigure> Figures { get; init; } = [];

    /// <summary>The file names written beside the page (figures in other formats, the workbook), for links.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];
}
