namespace Scaling.Laws;

/// <summary>
/// An allocation rule without a loss: <c>N_opt = k_N·C^a</c>; the tokens follow from the budget,
/// <c>D_opt = C/(k·N_opt)</c>, so they grow as C^b with <c>b = 1 − a</c>.
/// </summary>
/// <remarks>
/// Hoffmann et al. 2022 report Approaches 1 and 2 in this form (Table 2), and the rule of thumb
/// "20 tokens per parameter" is the special case a = ½, k_N = 1/√(20·k). Plan with it through
/// <c>Scaling.Allocation.RuleAllocator</c> (or <c>rule.Allocator()</c>).
/// <example><code>
/// var rule = PowerLawAllocationRule.Create(parametersCoefficient: 0.09655, exponentA: 0.4983);
/// double parameters = rule.Parameters(5.76e23); // ≈ 67B (Hoffmann et al. 2022, Table 3)
/// </code></example>
/// </remarks>
public sealed record PowerLawAllocationRule
{
    private PowerLawAllocationRule(double parametersCoefficient, double exponentA)
    {
        ParametersCoefficient = parametersCoefficient;
        ExponentA = exponentA;
    }

    /// <summary>k_N in N_opt = k_N·C^a.</summary>
    public double ParametersCoefficient { get; }

    /// <summary>a in N_opt = k_N·C^a.</summary>
    public double ExponentA { get; }

    /// <summary>b = 1 − a: D_opt grows as C^b.</summary>
    public double ExponentB => 1.0 - ExponentA;

    /// <summary>Creates a rule; k_N &gt; 0 and 0 &lt; a &lt; 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">k_N is not finite and positive, or a lies outside (0, 1).</exception>
    public static PowerLawAllocationRule Create(double parametersCoefficient, double exponentA)
    {
        Require.PositiveFinite(parametersCoefficient, nameof(parametersCoefficient));
        if (!double.IsFinite(exponentA) || exponentA <= 0 || exponentA >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(exponentA), exponentA, "exponentA must lie in (0, 1).");
        }

        return new PowerLawAllocationRule(parametersCoefficient, exponentA);
    }

    /// <summary>
    /// The rule "<paramref name="tokensPerParameter"/> tokens per parameter" under C = k·N·D: D = r·N, so
    /// C = k·r·N² and N = √(C/(k·r)), i.e. k_N = 1/√(k·r) and a = ½.
    /// </summary>
    /// <remarks>k defaults to 6 FLOPs per parameter per token (Kaplan et al. 2020, arXiv 2001.08361, §2.1).</remarks>
    public static PowerLawAllocationRule FixedTokensPerParameter(double tokensPerParameter, double flopsPerParameterToken = 6.0)
    {
        Require.PositiveFinite(tokensPerParameter, nameof(tokensPerParameter));
        Require.PositiveFinite(flopsPerParameterToken, nameof(flopsPerParameterToken));
        return Create(1.0 / Math.Sqrt(tokensPerParameter * flopsPerParameterToken), 0.5);
    }

    /// <summary>The compute-optimal model size <c>N = k_N·C^a</c> for <paramref name="flops"/>.</summary>
    public double Parameters(double flops)
    {
        Require.PositiveFinite(flops, nameof(flops));
        return ParametersCoefficient * Math.Pow(flops, ExponentA);
    }

    /// <summary>The compute at which <paramref name="parameters"/> is optimal: <c>C = (N/k_N)^(1/a)</c>.</summary>
    public double FlopsForParameters(double parameters)
    {
        Require.PositiveFinite(parameters, nameof(parameters));
        return Math.Pow(parameters / ParametersCoefficient, 1.0 / ExponentA);
    }
}
