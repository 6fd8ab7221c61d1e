namespace Scaling.Fitting.Extrapolation;

/// <summary>
/// What published IsoFLOP studies say about N*(C) before a user's runs are seen: the exponent a = d ln N*/d ln C, its
/// drift with scale (the curvature of ln N* in ln C), and the noise of a budget's observed N*.
/// </summary>
/// <remarks>
/// Each study's vertices, over its whole range, are fitted with a line (slope) and a parabola (curvature) in ln C;
/// the means and standard deviations across studies (each group of studies sharing runs weighted equally) are the
/// prior's (an empirical-Bayes prior: Efron &amp; Morris 1975, JASA 70:311). <see cref="ExtrapolationCalibration.Compute"/>
/// derives it from a corpus; <see cref="ExtrapolationCalibration.Embedded"/> holds it for the studies in
/// <c>data/benchmarks/isoflops</c>.
/// <example><code>new DriftPrior(SlopeMean: 0.505, SlopeSd: 0.03, CurvatureMean: -0.004, CurvatureSd: 0.004, VertexNoise: 0.05)</code></example>
/// </remarks>
/// <param name="SlopeMean">Mean exponent a (ln N* per ln C).</param>
/// <param name="SlopeSd">Its standard deviation across studies.</param>
/// <param name="CurvatureMean">Mean c₂ of ln N* = c₀ + c₁·u + c₂·u² (u = ln C − ln C₀).</param>
/// <param name="CurvatureSd">The standard deviation the drift estimator allows c₂ about its mean.</param>
/// <param name="VertexNoise">σ₀: the typical scatter of a budget's observed ln N* about a smooth curve.</param>
/// <param name="NoiseWeight">How many observations σ₀ counts as when pooled with a user's own scatter (default 2).</param>
public sealed record DriftPrior(double SlopeMean, double SlopeSd, double CurvatureMean, double CurvatureSd, double VertexNoise, double NoiseWeight = 2)
{
    /// <summary>Validates the prior: means finite, standard deviations and σ₀ positive, the weight non-negative.</summary>
    public DriftPrior Validated()
    {
        Require.Finite(SlopeMean, nameof(SlopeMean));
        Require.PositiveFinite(SlopeSd, nameof(SlopeSd));
        Require.Finite(CurvatureMean, nameof(CurvatureMean));
        Require.PositiveFinite(CurvatureSd, nameof(CurvatureSd));
        Require.PositiveFinite(VertexNoise, nameof(VertexNoise));
        Require.NonNegativeFinite(NoiseWeight, nameof(NoiseWeight));
        return this;
    }
}
