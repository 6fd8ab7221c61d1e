namespace Scaling.Reports.Figures;

/// <summary>The plotted range of a log–log figure of training tokens D against model size N.</summary>
/// <param name="NMin">The smallest model size shown, in parameters.</param>
/// <param name="NMax">The largest model size shown, in parameters.</param>
/// <param name="DMin">The fewest training tokens shown.</param>
/// <param name="DMax">The most training tokens shown.</param>
internal readonly record struct PlotBox(double NMin, double NMax, double DMin, double DMax);
