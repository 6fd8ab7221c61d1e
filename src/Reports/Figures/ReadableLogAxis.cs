using OxyPlot.Axes;

namespace Scaling.Reports.Figures;

/// <summary>
/// A base-10 log axis that labels only as many ticks as fit side by side: every 1-2-5 step, 1-3, each decade or
/// every few decades, whichever is the densest whose labels do not touch at the axis's rendered length.
/// OxyPlot's own choice labels 2·10ⁿ, 3·10ⁿ and 4·10ⁿ when few decades are shown, and they collide
/// ("2·10¹¹3·10¹¹").
/// </summary>
public sealed class ReadableLogAxis : LogarithmicAxis
{
    private static readonly double[][] MantissaSets = [[1, 2, 5], [1, 3], [1]];

    /// <summary>The labelled values chosen at the last render (for tests).</summary>
    public IReadOnlyList<double> LabelledValues { get; private set; } = [];

    /// <inheritdoc />
    public override void GetTickValues(out IList<double> majorLabelValues, out IList<double> majorTickValues, out IList<double> minorTickValues)
    {
        base.GetTickValues(out majorLabelValues, out majorTickValues, out minorTickValues);
        double low = ActualMinimum;
        double high = ActualMaximum;
        if (!(low > 0 && high > low))
        {
            return;
        }

        double length = IsHorizontal() ? Math.Abs(ScreenMax.X - ScreenMin.X) : Math.Abs(ScreenMax.Y - ScreenMin.Y);
        if (!(length > 0))
        {
            return;
        }

        // "3·10²¹" is about 4.5 em wide; vertical labels need a line height and a little air.
        double needed = IsHorizontal() ? (FontSize * 4.6) + 10 : FontSize * 1.9;
        double pixelsPerDecade = length / Math.Log10(high / low);
        List<double> labels = [];
        foreach (var mantissas in MantissaSets)
        {
            labels = Values(low, high, mantissas, 1);
            if (MinimumGap(labels, pixelsPerDecade) >= needed)
            {
                break;
            }
        }

        for (int every = 2; MinimumGap(labels, pixelsPerDecade) < needed && every < 100; every++)
        {
            labels = Values(low, high, [1], every);
        }

        var minor = minorTickValues.Concat(majorTickValues).Where(v => !labels.Any(l => Same(l, v))).Distinct().Order().ToList();
        majorLabelValues = labels;
        majorTickValues = labels;
        minorTickValues = minor;
        LabelledValues = labels;
    }

    private static List<double> Values(double low, double high, double[] mantissas, int everyDecades)
    {
        var values = new List<double>();
        for (int exponent = (int)Math.Floor(Math.Log10(low)); exponent <= (int)Math.Ceiling(Math.Log10(high)); exponent++)
        {
            if (((exponent % everyDecades) + everyDecades) % everyDecades != 0)
            {
                continue;
            }

            foreach (double m in mantissas)
            {
                double value = m * Math.Pow(10, exponent);
                if (value >= low * (1 - 1e-9) && value <= high * (1 + 1e-9))
                {
                    values.Add(value);
                }
            }
        }

        return values;
    }

    private static double MinimumGap(List<double> values, double pixelsPerDecade) =>
        values.Count < 2 ? double.MaxValue : values.Zip(values.Skip(1), (a, b) => Math.Log10(b / a) * pixelsPerDecade).Min();

    private static bool Same(double a, double b) => Math.Abs((a / b) - 1) < 1e-9;
}
