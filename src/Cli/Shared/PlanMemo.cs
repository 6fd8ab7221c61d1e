using Scaling.Allocation;
using Scaling.Laws;
using Scaling.Text;

namespace Scaling.Cli.Shared;

/// <summary>The plan in prose, as <c>scaling plan</c> prints it and <c>scaling report</c> opens with it.</summary>
internal static class PlanMemo
{
    /// <summary>N*, D*, tokens per parameter and the loss under the law, with the allocation exponents.</summary>
    public static string Describe(ScalingLaw law, ComputeOptimum optimum)
    {
        string loss = optimum is LossOptimum { Loss: var l } ? $", predicted loss {NumberText.Loss(l)}" : string.Empty;
        return $"{NumberText.Count(optimum.Parameters)} parameters on {NumberText.Count(optimum.Tokens)} tokens, "
            + $"{NumberText.Ratio(optimum.TokensPerParameter)} tokens/parameter{loss}.\n"
            + $"  Budget {NumberText.Scientific(optimum.Flops)} FLOPs (C = 6·N·D) under the law '{law.Name}' ({law.Source}).\n"
            + $"  Allocation exponents: N* grows as C^{NumberText.Exponent(optimum.ExponentA)}, D* as C^{NumberText.Exponent(optimum.ExponentB)}."
            + (optimum is LossOptimum ? string.Empty : "\n  This law is an allocation rule: it predicts no loss.");
    }
}
