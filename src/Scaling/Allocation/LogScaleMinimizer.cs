namespace Scaling.Allocation;

/// <summary>
/// Minimises a function of a positive quantity (a model size) over a bracket on a log scale: a coarse scan finds
/// the cells holding a local minimum, golden-section search refines each, and the lowest wins. The scan keeps it safe on functions that are not
/// unimodal everywhere (the data-constrained law has kinks where repetition starts).
/// </summary>
internal static class LogScaleMinimizer
{
    private const int MinimumScanPoints = 241;

    // At most 0.4% between scan points: a quantile of many laws' losses has V-shaped dips about 2% wide where two
    // laws cross (found by RobustPlannerTests at 53 refits and the median, which a 2.9% scan step missed).
    private const double MaximumLogStep = 0.004;
    private static readonly double InverseGolden = (Math.Sqrt(5) - 1) / 2;

    /// <summary>The argument in [<paramref name="lower"/>, <paramref name="upper"/>] that minimises <paramref name="f"/>.</summary>
    public static double Minimize(Func<double, double> f, double lower, double upper, double relativeTolerance = 1e-12)
    {
        double a = Math.Log(lower);
        double b = Math.Log(upper);
        int scanPoints = Math.Max(MinimumScanPoints, (int)Math.Ceiling((b - a) / MaximumLogStep) + 1);
        double step = (b - a) / (scanPoints - 1);
        var values = new double[scanPoints];
        for (int i = 0; i < scanPoints; i++)
        {
            values[i] = f(Math.Exp(a + (i * step)));
        }

        // Refine every local minimum of the scan, not only the lowest point: a quantile of several laws' losses
        // has kinks where the laws cross, and the lowest scan point can sit in a shallower basin than a neighbour's.
        double bestArgument = double.NaN;
        double bestValue = double.PositiveInfinity;
        for (int i = 0; i < scanPoints; i++)
        {
            if (!IsScanMinimum(values, i))
            {
                continue;
            }

            double lo = a + (Math.Max(i - 1, 0) * step);
            double hi = a + (Math.Min(i + 1, scanPoints - 1) * step);
            double argument = GoldenSection(x => f(Math.Exp(x)), lo, hi, relativeTolerance);
            double value = f(Math.Exp(argument));
            if (value < bestValue || double.IsNaN(bestArgument))
            {
                bestValue = value;
                bestArgument = argument;
            }
        }

        return Math.Exp(bestArgument);
    }

    private static bool IsScanMinimum(double[] values, int i) =>
        (i == 0 || values[i] <= values[i - 1]) && (i == values.Length - 1 || values[i] <= values[i + 1]);

    // Our golden section, not MathNet's GoldenSectionMinimizer: when the bracket's golden-ratio point is not below both
    // ends, MathNet widens the bracket and may return a point outside the range searched (docs/performance.md, "The
    // golden section").
    private static double GoldenSection(Func<double, double> g, double lo, double hi, double tolerance)
    {
        double x1 = hi - (InverseGolden * (hi - lo));
        double x2 = lo + (InverseGolden * (hi - lo));
        double f1 = g(x1);
        double f2 = g(x2);
        while (hi - lo > tolerance * Math.Max(1, Math.Abs(lo)))
        {
            if (f1 <= f2)
            {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - (InverseGolden * (hi - lo));
                f1 = g(x1);
            }
            else
            {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + (InverseGolden * (hi - lo));
                f2 = g(x2);
            }
        }

        return f1 <= f2 ? x1 : x2;
    }
}
