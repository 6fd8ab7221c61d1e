using OxyPlot;
using OxyPlot.Annotations;
using Scaling.Text;

namespace Scaling.Reports.Figures;

/// <summary>
/// A line of equal compute C = k·N·D on a log–log plot of training tokens D against model size N — straight, of slope
/// −1 — and its label <c>C = 5.76·10²³</c>, as the figures that draw such lines share them (the loss landscape, the
/// audit map).
/// </summary>
/// <remarks>
/// The label sits where the line leaves the plotted box, on the side of that point the line does not run through: left
/// of an exit through the top edge, below an exit through the right edge. A label on the other side would lie on its
/// own line.
/// </remarks>
internal static class IsoFlopLine
{
    /// <summary>The ends of D = C/(k·N) inside the box, or none when the line misses it.</summary>
    public static DataPoint[] Ends(double flops, double flopsPerParameterToken, PlotBox box)
    {
        double k = flopsPerParameterToken;
        double lo = Math.Max(box.NMin, flops / (k * box.DMax));
        double hi = Math.Min(box.NMax, flops / (k * box.DMin));
        return lo < hi ? [new DataPoint(lo, flops / (k * lo)), new DataPoint(hi, flops / (k * hi))] : [];
    }

    /// <summary>
    /// The line's label at its exit from the box (see the remarks), or null when that exit leaves the label no room:
    /// less than <see cref="IsoFlopLabelStyle.RoomLeft"/> (a factor in N) left of a top exit, or less than
    /// <see cref="IsoFlopLabelStyle.RoomBelow"/> (a factor in D) below a right-edge exit.
    /// </summary>
    public static TextAnnotation? Label(double flops, double flopsPerParameterToken, PlotBox box, IsoFlopLabelStyle style, object? tag = null)
    {
        double k = flopsPerParameterToken;
        double x = flops / (k * box.DMax);
        bool top = x >= box.NMin * style.RoomLeft && x <= box.NMax;
        var at = top ? new DataPoint(x, box.DMax) : new DataPoint(box.NMax, flops / (k * box.NMax));
        if (!top && (at.Y < box.DMin * style.RoomBelow || at.Y > box.DMax))
        {
            return null;
        }

        return new TextAnnotation
        {
            Text = "C = " + NumberText.Power(flops),
            TextPosition = at,
            Offset = top ? new ScreenVector(-6, 4) : new ScreenVector(-4, 6),
            TextHorizontalAlignment = HorizontalAlignment.Right,
            TextVerticalAlignment = VerticalAlignment.Top,
            FontSize = style.FontSize,
            TextColor = style.TextColor,
            Background = style.Background,
            Padding = new OxyThickness(3, 1, 3, 1),
            StrokeThickness = 0,
            Tag = tag,
        };
    }
}
