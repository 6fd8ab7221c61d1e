using Scaling.Allocation;
using Scaling.Cli.Shared;
using Scaling.Laws;
using Scaling.Text;

namespace Scaling.Cli.Commands.Plan;

/// <summary>
/// <c>scaling plan --flops C --inference-tokens T</c>: the model with the quality of the Chinchilla-optimal model at C
/// that costs least over its life, training plus serving T tokens (Sardana et al. 2024).
/// </summary>
internal static class InferenceMode
{
    public const string Option = "--inference-tokens";

    public static InferenceAwareOptimum Solve(ScalingLaw law, double flops, double inferenceTokens, double inferenceCostWeight)
    {
        var plan = InferenceAwarePlanner.Create(LawOption.RequireLoss(law, Option, "an inference-aware plan").LossLaw).Optimum(flops, inferenceTokens, inferenceCostWeight);
        plan.Chinchilla.Plannable();
        plan.Optimum.Plannable();
        return plan;
    }

    /// <param name="law">The law planned with.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="eurosPerTrainingFlop">With --gpu, the price of a training FLOP, so that costs read in euros.</param>
    public static string Describe(ScalingLaw law, InferenceAwareOptimum plan, double? eurosPerTrainingFlop = null)
    {
        var optimum = plan.Optimum;
        var chinchilla = plan.Chinchilla;
        string unit = plan.InferenceCostWeight == 1 ? "FLOPs" : "FLOP-equivalents of training cost";
        string cost = eurosPerTrainingFlop is { } price
            ? $"{NumberText.Euros(plan.TotalCost * price)} instead of {NumberText.Euros(plan.ChinchillaTotalCost * price)} for training and serving"
            : $"{NumberText.Scientific(plan.TotalCost)} instead of {NumberText.Scientific(plan.ChinchillaTotalCost)} {unit}";
        return $"{NumberText.Count(optimum.Parameters)} parameters on {NumberText.Count(optimum.Tokens)} tokens, "
            + $"{NumberText.Ratio(optimum.TokensPerParameter)} tokens/parameter, predicted loss {NumberText.Loss(optimum.Loss)}.\n"
            + $"  It matches the Chinchilla-optimal {NumberText.Count(chinchilla.Parameters)} parameters on {NumberText.Count(chinchilla.Tokens)} tokens "
            + $"and, serving {NumberText.Count(plan.InferenceTokens)} inference tokens, costs {cost}: {NumberText.Percent(plan.SavingFraction)} less over its life.\n"
            + $"  Training {NumberText.Scientific(optimum.Flops)} FLOPs (the Chinchilla budget was {NumberText.Scientific(chinchilla.Flops)}), "
            + $"inference {NumberText.Scientific(plan.InferenceFlops)} FLOPs (2·N per token).\n"
            + $"  Law '{law.Name}' ({law.Source}).";
    }
}
