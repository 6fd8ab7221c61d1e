using Scaling.Laws;
using Scaling.Text;

namespace Scaling.Allocation;

/// <summary>
/// Sardana et al. 2024 (arXiv 2401.00448): minimise <c>k·N·D_train + w·2·N·T</c> subject to
/// <c>L(N, D_train) = ℓ</c>, where ℓ is the loss of the Chinchilla-optimal model for the budget, T the lifetime
/// inference tokens and w the relative price of an inference FLOP. There is no closed form.
/// </summary>
/// <remarks>
/// On the iso-loss curve <c>D(N) = (B/(ℓ − E − A·N^−α))^(1/β)</c>, and the cost has the derivative
/// <c>h(N) = k·D·(1 − αA·N^−α/(β·r)) + 2wT</c> with <c>r = ℓ − E − A·N^−α</c>. At T = 0 its root is the Chinchilla
/// size exactly; for T &gt; 0 h is positive there and tends to −∞ at the smallest size that can reach ℓ, so the
/// optimum is found by bisection in ln N to machine precision — and it can only be smaller than Chinchilla's.
/// <example><code>
/// var planner = InferenceAwarePlanner.Create(LawPresets.Hoffmann2022Unrounded.LossLaw);
/// var plan = planner.Optimum(flops: 4.81e22, inferenceTokens: 2e12); // ≈ 7.1B on ≈ 1.3T tokens, ≈ 16% saved
/// </code></example>
/// </remarks>
public sealed record InferenceAwarePlanner
{
    /// <summary>2 FLOPs per parameter per token for a forward pass (Kaplan et al. 2020, §2.1).</summary>
    public const double ForwardFlopsPerParameterToken = 2.0;

    private InferenceAwarePlanner(ComputeOptimalFrontier frontier) => Frontier = frontier;

    /// <summary>The frontier that defines the target loss.</summary>
    public ComputeOptimalFrontier Frontier { get; }

    /// <summary>A planner for <paramref name="law"/> under C = k·N·D.</summary>
    public static InferenceAwarePlanner Create(LossLaw law, double flopsPerParameterToken = FlopsPerParameterToken.Training) =>
        new(ComputeOptimalFrontier.Create(law, flopsPerParameterToken));

    /// <summary>
    /// The cheapest model over training and <paramref name="inferenceTokens"/> of inference that matches the loss of the
    /// Chinchilla-optimal model for <paramref name="flops"/>.
    /// </summary>
    /// <param name="flops">The training budget whose Chinchilla-optimal model sets the quality target.</param>
    /// <param name="inferenceTokens">Lifetime inference tokens, ≥ 0.</param>
    /// <param name="inferenceCostWeight">Price of an inference FLOP relative to a training FLOP (&gt; 0); 1 compares FLOPs.</param>
    public InferenceAwareOptimum Optimum(double flops, double inferenceTokens, double inferenceCostWeight = 1)
    {
        Require.PositiveFinite(flops, nameof(flops));
        Require.NonNegativeFinite(inferenceTokens, nameof(inferenceTokens));
        Require.PositiveFinite(inferenceCostWeight, nameof(inferenceCostWeight));
        var chinchilla = Frontier.Optimum(flops);
        if (inferenceTokens == 0)
        {
            return new InferenceAwareOptimum(chinchilla, chinchilla, 0, inferenceCostWeight, ForwardFlopsPerParameterToken);
        }

        double target = Frontier.Law.Loss(chinchilla.Parameters, chinchilla.Tokens);
        double parameters = Bisect(target, chinchilla.Parameters, inferenceCostWeight * inferenceTokens);
        double tokens = TokensForLoss(target, parameters);
        if (!double.IsFinite(tokens) || tokens <= 0)
        {
            // At extreme budgets the target sits within rounding of E and the iso-loss curve leaves double range.
            throw InfeasiblePlanException.Result("tokens", tokens, "finite and greater than 0", flops);
        }

        double trainingFlops = Frontier.FlopsPerParameterToken * parameters * tokens;
        var optimum = LossOptimum.Checked(trainingFlops, parameters, tokens, Frontier.Law.Loss, Frontier.ExponentA, Frontier.ExponentB);
        var plan = new InferenceAwareOptimum(optimum, chinchilla, inferenceTokens, inferenceCostWeight, ForwardFlopsPerParameterToken);
        if (!double.IsFinite(plan.ChinchillaTotalCost) || !double.IsFinite(plan.TotalCost))
        {
            throw new InfeasiblePlanException(
                "inferenceTokens",
                inferenceTokens,
                "small enough that the lifetime cost is finite",
                string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"serving {NumberText.Value(inferenceTokens)} tokens costs more FLOPs than a double holds, so no plan can be compared; give a lifetime demand in a realistic range, e.g. 2e12 tokens."));
        }

        return plan;
    }

    /// <summary>D on the iso-loss curve: <c>(B/(ℓ − E − A·N^−α))^(1/β)</c>; infinite where N alone cannot reach ℓ.</summary>
    private double TokensForLoss(double loss, double parameters)
    {
        var law = Frontier.Law;
        double remaining = loss - law.E - law.ParameterTerm(parameters);
        return remaining > 0 ? Math.Pow(law.B / remaining, 1 / law.Beta) : double.PositiveInfinity;
    }

    private double CostSlope(double loss, double parameters, double weightedInferenceTokens)
    {
        var law = Frontier.Law;
        double parameterTerm = law.ParameterTerm(parameters);
        double remaining = loss - law.E - parameterTerm;
        if (remaining <= 0)
        {
            return double.NegativeInfinity;
        }

        double tokens = Math.Pow(law.B / remaining, 1 / law.Beta);
        double slope = (Frontier.FlopsPerParameterToken * tokens * (1 - (law.Alpha * parameterTerm / (law.Beta * remaining))))
            + (ForwardFlopsPerParameterToken * weightedInferenceTokens);
        return double.IsNaN(slope) ? double.NegativeInfinity : slope;
    }

    // Our bisection, not MathNet's Bisection.FindRoot (used by NearOptimalRange): the answer must be the upper end of the
    // last bracket, where the slope is positive and the size can still reach the loss; MathNet returns a midpoint or
    // either end, and the lower end can lie below the smallest size that reaches the loss (infinite tokens).
    private double Bisect(double loss, double chinchillaParameters, double weightedInferenceTokens)
    {
        var law = Frontier.Law;
        // The smallest model that reaches the loss with infinite data: A·N^−α = ℓ − E.
        double lo = Math.Log(Math.Pow(law.A / (loss - law.E), 1 / law.Alpha));
        double hi = Math.Log(chinchillaParameters);
        for (int i = 0; i < 200 && hi - lo > 1e-15 * Math.Abs(hi); i++)
        {
            double mid = 0.5 * (lo + hi);
            if (CostSlope(loss, Math.Exp(mid), weightedInferenceTokens) > 0)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return Math.Exp(hi);
    }
}
