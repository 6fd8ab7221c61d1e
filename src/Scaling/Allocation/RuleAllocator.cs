using Scaling.Laws;

namespace Scaling.Allocation;

/// <summary>
/// Plans with a <see cref="PowerLawAllocationRule"/> under C = k·N·D: <c>N = k_N·C^a</c> and
/// <c>D = C/(k·N) = k_D·C^b</c>, with <c>k_D = 1/(k·k_N)</c> and <c>b = 1 − a</c>, so k·N·D = C holds exactly.
/// </summary>
/// <example><code>
/// var allocator = RuleAllocator.Create(PowerLawAllocationRule.Create(parametersCoefficient: 0.09655, exponentA: 0.4983));
/// var plan = allocator.Optimum(5.76e23); // ≈ 67B parameters on ≈ 1.4T tokens (Hoffmann et al. 2022, Table 3)
/// </code></example>
public sealed record RuleAllocator : IComputeAllocator
{
    private RuleAllocator(PowerLawAllocationRule rule, double flopsPerParameterToken)
    {
        Rule = rule;
        FlopsPerParameterToken = flopsPerParameterToken;
    }

    /// <summary>The rule being planned with.</summary>
    public PowerLawAllocationRule Rule { get; }

    /// <inheritdoc />
    public double FlopsPerParameterToken { get; }

    /// <summary>k_D = 1/(k·k_N) in D_opt = k_D·C^b.</summary>
    public double TokensCoefficient => 1.0 / (FlopsPerParameterToken * Rule.ParametersCoefficient);

    /// <summary>The allocator of <paramref name="rule"/> under C = k·N·D.</summary>
    public static RuleAllocator Create(PowerLawAllocationRule rule, double flopsPerParameterToken = Allocation.FlopsPerParameterToken.Training)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Require.PositiveFinite(flopsPerParameterToken, nameof(flopsPerParameterToken));
        return new RuleAllocator(rule, flopsPerParameterToken);
    }

    /// <inheritdoc />
    /// <exception cref="InfeasiblePlanException">N or D underflows to 0 or overflows in double precision.</exception>
    public ComputeOptimum Optimum(double flops)
    {
        Require.PositiveFinite(flops, nameof(flops));
        return At(flops, Rule.Parameters(flops));
    }

    /// <inheritdoc />
    /// <remarks>C = (N/k_N)^(1/a).</remarks>
    /// <exception cref="InfeasiblePlanException">The compute overflows or underflows in double precision.</exception>
    public ComputeOptimum OptimumForParameters(double parameters)
    {
        Require.PositiveFinite(parameters, nameof(parameters));
        double flops = Rule.FlopsForParameters(parameters);
        return double.IsFinite(flops) && flops > 0 ? At(flops, parameters) : throw InfeasiblePlanException.ForSize(parameters, flops);
    }

    private ComputeOptimum At(double flops, double parameters) =>
        ComputeOptimum.Checked(flops, parameters, flops / (FlopsPerParameterToken * parameters), Rule.ExponentA, Rule.ExponentB);
}
