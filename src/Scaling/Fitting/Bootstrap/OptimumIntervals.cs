using Scaling.Allocation;
using Scaling.Laws;

namespace Scaling.Fitting.Bootstrap;

/// <summary>
/// Bootstrap intervals of the compute-optimal plan at a budget: N*, D*, D*/N* and the predicted loss, from the laws
/// refitted to resamples of the runs (<see cref="FittedLaw.Resamples"/>). Each resampled law gives its own optimum
/// at the budget; the percentile interval of those optima is the plan's uncertainty from the fit.
/// </summary>
/// <remarks>
/// <example><code>
/// var law = FittedLaw.Create(ScalingLaw.Parametric("fit", fit.Law, "runs.csv", "Approach 3"), bootstrap.ResampledLaws());
/// var intervals = OptimumIntervals.At(law, 1e24);     // intervals.Parameters.Lower, .Upper
/// </code></example>
/// </remarks>
/// <param name="Flops">The budget C.</param>
/// <param name="Parameters">N* at C.</param>
/// <param name="Tokens">D* at C.</param>
/// <param name="TokensPerParameter">D*/N* at C.</param>
/// <param name="Loss">The predicted loss of the optimum at C (each resampled law's own prediction).</param>
public sealed record OptimumIntervals(double Flops, Interval Parameters, Interval Tokens, Interval TokensPerParameter, Interval Loss)
{
    /// <summary>
    /// The intervals at <paramref name="flops"/>, or null when <paramref name="law"/> is an allocation rule or carries
    /// fewer than two resampled refits.
    /// </summary>
    /// <param name="law">A parametric law with its <see cref="FittedLaw.Resamples"/>.</param>
    /// <param name="flops">The budget C in FLOPs.</param>
    /// <param name="level">The coverage of the percentile intervals (default 0.95).</param>
    /// <param name="flopsPerParameterToken">k in C = k·N·D (default 6).</param>
    public static OptimumIntervals? At(FittedLaw law, double flops, double level = 0.95, double flopsPerParameterToken = FlopsPerParameterToken.Training)
    {
        ArgumentNullException.ThrowIfNull(law);
        return law.Law is ParametricLaw parametric && law.Resamples.Count >= 2
            ? At(parametric.LossLaw, law.Resamples, flops, level, flopsPerParameterToken)
            : null;
    }

    /// <summary>The intervals at <paramref name="flops"/> from the fitted <paramref name="estimate"/> and its refits.</summary>
    /// <exception cref="ArgumentException">Fewer than two refits.</exception>
    public static OptimumIntervals At(LossLaw estimate, IReadOnlyList<LossLaw> resamples, double flops, double level = 0.95, double flopsPerParameterToken = FlopsPerParameterToken.Training)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(resamples);
        Require.PositiveFinite(flops, nameof(flops));
        var optimum = ComputeOptimalFrontier.Create(estimate, flopsPerParameterToken).Optimum(flops);
        var optima = resamples.Select(l => ComputeOptimalFrontier.Create(l, flopsPerParameterToken).Optimum(flops)).ToArray();
        return new OptimumIntervals(
            flops,
            Interval.FromSamples(optimum.Parameters, optima.Select(o => o.Parameters), level),
            Interval.FromSamples(optimum.Tokens, optima.Select(o => o.Tokens), level),
            Interval.FromSamples(optimum.TokensPerParameter, optima.Select(o => o.TokensPerParameter), level),
            Interval.FromSamples(optimum.Loss, optima.Select(o => o.Loss), level));
    }
}
