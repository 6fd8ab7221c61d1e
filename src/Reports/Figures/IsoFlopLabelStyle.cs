using OxyPlot;

namespace Scaling.Reports.Figures;

/// <summary>How a figure draws the labels of its lines of equal compute (<see cref="IsoFlopLine.Label"/>).</summary>
/// <param name="FontSize">The label's font size.</param>
/// <param name="TextColor">The text's colour.</param>
/// <param name="Background">The box behind the text (transparent for none).</param>
/// <param name="RoomLeft">The factor in N a label needs left of a top-edge exit: about its width on the figure's axis.</param>
/// <param name="RoomBelow">The factor in D a label needs below a right-edge exit: about its height on the figure's axis.</param>
internal sealed record IsoFlopLabelStyle(double FontSize, OxyColor TextColor, OxyColor Background, double RoomLeft, double RoomBelow);
