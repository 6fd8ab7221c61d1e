using Scaling.Laws;

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
/// var frontier = ComputeOptimalFrontier.Create(LawPresets.Hoffmann2022Unrounded.Law!);
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
    public static ComputeOptimalFrontier Create(LossLaw law, double flopsPerParameterToken = Allocation.FlopsPerParameterToken.Training)
    {
        ArgumentNullException.ThrowIfNull(law);
        Require.PositiveFinite(flopsPerParameterToken, nameof(flopsPerParameterToken));
        return new ComputeOptimalFrontier(law, flopsPerParameterToken);
    }

    /// <summary>The loss-minimising N and D for a budget of <paramref name="flops"/>.</summary>
    public ComputeOptimum Optimum(double flops)
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
    /// The smallest compute that reaches <paramref name="targetLoss"/>: <c>C = k·((L − E)/K)^(−1/γ)</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The target is not finite, or at or below E (no finite compute reaches it).</exception>
    public double FlopsForLoss(double targetLoss)
    {
        if (!double.IsFinite(targetLoss) || targetLoss <= Law.E)
        {
            throw new ArgumentOutOfRangeException(
                nameof(targetLoss),
                targetLoss,
                $"targetLoss must exceed the irreducible loss E = {Law.E.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}; no finite compute reaches it.");
        }

        return FlopsPerParameterToken * Math.Pow((targetLoss - Law.E) / FrontierCoefficient, -1.0 / LossDecayExponent);
    }

    /// <summary>
    /// The compute at which a model of <paramref name="parameters"/> is compute-optimal, and the tokens it should see:
    /// <c>C = k·(N/G)^(1/a)</c>, <c>D = C/(k·N)</c>.
    /// </summary>
    public ComputeOptimum OptimumForParameters(double parameters)
    {
        Require.PositiveFinite(parameters, nameof(parameters));
        double flops = FlopsPerParameterToken * Math.Pow(parameters / G, 1.0 / ExponentA);
        return At(flops, parameters);
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
    /// <exception cref="ArgumentException">Both caps bind and their product cannot absorb the budget.</exception>
    public ComputeOptimum Optimum(double flops, AllocationLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var free = Optimum(flops);
        double scaled = flops / FlopsPerParameterToken;
        double lowest = limits.MaxTokens is { } maxTokens ? scaled / maxTokens : 0;
        double highest = limits.MaxParameters ?? double.PositiveInfinity;
        if (lowest > highest)
        {
            throw new ArgumentException(
                $"flops: {Format(flops)} FLOPs need more than {Format(highest)} parameters × {Format(limits.MaxTokens!.Value)} tokens; raise a cap or lower the budget.",
                nameof(flops));
        }

        double parameters = Math.Clamp(free.Parameters, lowest, highest);
        return parameters == free.Parameters ? free : At(flops, parameters);
    }

    /// <summary>The allocation of <paramref name="flops"/> to a model of <paramref name="parameters"/>, D = C/(k·N).</summary>
    public ComputeOptimum At(double flops, double parameters)
    {
        Require.PositiveFinite(flops, nameof(flops));
        Require.PositiveFinite(parameters, nameof(parameters));
        double tokens = flops / (FlopsPerParameterToken * parameters);
        return new ComputeOptimum(flops, parameters, tokens, Law.Loss(parameters, tokens), ExponentA, ExponentB);
    }

    private static string Format(double value) => value.ToString("0.###E+00", System.Globalization.CultureInfo.InvariantCulture);
}
