using FsCheck;
using FsCheck.Fluent;
using Scaling.Allocation;
using Scaling.Laws;

namespace Scaling.Tests.Allocation;

public class InferenceAwarePlannerTests
{
    // Computed for Sardana et al. 2024 (arXiv 2401.00448) with the unrounded Hoffmann law: the
    // Chinchilla-optimal 13B model (D₀ 6.17e11, ℓ 2.0238) with 2e12 lifetime inference tokens → N* ≈ 7.1e9 on
    // ≈ 1.30e12 tokens, saving ≈ 16% of total FLOPs (the paper: "7B", 17%).
    [Fact]
    public void Optimum_PublishedExample_Matches()
    {
        var planner = InferenceAwarePlanner.Create(LawPresets.Hoffmann2022Unrounded.LossLaw);
        var chinchilla13B = planner.Frontier.OptimumForParameters(13e9);
        Assert.True(Math.Abs(chinchilla13B.Tokens / 6.17e11 - 1) < 0.005, $"D0 {chinchilla13B.Tokens}");
        Assert.Equal(2.0238, chinchilla13B.Loss, 4);

        var plan = planner.Optimum(chinchilla13B.Flops, inferenceTokens: 2e12);
        Assert.True(Math.Abs(plan.Chinchilla.Parameters / 13e9 - 1) < 1e-9);
        Assert.True(Math.Abs(plan.Optimum.Parameters / 7.1e9 - 1) < 0.01, $"N {plan.Optimum.Parameters}");
        Assert.True(Math.Abs(plan.Optimum.Tokens / 1.30e12 - 1) < 0.01, $"D {plan.Optimum.Tokens}");
        Assert.InRange(plan.SavingFraction, 0.155, 0.165);
        Assert.Equal(chinchilla13B.Loss, plan.Optimum.Loss, 10);
    }

    [MathProperty]
    public Property NoInference_IsTheLimitOfVanishingInference(LossLaw law, Budget c)
    {
        // Continuity at T = 0: the solved plans for T = D*·10^−k approach the T = 0 plan, each closer than the last, and
        // the T = 0 plan is the frontier's optimum. An early return that answered anything else fails this.
        var planner = InferenceAwarePlanner.Create(law);
        var none = planner.Optimum(c.Flops, 0).Optimum;
        var chinchilla = planner.Frontier.Optimum(c.Flops);
        double[] gaps = [.. Enumerable.Range(2, 6).Select(k =>
            1 - (planner.Optimum(c.Flops, chinchilla.Tokens * Math.Pow(10, -k)).Optimum.Parameters / none.Parameters))];
        // Up to the solver's rounding (1e-9 of N, or more where the iso-loss curve is known only to ε·L/(L − E)) every gap
        // is non-negative (inference only shrinks the model) and no larger than the last, and the gap vanishes with T:
        // five decades less inference leave at most a thousandth of the first gap (it falls in proportion to T near 0).
        const double machineEpsilon = 2.220446049250313e-16;
        double loss = chinchilla.Loss;
        double rounding = Math.Max(1e-9, 100 * machineEpsilon * loss / (loss - law.E));
        bool shrinking = gaps.Zip(gaps.Skip(1)).All(p => p.Second <= p.First + rounding);
        bool vanishing = gaps[^1] <= (1e-3 * gaps[0]) + rounding;
        return (none == chinchilla && gaps.All(g => g >= -rounding) && shrinking && vanishing).Label($"gaps {string.Join(", ", gaps)}");
    }

    [MathProperty]
    public Property TinyInference_StaysAtTheChinchillaOptimum(LossLaw law, Budget c)
    {
        // The bisection must find the exact root, not a neighbour: with T → 0 the root tends to Chinchilla's N.
        var planner = InferenceAwarePlanner.Create(law);
        var chinchilla = planner.Frontier.Optimum(c.Flops);
        var plan = planner.Optimum(c.Flops, chinchilla.Tokens * 1e-9);
        return (Math.Abs(plan.Optimum.Parameters / chinchilla.Parameters - 1) <= 1e-6).Label($"{plan.Optimum.Parameters}");
    }

    [MathProperty]
    public Property MoreInference_NeverRaisesTheOptimalSize(LossLaw law, Budget c, Factor t, Factor more)
    {
        var planner = InferenceAwarePlanner.Create(law);
        double tokens = planner.Frontier.Optimum(c.Flops).Tokens * t.Value;
        double moreTokens = tokens * (1 + Math.Abs(Math.Log10(more.Value)));
        var plan = planner.Optimum(c.Flops, tokens);
        var busier = planner.Optimum(c.Flops, moreTokens);
        return (busier.Optimum.Parameters <= plan.Optimum.Parameters * (1 + 1e-12)).Label($"{plan.Optimum.Parameters} vs {busier.Optimum.Parameters}");
    }

    [MathProperty]
    public Property Optimum_KeepsTheQualityAndNeverCostsMore(LossLaw law, Budget c, Factor t)
    {
        var planner = InferenceAwarePlanner.Create(law);
        double tokens = planner.Frontier.Optimum(c.Flops).Tokens * t.Value;
        var plan = planner.Optimum(c.Flops, tokens);
        double target = plan.Chinchilla.Loss;
        // The iso-loss curve is known only to about ε·L/(L − E) relative: where the reducible loss is a sliver of E (huge
        // budgets under steep generated laws), a plan may cost more than Chinchilla's by that rounding, never by more.
        const double machineEpsilon = 2.220446049250313e-16;
        double rounding = Math.Max(1e-12, 100 * machineEpsilon * target / (target - law.E));
        return (Math.Abs(plan.Optimum.Loss - target) <= 1e-9 * target
                && plan.SavingFraction >= -rounding
                && plan.TotalFlops <= plan.ChinchillaTotalFlops * (1 + rounding))
            .Label($"{plan}");
    }

    [Fact]
    public void Optimum_CheaperInference_ShrinksLess()
    {
        var planner = InferenceAwarePlanner.Create(LawPresets.Default.LossLaw);
        var flopsObjective = planner.Optimum(1e24, 5e12);
        var cheapInference = planner.Optimum(1e24, 5e12, inferenceCostWeight: 0.25);
        Assert.True(cheapInference.Optimum.Parameters > flopsObjective.Optimum.Parameters);
    }
}
