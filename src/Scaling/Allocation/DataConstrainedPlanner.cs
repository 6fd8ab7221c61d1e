using Scaling.Laws;

namespace Scaling.Allocation;

/// <summary>
/// Plans a budget C = k·N·D when only U unique tokens exist: minimises the data-constrained loss
/// <c>L(N, C/(k·N), U)</c> of Muennighoff et al. 2023 over N.
/// </summary>
/// <remarks>
/// The data-constrained loss is never below the base law's and equals it at the unconstrained optimum when U is
/// large enough, so U → ∞ recovers the Chinchilla plan, and more unique data never raises the optimal loss.
/// <example><code>
/// var planner = DataConstrainedPlanner.Create(LawPresets.Muennighoff2023);
/// var plan = planner.Optimum(flops: 1e24, uniqueTokens: 500e9); // epochs, D', loss vs the unconstrained loss
/// </code></example>
/// </remarks>
public sealed record DataConstrainedPlanner
{
    // The optimum moves at most a few-fold from the unconstrained one over any realistic U; 10^4 either way is ample.
    private const double SearchSpan = 1e4;

    private DataConstrainedPlanner(DataConstrainedLossLaw law, ComputeOptimalFrontier frontier)
    {
        Law = law;
        Frontier = frontier;
    }

    /// <summary>The data-constrained law being planned with.</summary>
    public DataConstrainedLossLaw Law { get; }

    /// <summary>The base law's frontier under C = k·N·D: the plan with unlimited unique data.</summary>
    public ComputeOptimalFrontier Frontier { get; }

    /// <summary>A planner for a data-constrained law under C = k·N·D.</summary>
    public static DataConstrainedPlanner Create(DataConstrainedLossLaw law, double flopsPerParameterToken = FlopsPerParameterToken.Training)
    {
        ArgumentNullException.ThrowIfNull(law);
        return new DataConstrainedPlanner(law, ComputeOptimalFrontier.Create(law.BaseLaw, flopsPerParameterToken));
    }

    /// <summary>
    /// A planner for a named parametric law, with its <see cref="ParametricLaw.Repetition"/> (fitted alongside it or,
    /// when it has none, Muennighoff et al.'s constants).
    /// </summary>
    public static DataConstrainedPlanner Create(ParametricLaw law, double flopsPerParameterToken = FlopsPerParameterToken.Training)
    {
        ArgumentNullException.ThrowIfNull(law);
        return Create(DataConstrainedLossLaw.Create(law.LossLaw, law.Repetition), flopsPerParameterToken);
    }

    /// <summary>The best N and D for <paramref name="flops"/> with <paramref name="uniqueTokens"/> unique tokens.</summary>
    public DataConstrainedOptimum Optimum(double flops, double uniqueTokens)
    {
        Require.PositiveFinite(flops, nameof(flops));
        Require.PositiveFinite(uniqueTokens, nameof(uniqueTokens));
        var unconstrained = Frontier.Optimum(flops);
        var constrained = Solve(flops, uniqueTokens);
        double parameters = constrained.Parameters;
        double tokens = constrained.Tokens;
        return new DataConstrainedOptimum(
            constrained,
            uniqueTokens,
            Law.EffectiveTokens(tokens, uniqueTokens),
            Law.EffectiveParameters(parameters, tokens, uniqueTokens),
            unconstrained,
            Law.Loss(unconstrained.Parameters, unconstrained.Tokens, uniqueTokens),
            ReturnsRatio(flops, uniqueTokens, constrained.Loss));
    }

    private LossOptimum Solve(double flops, double uniqueTokens)
    {
        var unconstrained = Frontier.Optimum(flops);
        if (unconstrained.Tokens <= uniqueTokens)
        {
            // No repetition at the base optimum, and there N = N_opt(D): the constrained loss equals the base loss
            // there and is never below it elsewhere, so the base optimum is exact.
            return unconstrained;
        }

        double k = Frontier.FlopsPerParameterToken;
        double Loss(double parameters) => Law.Loss(parameters, flops / (k * parameters), uniqueTokens);
        double center = unconstrained.Parameters;
        double parameters = LogScaleMinimizer.Minimize(Loss, center / SearchSpan, center * SearchSpan);
        double tokens = flops / (k * parameters);
        return LossOptimum.Checked(flops, parameters, tokens, (n, _) => Loss(n), Frontier.ExponentA, Frontier.ExponentB);
    }

    private double ReturnsRatio(double flops, double uniqueTokens, double loss)
    {
        double unconstrainedGain = Frontier.OptimalLoss(flops / 2) - Frontier.OptimalLoss(flops);
        double constrainedGain = Solve(flops / 2, uniqueTokens).Loss - loss;
        return unconstrainedGain > 0 ? Math.Clamp(constrainedGain / unconstrainedGain, 0, 1) : 1;
    }

}
