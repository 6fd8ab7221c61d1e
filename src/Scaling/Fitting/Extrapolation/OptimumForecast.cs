using Scaling.Laws;

namespace Scaling.Fitting.Extrapolation;

/// <summary>
/// What an estimator says about the compute-optimal size beyond its runs: ln N*(C) as a polynomial in
/// u = ln C − <see cref="OriginLogFlops"/>, with the covariance of its coefficients and the noise with which a
/// budget's own runs observe N*.
/// </summary>
/// <remarks>
/// <para>Mean: m(C) = Σ_k c_k·u^k (degree 1 or 2). Scale: s(C) = √(f(u)ᵀ·Σ·f(u) + σ²) with f(u) = (1, u[, u²]), Σ the
/// coefficients' covariance and σ² <see cref="NoiseVariance"/> — the spread of ln(N_observed / N̂) the forecast itself
/// expects at C. A calibrated interval multiplies s(C) by a quantile learned from back-tests
/// (<see cref="CalibratedExtrapolation"/>).</para>
/// <example><code>
/// if (new DriftEstimator(ExtrapolationCalibration.Embedded.Prior).Forecast(budgets) is { } forecast)   // null: too few budgets
/// {
///     double n = Math.Exp(forecast.LogParameters(1e24));   // N* at 1e24 FLOPs
///     double s = forecast.Scale(1e24);                      // its scale in ln units
/// }
/// </code></example>
/// </remarks>
public sealed record OptimumForecast
{
    private readonly double[] coefficients;
    private readonly double[] covariance;

    private OptimumForecast(
        ExtrapolationMethod method, double originLogFlops, double largestBudgetFlops, double[] coefficients, double[] covariance, double noiseVariance, LossLaw? lossLaw)
    {
        Method = method;
        OriginLogFlops = originLogFlops;
        LargestBudgetFlops = largestBudgetFlops;
        this.coefficients = coefficients;
        this.covariance = covariance;
        NoiseVariance = noiseVariance;
        LossLaw = lossLaw;
    }

    /// <summary>The estimator that made the forecast.</summary>
    public ExtrapolationMethod Method { get; }

    /// <summary>ln of the compute (FLOPs) about which the polynomial is written.</summary>
    public double OriginLogFlops { get; }

    /// <summary>The largest IsoFLOP budget among the runs the forecast rests on, in FLOPs.</summary>
    public double LargestBudgetFlops { get; }

    /// <summary>c₀, c₁[, c₂]: ln N* = c₀ + c₁·u [+ c₂·u²].</summary>
    public IReadOnlyList<double> Coefficients => coefficients;

    /// <summary>The coefficients' covariance, row by row (p × p for p coefficients).</summary>
    public IReadOnlyList<double> Covariance => covariance;

    /// <summary>σ²: the variance of a budget's observed ln N* about the true curve.</summary>
    public double NoiseVariance { get; }

    /// <summary>The loss law beside the forecast when the estimator fits one (variable projection, Approach 3); else null.</summary>
    public LossLaw? LossLaw { get; }

    /// <summary>1 for a power law, 2 when the exponent may drift with scale.</summary>
    public int Degree => coefficients.Length - 1;

    /// <summary>The local exponent d ln N*/d ln C at <paramref name="flops"/>: c₁ + 2·c₂·u.</summary>
    public double ExponentAt(double flops)
    {
        double u = U(flops);
        return coefficients[1] + (Degree == 2 ? 2 * coefficients[2] * u : 0);
    }

    /// <summary>The forecast ln N* at <paramref name="flops"/>.</summary>
    public double LogParameters(double flops)
    {
        double u = U(flops);
        double mean = 0;
        double power = 1;
        foreach (double c in coefficients)
        {
            mean += c * power;
            power *= u;
        }

        return mean;
    }

    /// <summary>s(C) = √(f(u)ᵀ·Σ·f(u) + σ²), in ln units.</summary>
    public double Scale(double flops)
    {
        double u = U(flops);
        int p = coefficients.Length;
        Span<double> f = stackalloc double[p];
        f[0] = 1;
        for (int k = 1; k < p; k++)
        {
            f[k] = f[k - 1] * u;
        }

        double variance = NoiseVariance;
        for (int a = 0; a < p; a++)
        {
            for (int b = 0; b < p; b++)
            {
                variance += f[a] * covariance[(a * p) + b] * f[b];
            }
        }

        return Math.Sqrt(Math.Max(variance, 0));
    }

    /// <summary>How far <paramref name="flops"/> lies beyond the largest budget, in decades: log₁₀(C / C_max).</summary>
    public double Decades(double flops) => Math.Log10(Require.PositiveFinite(flops, nameof(flops)) / LargestBudgetFlops);

    /// <summary>Creates a forecast; the covariance must be p × p for p = 2 or 3 coefficients, and every number finite.</summary>
    public static OptimumForecast Create(
        ExtrapolationMethod method,
        double originLogFlops,
        double largestBudgetFlops,
        IReadOnlyList<double> coefficients,
        IReadOnlyList<double> covariance,
        double noiseVariance,
        LossLaw? lossLaw = null)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        ArgumentNullException.ThrowIfNull(covariance);
        int p = coefficients.Count;
        if (p is < 2 or > 3)
        {
            throw new ArgumentException($"coefficients: a forecast has 2 or 3 coefficients, got {p}.", nameof(coefficients));
        }

        if (covariance.Count != p * p)
        {
            throw new ArgumentException($"covariance: expected {p * p} entries for {p} coefficients, got {covariance.Count}.", nameof(covariance));
        }

        if (coefficients.Concat(covariance).Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("coefficients and covariance must be finite.", nameof(coefficients));
        }

        return new OptimumForecast(
            method,
            Require.Finite(originLogFlops, nameof(originLogFlops)),
            Require.PositiveFinite(largestBudgetFlops, nameof(largestBudgetFlops)),
            coefficients.ToArray(),
            covariance.ToArray(),
            Require.NonNegativeFinite(noiseVariance, nameof(noiseVariance)),
            lossLaw);
    }

    private double U(double flops) => Math.Log(Require.PositiveFinite(flops, nameof(flops))) - OriginLogFlops;
}
