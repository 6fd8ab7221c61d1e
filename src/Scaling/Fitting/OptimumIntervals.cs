using Scaling.Allocation;
using Scaling.Laws;

namespace Scaling.Fitting;

/// <summary>
/// Bootstrap intervals of the compute-optimal plan at a budget: N*, D*, D*/N* and the predicted loss, from the laws
/// refitted to resamples of the runs (<see cref="NamedLaw.Resamples"/>). Each resampled law gives its own optimum
/// at the budget; the percentile interval of those optima is the plan's uncertainty from the fit.
/// </summary>
/// <remarks>
/// <example><code>
/// var law = NamedLaw.Parametric("fit", fit.Law, "runs.csv", "Approach 3").WithResamples(bootstrap.ResampledLaws());
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
    /// <summary>The intervals at <paramref name="flops"/>, or null when <paramref name="law"/> carries fewer than two resampled refits.</summary>
    /// <param name="law">A parametric law with <see cref="NamedLaw.Resamples"/>.</param>
    /// <param name="flops">The budget C in FLOPs.</param>
    /// <param name="level">The coverage of the percentile intervals (default 0.95).</param>
    /// <param name="flopsPerParameterToken">k in C = k·N·D (default 6).</param>
    public static OptimumIntervals? At(NamedLaw law, double flops, double level = 0.95, double flopsPerParameterToken = FlopsPerParameterToken.Training)
    {
        ArgumentNullException.ThrowIfNull(law);
        Require.PositiveFinite(flops, nameof(flops));
        if (law.LossLaw is null || law.Resamples.Count < 2)
        {
            return null;
        }

        var estimate = ComputeOptimalFrontier.Create(law.LossLaw, flopsPerParameterToken).Optimum(flops);
        var optima = law.Resamples.Select(l => ComputeOptimalFrontier.Create(l, flopsPerParameterToken).Optimum(flops)).ToArray();
        return new OptimumIntervals(
            flops,
            Interval.FromSamples(estimate.Parameters, optima.Select(o => o.Parameters), level),
            Interval.FromSamples(estimate.Tokens, optima.Select(o => o.Tokens), level),
            Interval.FromSamples(estimate.TokensPerParameter, optima.Select(o => o.TokensPerParameter), level),
            Interval.FromSamples(estimate.Loss!.Value, optima.Select(o => o.Loss!.Value), level));
    }
}
