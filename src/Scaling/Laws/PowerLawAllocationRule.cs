using Scaling.Allocation;

namespace Scaling.Laws;

/// <summary>
/// An allocation rule without a loss: <c>N_opt = k_N·C^a</c> and <c>D_opt = C/(k·N_opt) = k_D·C^b</c>,
/// with <c>k_D = 1/(k·k_N)</c> and <c>b = 1 − a</c>, so k·N·D = C holds exactly.
/// </summary>
/// <remarks>
/// Hoffmann et al. 2022 report Approaches 1 and 2 in this form (Table 2), and the rule of thumb
/// "20 tokens per parameter" is the special case a = ½, k_N = 1/√(20·k).
/// <example><code>
/// var rule = PowerLawAllocationRule.Create(parametersCoefficient: 0.09655, exponentA: 0.4983);
/// var plan = rule.Optimum(5.76e23); // ≈ 67B parameters on ≈ 1.4T tokens (Table 3)
/// </code></example>
/// </remarks>
public sealed record PowerLawAllocationRule : IComputeAllocator
{
    private PowerLawAllocationRule(double parametersCoefficient, double exponentA, double flopsPerParameterToken)
    {
        ParametersCoefficient = parametersCoefficient;
        ExponentA = exponentA;
        FlopsPerParameterToken = flopsPerParameterToken;
    }

    /// <summary>k_N in N_opt = k_N·C^a.</summary>
    public double ParametersCoefficient { get; }

    /// <summary>a in N_opt = k_N·C^a.</summary>
    public double ExponentA { get; }

    /// <summary>b = 1 − a in D_opt = k_D·C^b.</summary>
    public double ExponentB => 1.0 - ExponentA;

    /// <summary>k_D = 1/(k·k_N) in D_opt = k_D·C^b.</summary>
    public double TokensCoefficient => 1.0 / (FlopsPerParameterToken * ParametersCoefficient);

    /// <inheritdoc />
    public double FlopsPerParameterToken { get; }

    /// <summary>Creates a rule; k_N &gt; 0, 0 &lt; a &lt; 1, k &gt; 0.</summary>
    public static PowerLawAllocationRule Create(
        double parametersCoefficient,
        double exponentA,
        double flopsPerParameterToken = Allocation.FlopsPerParameterToken.Training)
    {
        Require.PositiveFinite(parametersCoefficient, nameof(parametersCoefficient));
        if (!double.IsFinite(exponentA) || exponentA <= 0 || exponentA >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(exponentA), exponentA, "exponentA must lie in (0, 1).");
        }

        Require.PositiveFinite(flopsPerParameterToken, nameof(flopsPerParameterToken));
        return new PowerLawAllocationRule(parametersCoefficient, exponentA, flopsPerParameterToken);
    }

    /// <summary>
    /// The rule "<paramref name="tokensPerParameter"/> tokens per parameter": D = r·N, so C = k·r·N² and
    /// N = √(C/(k·r)).
    /// </summary>
    public static PowerLawAllocationRule FixedTokensPerParameter(
        double tokensPerParameter,
        double flopsPerParameterToken = Allocation.FlopsPerParameterToken.Training)
    {
        Require.PositiveFinite(tokensPerParameter, nameof(tokensPerParameter));
        Require.PositiveFinite(flopsPerParameterToken, nameof(flopsPerParameterToken));
        return Create(1.0 / Math.Sqrt(tokensPerParameter * flopsPerParameterToken), 0.5, flopsPerParameterToken);
    }

    /// <inheritdoc />
    public ComputeOptimum Optimum(double flops)
    {
        Require.PositiveFinite(flops, nameof(flops));
        double parameters = ParametersCoefficient * Math.Pow(flops, ExponentA);
        return new ComputeOptimum(flops, parameters, flops / (FlopsPerParameterToken * parameters), null, ExponentA, ExponentB);
    }

    /// <inheritdoc />
    /// <remarks>C = (N/k_N)^(1/a).</remarks>
    public ComputeOptimum OptimumForParameters(double parameters)
    {
        Require.PositiveFinite(parameters, nameof(parameters));
        double flops = Math.Pow(parameters / ParametersCoefficient, 1.0 / ExponentA);
        return new ComputeOptimum(flops, parameters, flops / (FlopsPerParameterToken * parameters), null, ExponentA, ExponentB);
    }
}
