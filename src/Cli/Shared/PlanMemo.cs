using Scaling.Allocation;
using Scaling.Laws;

namespace Scaling.Cli.Shared;

/// <summary>The plan in prose, as <c>scaling plan</c> prints it and <c>scaling report</c> opens with it.</summary>
internal static class PlanMemo
{
    /// <summary>N*, D*, tokens per parameter and the loss under the law, with the allocation exponents.</summary>
    public static string Describe(ScalingLaw law, ComputeOptimum optimum)
    {
        string loss = optimum is LossOptimum { Loss: var l } ? $", predicted loss {Humanize.Loss(l)}" : string.Empty;
        return $"{Humanize.Count(optimum.Parameters)} parameters on {Humanize.Count(optimum.Tokens)} tokens, "
            + $"{Humanize.Ratio(optimum.TokensPerParameter)} tokens/parameter{loss}.\n"
            + $"  Budget {Humanize.Scientific(optimum.Flops)} FLOPs (C = 6·N·D) under the law '{law.Name}' ({law.Source}).\n"
            + $"  Allocation exponents: N* grows as C^{Humanize.Exponent(optimum.ExponentA)}, D* as C^{Humanize.Exponent(optimum.ExponentB)}."
            + (optimum is LossOptimum ? string.Empty : "\n  This law is an allocation rule: it predicts no loss.");
    }
}
