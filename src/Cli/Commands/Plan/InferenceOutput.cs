using System.Text.Json.Serialization;
using Scaling.Allocation;

namespace Scaling.Cli.Commands.Plan;

/// <summary>The fields <c>scaling plan --inference-tokens</c> adds to the plan's (the euro costs only with <c>--gpu</c>).</summary>
internal sealed record InferenceOutput(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? TotalCostEuros,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ChinchillaTotalCostEuros,
    double BudgetFlops,
    double InferenceTokens,
    double InferenceFlops,
    double TotalFlops,
    double InferenceCostWeight,
    double ChinchillaParameters,
    double ChinchillaTokens,
    double ChinchillaTotalFlops,
    double SavingFraction)
{
    public static InferenceOutput From(InferenceAwareOptimum plan, double? eurosPerTrainingFlop) => new(
        plan.TotalCost * eurosPerTrainingFlop,
        plan.ChinchillaTotalCost * eurosPerTrainingFlop,
        plan.Chinchilla.Flops,
        plan.InferenceTokens,
        plan.InferenceFlops,
        plan.TotalFlops,
        plan.InferenceCostWeight,
        plan.Chinchilla.Parameters,
        plan.Chinchilla.Tokens,
        plan.ChinchillaTotalFlops,
        plan.SavingFraction);
}
