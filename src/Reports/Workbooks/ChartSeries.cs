namespace Scaling.Reports.Workbooks;

/// <summary>
/// One series of a scatter chart: cell ranges such as <c>Scenarios!$B$2:$B$15</c>, with the values they hold at save.
/// A <paramref name="Highlight"/> series is drawn as large markers without a line (the plan on a curve of plans).
/// </summary>
internal sealed record ChartSeries(string NameReference, string XRange, string YRange, IReadOnlyList<double> XValues, IReadOnlyList<double> YValues, bool Highlight = false);
