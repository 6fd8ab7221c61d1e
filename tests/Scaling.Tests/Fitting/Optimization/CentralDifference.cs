using Scaling.Fitting.Optimization;

namespace Scaling.Tests.Fitting.Optimization;

/// <summary>
/// The numeric gradient an analytic one is checked against: central differences with step h = 1e-6·(1 + |θₖ|),
/// whose error is O(h²) where the objective is smooth.
/// </summary>
internal static class CentralDifference
{
    public static double[] Gradient(IObjective objective, double[] theta)
    {
        var scratch = new double[theta.Length];
        var numeric = new double[theta.Length];
        for (int k = 0; k < theta.Length; k++)
        {
            double h = 1e-6 * (1 + Math.Abs(theta[k]));
            var plus = (double[])theta.Clone();
            var minus = (double[])theta.Clone();
            plus[k] += h;
            minus[k] -= h;
            numeric[k] = (objective.Evaluate(plus, scratch) - objective.Evaluate(minus, scratch)) / (2 * h);
        }

        return numeric;
    }
}
