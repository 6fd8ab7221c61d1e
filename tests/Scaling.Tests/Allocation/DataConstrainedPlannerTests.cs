using FsCheck;
using FsCheck.Fluent;
using Scaling.Allocation;
using Scaling.Laws;

namespace Scaling.Tests.Allocation;

public class DataConstrainedPlannerTests
{
    private static readonly DataConstrainedPlanner Planner = DataConstrainedPlanner.Create(LawPresets.Muennighoff2023);

    [MathProperty]
    public Property AbundantUniqueData_RecoversTheUnconstrainedOptimum(Budget c)
    {
        var plan = Planner.Optimum(c.Flops, uniqueTokens: 1e40);
        return (Math.Abs(plan.Optimum.Parameters / plan.Unconstrained.Parameters - 1) <= 1e-9
                && Math.Abs(plan.Loss - plan.UnconstrainedLoss) <= 1e-12 * plan.Loss)
            .Label($"{plan.Optimum} vs {plan.Unconstrained}");
    }

    [MathProperty]
    public Property MoreUniqueData_NeverRaisesTheOptimalLoss(Budget c, Factor share, Factor more)
    {
        double unique = Planner.Frontier.Optimum(c.Flops).Tokens * share.Value;
        double moreUnique = unique * (1 + Math.Abs(Math.Log10(more.Value)));
        double loss = Planner.Optimum(c.Flops, unique).Loss;
        double better = Planner.Optimum(c.Flops, moreUnique).Loss;
        return (better <= loss * (1 + 1e-12)).Label($"U {unique} → {loss}; U {moreUnique} → {better}");
    }

    [MathProperty]
    public Property Plan_SpendsTheBudgetAndIsNoWorseThanTheNaivePlan(Budget c, Factor share)
    {
        double unique = Planner.Frontier.Optimum(c.Flops).Tokens * share.Value;
        var plan = Planner.Optimum(c.Flops, unique);
        return (Math.Abs(6 * plan.Optimum.Parameters * plan.Optimum.Tokens / c.Flops - 1) <= 1e-9
                && plan.Loss <= plan.NaiveLoss * (1 + 1e-12)
                && plan.Loss >= plan.UnconstrainedLoss * (1 - 1e-12))
            .Label($"{plan}");
    }

    [Fact]
    public void ScarceData_RepeatsAndWarns()
    {
        // 1e24 FLOPs want ≈ 1.6T tokens under this law; with 100B unique tokens the plan must repeat.
        var plan = Planner.Optimum(1e24, 100e9);
        Assert.True(plan.Epochs > 4, $"epochs {plan.Epochs}");
        Assert.True(plan.ReturnsFalling);
        Assert.True(plan.EffectiveTokens < plan.Optimum.Tokens);
        Assert.True(plan.Loss > plan.UnconstrainedLoss);
        // Muennighoff et al. 2023, §6: excess parameters lose value faster than repeated data (R_N* < R_D*), so the
        // data-constrained frontier adds epochs rather than parameters.
        Assert.True(plan.Optimum.Parameters < plan.Unconstrained.Parameters, $"N {plan.Optimum.Parameters} vs {plan.Unconstrained.Parameters}");
        Assert.True(plan.Loss < plan.NaiveLoss, "the plan beats following the unconstrained plan with repeats");
    }

    [Fact]
    public void VeryScarceData_SaysComputeIsBetterSpentElsewhere()
    {
        var plan = Planner.Optimum(1e25, 10e9);
        Assert.True(plan.ComputeBetterSpentElsewhere, $"returns ratio {plan.ReturnsRatio}");
        Assert.False(Planner.Optimum(1e21, 1e12).ComputeBetterSpentElsewhere);
    }
}
