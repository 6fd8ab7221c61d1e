using Scaling.Allocation;

namespace Scaling.Cli.Commands.Plan;

/// <summary>The fields <c>scaling plan --unique-tokens</c> adds to the plan's.</summary>
internal sealed record DataConstrainedOutput(
    double UniqueTokens,
    double Epochs,
    double EffectiveTokens,
    double EffectiveParameters,
    double UnconstrainedLoss,
    double UnconstrainedParameters,
    double UnconstrainedTokens,
    double NaiveLoss,
    double ReturnsRatio,
    IReadOnlyList<string> Warnings)
{
    public static DataConstrainedOutput From(DataConstrainedOptimum plan) => new(
        plan.UniqueTokens, plan.Epochs, plan.EffectiveTokens, plan.EffectiveParameters, plan.UnconstrainedLoss, plan.Unconstrained.Parameters,
        plan.Unconstrained.Tokens, plan.NaiveLoss, plan.ReturnsRatio, DataConstrainedMode.Warnings(plan).ToArray());
}
