using Scaling.Allocation;
using Scaling.Cli.Shared;
using Scaling.Laws;
using Scaling.Text;

namespace Scaling.Cli.Commands.Plan;

/// <summary>
/// <c>scaling plan --flops C --unique-tokens U</c>: the best plan when data beyond U unique tokens can only be
/// repeated (Muennighoff et al. 2023), beside the plan that unlimited data would allow.
/// </summary>
internal static class DataConstrainedMode
{
    public const string Option = "--unique-tokens";

    /// <summary>Without --law, the data-constrained preset, whose repetition constants were fitted with its base law.</summary>
    public static ParametricLaw DefaultLaw => LawPresets.Muennighoff2023;

    public static DataConstrainedOptimum Solve(ScalingLaw law, double flops, double uniqueTokens)
    {
        var plan = DataConstrainedPlanner.Create(LawOption.RequireLoss(law, Option, "a data-constrained plan")).Optimum(flops, uniqueTokens);
        plan.Unconstrained.Plannable();
        plan.Optimum.Plannable();
        return plan;
    }

    public static string Describe(ScalingLaw law, DataConstrainedOptimum plan)
    {
        var optimum = plan.Optimum;
        var free = plan.Unconstrained;
        var lines = new List<string>
        {
            $"{NumberText.Count(optimum.Parameters)} parameters on {NumberText.Count(optimum.Tokens)} tokens "
                + $"({NumberText.Ratio(plan.Epochs)} epochs over {NumberText.Count(plan.UniqueTokens)} unique tokens), predicted loss {NumberText.Loss(plan.Loss)}.",
            $"  The repeated data is worth {NumberText.Count(plan.EffectiveTokens)} fresh tokens; the model is worth {NumberText.Count(plan.EffectiveParameters)} parameters.",
            $"  With unlimited unique data the same {NumberText.Scientific(optimum.Flops)} FLOPs would train {NumberText.Count(free.Parameters)} parameters "
                + $"on {NumberText.Count(free.Tokens)} tokens to loss {NumberText.Loss(plan.UnconstrainedLoss)}; "
                + $"following that plan anyway, repeating data, would reach {NumberText.Loss(plan.NaiveLoss)}.",
            $"  Law '{law.Name}' ({law.Source}).",
        };
        lines.AddRange(Warnings(plan).Select(w => "  Warning: " + w));
        return string.Join('\n', lines);
    }

    internal static IEnumerable<string> Warnings(DataConstrainedOptimum plan)
    {
        if (plan.ReturnsFalling)
        {
            yield return $"{NumberText.Ratio(plan.Epochs)} epochs is past ~{NumberText.Significant(DataConstrainedOptimum.EpochsBeforeReturnsFall)}, where repeated tokens are worth markedly less than fresh ones (Muennighoff et al. 2023, §5).";
        }

        if (plan.ComputeBetterSpentElsewhere)
        {
            yield return $"the last doubling of compute buys only {NumberText.Percent(plan.ReturnsRatio)} of the loss it would buy with fresh data; more compute is better spent on more unique data, or elsewhere.";
        }
    }
}
