using Scaling.Laws;

namespace Scaling.Cli.Shared;

/// <summary>An allocation rule N* = k_N·C^a as written under <c>rule</c>, which <see cref="LawJson"/> reads back.</summary>
internal sealed record AllocationRuleOutput(double ParametersCoefficient, double ExponentA)
{
    public static AllocationRuleOutput From(PowerLawAllocationRule rule) => new(rule.ParametersCoefficient, rule.ExponentA);
}
