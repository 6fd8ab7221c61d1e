using Scaling.Laws;
using Scaling.Text;

namespace Scaling.Allocation;

/// <summary>
/// The compute-optimal frontier of a <see cref="LossLaw"/> under C = k·N·D (Hoffmann et al. 2022, Eq. 4 and App. A):
/// <c>N*(C) = G·(C/k)^a</c>, <c>D*(C) = G⁻¹·(C/k)^b</c>, with <c>G = (αA/(βB))^(1/(α+β))</c>,
/// <c>a = β/(α+β)</c> and <c>b = α/(α+β)</c>.
/// </summary>
/// <remarks>
/// Along the frontier the loss is <c>L*(C) = E + K·(C/k)^(−γ)</c> with <c>γ = αβ/(α+β)</c> and
/// <c>K = A·G^(−α) + B·G^β</c>, which gives the inverse <see cref="FlopsForLoss"/> in closed form.
/// <example><code>
/// var frontier = ComputeOptimalFrontier.Create(LawPresets.Hoffmann2022Unrounded.LossLaw);
/// var plan = frontier.Optimum(5.76e23); // 40.4B parameters on 2.38T tokens
/// </code></example>
/// </remarks>
public sealed record ComputeOptimalFrontier : IComputeAllocator
{
    private ComputeOptimalFrontier(LossLaw law, double flopsPerParameterToken)
    {
        Law = law;
        FlopsPerParameterToken = flopsPerParameterToken;
        ExponentA = law.Beta / (law.Alpha + law.Beta);
        ExponentB = law.Alpha / (law.Alpha + law.Beta);
        G = Math.Pow(law.Alpha * law.A / (law.Beta * law.B), 1.0 / (law.Alpha + law.Beta));
        LossDecayExponent = law.Alpha * law.Beta / (law.Alpha + law.Beta);
        FrontierCoefficient = law.A * Math.Pow(G, -law.Alpha) + law.B * Math.Pow(G, law.Beta);
    }

    /// <summary>The law whose frontier this is.</summary>
    public LossLaw Law { get; }

    /// <summary>k in C = k·N·D (6 by default).</summary>
    public double FlopsPerParameterToken { get; }

    /// <summary>a = β/(α+β): N* grows as C^a.</summary>
    public double ExponentA { get; }

    /// <summary>b = α/(α+β): D* grows as C^b.</summary>
    public double ExponentB { get; }

    /// <summary>G = (αA/(βB))^(1/(α+β)).</summary>
    public double G { get; }

    /// <summary>γ = αβ/(α+β): the reducible loss on the frontier falls as C^(−γ).</summary>
    public double LossDecayExponent { get; }

    /// <summary>K = A·G^(−α) + B·G^β: the reducible loss on the frontier is K·(C/k)^(−γ).</summary>
    public double FrontierCoefficient { get; }

    /// <summary>Creates the frontier of <paramref name="law"/> under C = k·N·D.</summary>
    /// <exception cref="InvalidLawException">
    /// The coefficients are each valid but the frontier degenerates in double precision: an exponent a or b reaches 0 or
    /// 1 (α or β negligible beside the other), or G, K or γ is 0 or infinite.
    /// </exception>
    public static ComputeOptimalFrontier Create(LossLaw law, double flopsPerParameterToken = Allocation.FlopsPerParameterToken.Training)
    {
        ArgumentNullException.ThrowIfNull(law);
        Require.PositiveFinite(flopsPerParameterToken, nameof(flopsPerParameterToken));
        var frontier = new ComputeOptimalFrontier(law, flopsPerParameterToken);
        frontier.CheckUsable();
        return frontier;
    }

    /// <summary>The loss-minimising N and D for a budget of <paramref name="flops"/>.</summary>
    /// <exception cref="InfeasiblePlanException">N or D underflows to 0 or overflows in double precision.</exception>
    public LossOptimum Optimum(double flops)
    {
        Require.PositiveFinite(flops, nameof(flops));
        double scaled = flops / FlopsPerParameterToken;
        double parameters = G * Math.Pow(scaled, ExponentA);
        return At(flops, parameters);
    }

    /// <summary>The lowest loss reachable with <paramref name="flops"/>: <c>E + K·(C/k)^(−γ)</c>.</summary>
    public double OptimalLoss(double flops)
    {
        Require.PositiveFinite(flops, nameof(flops));
        return Law.E + FrontierCoefficient * Math.Pow(flops / FlopsPerParameterToken, -LossDecayExponent);
    }

    /// <summary>
    /// The share of the compute of a model of <paramref name="parameters"/> trained on <paramref name="tokens"/> that the
    /// frontier needs for the same loss: <c>η = C*(L(N, D)) / (k·N·D)</c> with <c>C*(L) = k·((L − E)/K)^(−1/γ)</c>
    /// (<see cref="FlopsForLoss"/>). 1 on the frontier, below 1 off it; 0 when the loss is so high that C* underflows.
    /// </summary>
    /// <example><code>
    /// // Llama 3 8B on 15T tokens under Besiroglu et al. 2024: about 0.18, the price of training far past N*.
    /// double share = LawPresets.Besiroglu2024.Frontier().ComputeEfficiency(8e9, 15e12);
    /// </code></example>
    public double ComputeEfficiency(double parameters, double tokens)
    {
        Require.PositiveFinite(parameters, nameof(parameters));
        Require.PositiveFinite(tokens, nameof(tokens));
        // L − E summed term by term: subtracting E from L would lose the digits that matter far out on the frontier.
        double reducible = (Law.A * Math.Pow(parameters, -Law.Alpha)) + (Law.B * Math.Pow(tokens, -Law.Beta));
        // In logs: ln η = −ln((L − E)/K)/γ − ln N − ln D, finite where C* itself would underflow.
        double logShare = (-Math.Log(reducible / FrontierCoefficient) / LossDecayExponent) - Math.Log(parameters) - Math.Log(tokens);
        return Math.Min(1, Math.Exp(logShare));
    }

    /// <summary>
    /// The smallest compute that reaches <paramref name="targetLoss"/>: <c>C = k·((L − E)/K)^(−1/γ)</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The target is NaN or infinite.</exception>
    /// <exception cref="InfeasiblePlanException">
    /// The target is at or below E (no finite compute reaches it), or so high or so close to E that the compute
    /// underflows to 0 or overflows in double precision.
    /// </exception>
    public double FlopsForLoss(double targetLoss)
    {
        Require.Finite(targetLoss, nameof(targetLoss));
        string e = NumberText.Value(Law.E);
        if (targetLoss <= Law.E)
        {
            throw new InfeasiblePlanException(
                "loss",
                targetLoss,
                "above E = " + e,
                $"a target loss of {NumberText.Value(targetLoss)} is not above the irreducible loss E = {e}; no finite compute reaches it. Ask for a loss above {e}.");
        }

        double flops = FlopsPerParameterToken * Math.Pow((targetLoss - Law.E) / FrontierCoefficient, -1.0 / LossDecayExponent);
        if (!double.IsFinite(flops) || flops <= 0)
        {
            throw new InfeasiblePlanException(
                "loss",
                targetLoss,
                "reachable with a finite, positive compute",
                $"a target loss of {NumberText.Value(targetLoss)} needs {NumberText.Value(flops)} FLOPs, outside what a double can plan; ask for a loss between E = {e} and about {NumberText.Value(Law.E + 10)}.");
        }

        return flops;
    }

    /// <summary>
    /// The compute at which a model of <paramref name="parameters"/> is compute-optimal, and the tokens it should see:
    /// <c>C = k·(N/G)^(1/a)</c>, <c>D = C/(k·N)</c>.
    /// </summary>
    public LossOptimum OptimumForParameters(double parameters)
    {
        Require.PositiveFinite(parameters, nameof(parameters));
        double flops = FlopsPerParameterToken * Math.Pow(parameters / G, 1.0 / ExponentA);
        return double.IsFinite(flops) && flops > 0 ? At(flops, parameters) : throw InfeasiblePlanException.ForSize(parameters, flops);
    }

    /// <summary>
    /// The model size for which <paramref name="tokens"/> are compute-optimal: from D = G⁻¹·(C/k)^b,
    /// <c>C/k = (G·D)^(1/b)</c> and <c>N = C/(k·D)</c>.
    /// </summary>
    public double ParametersForTokens(double tokens)
    {
        Require.PositiveFinite(tokens, nameof(tokens));
        double scaled = Math.Pow(G * tokens, 1.0 / ExponentB);
        return scaled / tokens;
    }

    /// <summary>
    /// The best N and D for <paramref name="flops"/> when N or D is capped. Along the line k·N·D = C the loss is
    /// convex in ln N, so the capped optimum is the unconstrained one clamped into the feasible range of N.
    /// </summary>
    /// <exception cref="InfeasiblePlanException">Both caps bind and their product cannot absorb the budget.</exception>
    public LossOptimum Optimum(double flops, AllocationLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var free = Optimum(flops);
        double scaled = flops / FlopsPerParameterToken;
        double highest = limits.MaxParameters ?? double.PositiveInfinity;
        double lowest = 0;
        if (limits.MaxTokens is { } maxTokens)
        {
            lowest = scaled / maxTokens;
            if (lowest > highest)
            {
                throw new InfeasiblePlanException(
                    "flops",
                    flops,
                    $"at most {NumberText.Value(FlopsPerParameterToken * highest * maxTokens)} under the caps",
                    $"{NumberText.Value(flops)} FLOPs need more than {NumberText.Value(highest)} parameters × {NumberText.Value(maxTokens)} tokens; raise a cap or lower the budget.");
            }
        }

        double parameters = Math.Clamp(free.Parameters, lowest, highest);
        return parameters == free.Parameters ? free : At(flops, parameters);
    }

    /// <summary>The allocation of <paramref name="flops"/> to a model of <paramref name="parameters"/>, D = C/(k·N).</summary>
    /// <exception cref="InfeasiblePlanException">N or D underflows to 0 or overflows in double precision.</exception>
    public LossOptimum At(double flops, double parameters)
    {
        Require.PositiveFinite(flops, nameof(flops));
        if (!double.IsFinite(parameters) || parameters <= 0)
        {
            throw InfeasiblePlanException.Result("parameters", parameters, "finite and greater than 0", flops);
        }

        double tokens = flops / (FlopsPerParameterToken * parameters);
        return LossOptimum.Checked(flops, parameters, tokens, Law.Loss, ExponentA, ExponentB);
    }

    ComputeOptimum IComputeAllocator.Optimum(double flops) => Optimum(flops);

    ComputeOptimum IComputeAllocator.OptimumForParameters(double parameters) => OptimumForParameters(parameters);

    private void CheckUsable()
    {
        Usable("a", ExponentA, ExponentA > 0 && ExponentA < 1, "in (0, 1)");
        Usable("b", ExponentB, ExponentB > 0 && ExponentB < 1, "in (0, 1)");
        Usable("G", G, double.IsFinite(G) && G > 0, "finite and > 0");
        Usable("gamma", LossDecayExponent, double.IsFinite(LossDecayExponent) && LossDecayExponent > 0, "finite and > 0");
        Usable("K", FrontierCoefficient, double.IsFinite(FrontierCoefficient) && FrontierCoefficient > 0, "finite and > 0");
    }

    private void Usable(string quantity, double value, bool ok, string limit)
    {
        if (!ok)
        {
            throw new InvalidLawException(
                quantity,
                value,
                limit,
                $"the law {Law} has no usable compute-optimal frontier: {quantity} = {NumberText.Value(value)} must be {limit} (Hoffmann et al. 2022, Eq. 4); "
                + "use exponents alpha and beta of comparable size, e.g. between 0.05 and 1.");
        }
    }

}
