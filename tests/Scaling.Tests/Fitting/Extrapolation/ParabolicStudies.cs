using Scaling.Fitting.Runs;

namespace Scaling.Tests.Fitting.Extrapolation;

/// <summary>
/// Synthetic IsoFLOP studies whose optimum at each budget is known exactly: at budget C the loss is a parabola in ln N,
/// L = floor(C) + 0.05·(ln N − ln N*(C))², sampled at sizes spread evenly in ln N around ln N*(C), so the parabola
/// vertex (the observed optimum) is ln N*(C) itself when there is no noise.
/// </summary>
internal static class ParabolicStudies
{
    public static double[] Budgets(double lowest, double highest, int count) =>
        Enumerable.Range(0, count).Select(i => lowest * Math.Pow(highest / lowest, (double)i / (count - 1))).ToArray();

    /// <summary>ln N* = ln(0.1) + exponent·ln C + curvature·(ln C − ln 1e18)².</summary>
    public static Func<double, double> Optimum(double exponent, double curvature = 0) =>
        flops => Math.Log(0.1) + (exponent * Math.Log(flops)) + (curvature * Math.Pow(Math.Log(flops / 1e18), 2));

    public static List<TrainingRun> Runs(
        Func<double, double> logOptimum, IReadOnlyList<double> budgets, int sizes = 9, double spanLn = 1.5, double noise = 0, int seed = 0)
    {
        var random = new Random(seed);
        var runs = new List<TrainingRun>();
        foreach (double flops in budgets)
        {
            double centre = logOptimum(flops);
            double floor = 2 + (10 / Math.Pow(flops, 0.05));
            for (int i = 0; i < sizes; i++)
            {
                double lnN = centre + (spanLn * (-1 + (2.0 * i / (sizes - 1))));
                double parameters = Math.Exp(lnN);
                double loss = (floor + (0.05 * (lnN - centre) * (lnN - centre))) * Math.Exp(noise * SyntheticCurves.Normal(random));
                runs.Add(TrainingRun.Create(parameters, flops / (6 * parameters), loss, budgetFlops: flops));
            }
        }

        return runs;
    }
}
