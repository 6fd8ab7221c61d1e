namespace Scaling.Reports.Workbooks;

/// <summary>One series of a scatter chart: cell ranges such as <c>Scenarios!$A$2:$A$14</c>, with the values they hold at save.</summary>
internal sealed record ChartSeries(string NameReference, string XRange, string YRange, IReadOnlyList<double> XValues, IReadOnlyList<double> YValues);
