using Scaling.Fitting.Backtest;
using Scaling.Fitting.Runs;

namespace Scaling.Fitting.Extrapolation;

/// <summary>
/// Bayesian linear regression of the IsoFLOP vertices ln N*_i on u_i = ln C_i − ln C₀ (C₀ the largest budget with a
/// vertex), with Gaussian priors on the slope and the curvature and the vertex noise pooled with a prior scatter
/// (Gelman et al. 2013, "Bayesian Data Analysis", 3rd ed., §14.2 and §14.8).
/// </summary>
/// <remarks>
/// Features f(u) = (1, u[, u²]); posterior precision P = FᵀF/σ² + diag(0, 1/τ_a²[, 1/τ_k²]); mean
/// m = P⁻¹(Fᵀy/σ² + (0, μ_a/τ_a²[, μ_k/τ_k²])). σ² = (SSR + ν₀σ₀²)/(n − 2 + ν₀), SSR the residuals of the ordinary
/// least-squares line (a scaled-inverse-χ² pooling of the user's scatter with the prior's). A flat prior is τ = ∞.
/// </remarks>
internal static class VertexRegression
{
    public static (double[] X, double[] Y) Vertices(IReadOnlyList<IsoFlopBudget> budgets)
    {
        var x = new List<double>(budgets.Count);
        var y = new List<double>(budgets.Count);
        foreach (var budget in budgets)
        {
            if (ObservedOptimum.TrainingVertex(budget) is { } vertex)
            {
                x.Add(Math.Log(budget.Flops));
                y.Add(vertex);
            }
        }

        return (x.ToArray(), y.ToArray());
    }

    /// <param name="x">ln C of the vertices.</param>
    /// <param name="y">ln N* of the vertices.</param>
    /// <param name="degree">1 (power law) or 2 (drifting exponent).</param>
    /// <param name="slopeMean">μ_a.</param>
    /// <param name="slopeSd">τ_a; infinity for a flat prior.</param>
    /// <param name="curvatureMean">μ_k (degree 2).</param>
    /// <param name="curvatureSd">τ_k (degree 2).</param>
    /// <param name="noise">σ₀.</param>
    /// <param name="noiseWeight">ν₀.</param>
    public static (double Origin, double[] Mean, double[] Covariance, double NoiseVariance) Fit(
        double[] x, double[] y, int degree, double slopeMean, double slopeSd, double curvatureMean, double curvatureSd, double noise, double noiseWeight)
    {
        int n = x.Length;
        double origin = x.Max();
        int p = degree + 1;
        double residuals = LineResiduals(x, y);
        double noiseVariance = Math.Max((residuals + (noiseWeight * noise * noise)) / (Math.Max(n - 2, 0) + noiseWeight), 1e-12);
        var precision = new double[p * p];
        var rhs = new double[p];
        Span<double> f = stackalloc double[p];
        for (int i = 0; i < n; i++)
        {
            double u = x[i] - origin;
            f[0] = 1;
            for (int k = 1; k < p; k++)
            {
                f[k] = f[k - 1] * u;
            }

            for (int a = 0; a < p; a++)
            {
                rhs[a] += f[a] * y[i] / noiseVariance;
                for (int b = 0; b < p; b++)
                {
                    precision[(a * p) + b] += f[a] * f[b] / noiseVariance;
                }
            }
        }

        if (double.IsFinite(slopeSd))
        {
            precision[p + 1] += 1 / (slopeSd * slopeSd);
            rhs[1] += slopeMean / (slopeSd * slopeSd);
        }

        if (degree == 2 && double.IsFinite(curvatureSd))
        {
            precision[(2 * p) + 2] += 1 / (curvatureSd * curvatureSd);
            rhs[2] += curvatureMean / (curvatureSd * curvatureSd);
        }

        var covariance = SmallMatrix.Inverse(precision, p);
        var mean = new double[p];
        for (int a = 0; a < p; a++)
        {
            for (int b = 0; b < p; b++)
            {
                mean[a] += covariance[(a * p) + b] * rhs[b];
            }
        }

        return (origin, mean, covariance, noiseVariance);
    }

    // Residual sum of squares of the ordinary least-squares line y = α + βx (0 with fewer than three points).
    private static double LineResiduals(double[] x, double[] y)
    {
        int n = x.Length;
        if (n < 3)
        {
            return 0;
        }

        double mx = x.Average(), my = y.Average(), sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++)
        {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }

        double slope = sxy / sxx, sum = 0;
        for (int i = 0; i < n; i++)
        {
            double r = y[i] - my - (slope * (x[i] - mx));
            sum += r * r;
        }

        return sum;
    }
}
