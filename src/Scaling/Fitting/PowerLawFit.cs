namespace Scaling.Fitting;

/// <summary>
/// A power law <c>y = k·C^e</c> fitted by ordinary least squares in log space: <c>ln y = ln k + e·ln C</c>.
/// </summary>
/// <remarks>
/// Hoffmann et al. 2022 (§3.1, §3.2) fit N_opt ∝ C^a and D_opt ∝ C^b this way to the compute-optimal points of
/// Approaches 1 and 2. The slope is computed about the mean of ln C, so large FLOP counts lose no precision.
/// <example><code>
/// var fit = PowerLawFit.Fit([1e18, 1e20, 1e22], [1e8, 1e9, 1e10]); // Exponent 0.5, Coefficient 1e-1
/// </code></example>
/// </remarks>
public sealed record PowerLawFit
{
    private PowerLawFit(double coefficient, double exponent, double rSquared, double residualStandardDeviation, int points)
    {
        Coefficient = coefficient;
        Exponent = exponent;
        RSquared = rSquared;
        ResidualStandardDeviation = residualStandardDeviation;
        Points = points;
    }

    /// <summary>k in y = k·C^e.</summary>
    public double Coefficient { get; }

    /// <summary>e in y = k·C^e.</summary>
    public double Exponent { get; }

    /// <summary>The share of the variance of ln y explained by the fit (1 when every point lies on the line).</summary>
    public double RSquared { get; }

    /// <summary>The residual standard deviation of ln y, √(Σr²/(n − 2)) (≈ the typical relative error of a point; 0 for two points).</summary>
    public double ResidualStandardDeviation { get; }

    /// <summary>How many points the fit rests on.</summary>
    public int Points { get; }

    /// <summary>The fitted y at <paramref name="flops"/>: k·C^e.</summary>
    public double Predict(double flops) => Coefficient * Math.Pow(Require.PositiveFinite(flops, nameof(flops)), Exponent);

    /// <summary>
    /// Fits y = k·C^e to the points (<paramref name="flops"/>[i], <paramref name="values"/>[i]); needs at least two
    /// distinct positive C and positive y.
    /// </summary>
    /// <exception cref="ArgumentException">The lengths differ, a value is not positive and finite, or all C are equal.</exception>
    public static PowerLawFit Fit(ReadOnlySpan<double> flops, ReadOnlySpan<double> values)
    {
        if (flops.Length != values.Length)
        {
            throw new ArgumentException($"flops and values must have the same length; got {flops.Length} and {values.Length}.", nameof(values));
        }

        for (int i = 0; i < flops.Length; i++)
        {
            Require.PositiveFinite(flops[i], nameof(flops));
            Require.PositiveFinite(values[i], nameof(values));
        }

        if (QuadraticFit.CountDistinct(flops) < 2)
        {
            throw new ArgumentException("flops: a power law needs points at two or more distinct compute values.", nameof(flops));
        }

        return FitUnchecked(flops, values);
    }

    /// <summary>The fit without argument checks; the caller guarantees two distinct positive C and positive y.</summary>
    internal static PowerLawFit FitUnchecked(ReadOnlySpan<double> flops, ReadOnlySpan<double> values)
    {
        int n = flops.Length;
        var logFlops = new double[n];
        var logValues = new double[n];
        for (int i = 0; i < n; i++)
        {
            logFlops[i] = Math.Log(flops[i]);
            logValues[i] = Math.Log(values[i]);
        }

        // Simple regression of ln y on ln C about their means (MathNet's Fit.Line, the closed form; Fit.Power reaches
        // the same line through a QR solve).
        var (intercept, exponent) = MathNet.Numerics.Fit.Line(logFlops, logValues);
        double residual = 0, total = 0, meanLogValue = logValues.Average();
        for (int i = 0; i < n; i++)
        {
            double r = logValues[i] - (intercept + (exponent * logFlops[i]));
            residual += r * r;
            total += (logValues[i] - meanLogValue) * (logValues[i] - meanLogValue);
        }

        double rSquared = total > 0 ? 1 - (residual / total) : 1;
        double residualStandardDeviation = n > 2 ? Math.Sqrt(residual / (n - 2)) : 0;
        return new PowerLawFit(Math.Exp(intercept), exponent, rSquared, residualStandardDeviation, n);
    }
}
