namespace Scaling.Allocation;

/// <summary>
/// Minimises a function of a positive quantity (a model size) over a bracket on a log scale: a coarse scan finds
/// the best cell, then golden-section search refines it. The scan keeps it safe on functions that are not
/// unimodal everywhere (the data-constrained law has kinks where repetition starts).
/// </summary>
internal static class LogScaleMinimizer
{
    private const int ScanPoints = 241;
    private static readonly double InverseGolden = (Math.Sqrt(5) - 1) / 2;

    /// <summary>The argument in [<paramref name="lower"/>, <paramref name="upper"/>] that minimises <paramref name="f"/>.</summary>
    public static double Minimize(Func<double, double> f, double lower, double upper, double relativeTolerance = 1e-12)
    {
        double a = Math.Log(lower);
        double b = Math.Log(upper);
        double step = (b - a) / (ScanPoints - 1);
        int best = 0;
        double bestValue = double.PositiveInfinity;
        for (int i = 0; i < ScanPoints; i++)
        {
            double value = f(Math.Exp(a + (i * step)));
            if (value < bestValue)
            {
                bestValue = value;
                best = i;
            }
        }

        double lo = a + (Math.Max(best - 1, 0) * step);
        double hi = a + (Math.Min(best + 1, ScanPoints - 1) * step);
        return Math.Exp(GoldenSection(x => f(Math.Exp(x)), lo, hi, relativeTolerance));
    }

    // Our golden section, not MathNet's GoldenSectionMinimizer: when the bracket's golden-ratio point is not below both
    // ends, MathNet widens the bracket (up to 10 doublings) and may return a point outside the range searched. Measured
    // with dotnet run -c Release --project benchmarks/MathNetComparison -- golden (the hoffmann2022 loss on the 1e24-FLOP
    // line, searched over [8.26e10, 8.26e11], above the optimum 4.13e10): MathNet returned 4.13e10, outside the range;
    // this returns 8.26e10, the best size within it. With the optimum inside both agree to 6 digits.
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
