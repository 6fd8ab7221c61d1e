using System.Globalization;
using Scaling.Allocation;
using Scaling.Laws;
using Scaling.Text;

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
    /// <exception cref="UnusableRunsException">A refit has no finite optimum at <paramref name="flops"/>.</exception>
    public static OptimumIntervals At(LossLaw estimate, IReadOnlyList<LossLaw> resamples, double flops, double level = 0.95, double flopsPerParameterToken = FlopsPerParameterToken.Training)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(resamples);
        Require.PositiveFinite(flops, nameof(flops));
        var optimum = ComputeOptimalFrontier.Create(estimate, flopsPerParameterToken).Optimum(flops);
        var optima = resamples.Select(l => Optimum(l, flops, flopsPerParameterToken)).ToArray();
        int infinite = optima.Count(o => o is null);
        if (infinite > 0)
        {
            // An interval with an infinite bound says nothing a reader can use (and no JSON can hold it): the refits
            // disagree beyond any number, which is the data's problem, not the plan's.
            throw new UnusableRunsException(
                "refits",
                infinite,
                "a finite optimum from every refit",
                string.Create(CultureInfo.InvariantCulture, $"at {NumberText.Scientific(flops)} FLOPs, {infinite} of {optima.Length} bootstrap refits give no finite compute-optimal model: the runs do not pin the plan there ")
                + "(do the losses mix scales, e.g. raw and exponentiated, or units?); check the loss column, or plan at a budget nearer the runs.");
        }

        return new OptimumIntervals(
            flops,
            Interval.FromSamples(optimum.Parameters, optima.OfType<LossOptimum>().Select(o => o.Parameters), level),
            Interval.FromSamples(optimum.Tokens, optima.OfType<LossOptimum>().Select(o => o.Tokens), level),
            Interval.FromSamples(optimum.TokensPerParameter, optima.OfType<LossOptimum>().Select(o => o.TokensPerParameter), level),
            Interval.FromSamples(optimum.Loss, optima.OfType<LossOptimum>().Select(o => o.Loss), level));
    }

    // A refit's optimum at the budget, or null when it has none a double can hold.
    private static LossOptimum? Optimum(LossLaw law, double flops, double flopsPerParameterToken)
    {
        try
        {
            var o = ComputeOptimalFrontier.Create(law, flopsPerParameterToken).Optimum(flops);
            return double.IsFinite(o.Parameters) && double.IsFinite(o.Tokens) && double.IsFinite(o.TokensPerParameter) && double.IsFinite(o.Loss) ? o : null;
        }
        catch (ScalingException)
        {
            return null;
        }
    }
}
