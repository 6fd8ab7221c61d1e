using OxyPlot;

namespace Scaling.Reports;

/// <summary>One figure of a report before export: its file stem, what it shows, and the model to render.</summary>
/// <param name="Name">The file name without extension, e.g. <c>isoflop</c>.</param>
/// <param name="Description">What the figure shows, for the listing printed after writing.</param>
/// <param name="Model">The OxyPlot model.</param>
public sealed record ReportFigure(string Name, string Description, PlotModel Model);
