using OxyPlot;

namespace Scaling.Reports.Figures;

/// <summary>
/// Greedy placement of point labels on a log–log plot so that they neither overlap each other nor cover a point:
/// each label tries right, left, above-right and below-right of its point, in pixels estimated from the export size.
/// A label of several lines (models that share a point) is as tall as its lines and as wide as the longest.
/// </summary>
internal sealed class LabelLayout
{
    // The plot area of a 1600×1000 export with the legend outside on the right, in pixels (measured on renders).
    private const double PlotWidth = 1150;
    private const double PlotHeight = 820;
    private const double CharacterWidth = 9.6;
    private const double LineHeight = 19;
    private const double MarkerRadius = 9;
    private const double Gap = 14;

    private readonly double xMin;
    private readonly double xDecades;
    private readonly double yMin;
    private readonly double yDecades;
    private readonly List<(double Left, double Top, double Right, double Bottom)> taken = [];

    public LabelLayout(double xMinimum, double xMaximum, double yMinimum, double yMaximum)
    {
        xMin = Math.Log10(xMinimum);
        xDecades = Math.Log10(xMaximum) - xMin;
        yMin = Math.Log10(yMinimum);
        yDecades = Math.Log10(yMaximum) - yMin;
    }

    /// <summary>Reserves the marker of a point so that no label covers it.</summary>
    public void AddPoint(double x, double y)
    {
        var (px, py) = Pixels(x, y);
        taken.Add((px - MarkerRadius, py - MarkerRadius, px + MarkerRadius, py + MarkerRadius));
    }

    /// <summary>True when two points would draw on top of each other.</summary>
    public bool Coincide(double x1, double y1, double x2, double y2)
    {
        var (a, b) = Pixels(x1, y1);
        var (c, d) = Pixels(x2, y2);
        return Math.Abs(a - c) < MarkerRadius && Math.Abs(b - d) < MarkerRadius;
    }

    /// <summary>The offset of the first free place for <paramref name="text"/> beside the point; right when none is free.</summary>
    public ScreenVector Place(double x, double y, string text)
    {
        var (px, py) = Pixels(x, y);
        string[] lines = text.Split('\n');
        double width = lines.Max(l => l.Length) * CharacterWidth;
        double height = lines.Length * LineHeight;
        ScreenVector[] candidates =
        [
            new(Gap, 0), new(-Gap, 0), new(Gap, -height), new(Gap, height), new(-Gap, -height), new(-Gap, height),
            new(Gap, -2 * height), new(Gap, 2 * height), new(-Gap, -2 * height), new(-Gap, 2 * height),
        ];
        (ScreenVector Offset, (double, double, double, double) Box, int Overlaps) best = default;
        best.Overlaps = int.MaxValue;
        foreach (var offset in candidates)
        {
            double left = offset.X >= 0 ? px + offset.X : px + offset.X - width;
            var box = (Left: left, Top: py + offset.Y - (height / 2), Right: left + width, Bottom: py + offset.Y + (height / 2));
            int overlaps = taken.Count(t => Overlap(t, box));
            if (overlaps < best.Overlaps)
            {
                best = (offset, box, overlaps);
            }

            if (overlaps == 0)
            {
                break;
            }
        }

        // No free place: the one covering the fewest labels and markers.
        taken.Add(best.Box);
        return best.Offset;
    }

    /// <summary>
    /// The data point <paramref name="offset"/> pixels away from (<paramref name="x"/>, <paramref name="y"/>) on the
    /// export this layout assumes: a label placed there in data coordinates stays beside its point at any export size.
    /// </summary>
    public DataPoint DataAt(double x, double y, ScreenVector offset) => new(
        x * Math.Pow(10, offset.X / PlotWidth * xDecades),
        y * Math.Pow(10, -offset.Y / PlotHeight * yDecades));

    private (double X, double Y) Pixels(double x, double y) =>
        ((Math.Log10(x) - xMin) / xDecades * PlotWidth, (1 - ((Math.Log10(y) - yMin) / yDecades)) * PlotHeight);

    private static bool Overlap((double Left, double Top, double Right, double Bottom) a, (double Left, double Top, double Right, double Bottom) b) =>
        a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom;
}
