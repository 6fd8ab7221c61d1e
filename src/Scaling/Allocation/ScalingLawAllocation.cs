using System.Diagnostics;
using Scaling.Laws;

namespace Scaling.Allocation;

/// <summary>
/// The entry point from a <see cref="ScalingLaw"/> to a plan: <c>law.Plan(flops)</c>, <c>law.Allocator()</c>, and
/// for a parametric law its <c>Frontier()</c>. These live beside the solvers so that <c>Laws</c> (coefficients)
/// does not depend on <c>Allocation</c> (solvers).
/// </summary>
/// <example><code>
/// var plan = LawPresets.Default.Plan(5.76e23);            // N*, D*, L*
/// var frontier = LawPresets.Hoffmann2022.Frontier();       // closed form, Hoffmann et al. 2022, Eq. 4
/// var rule = LawPresets.Tokens20.Allocator().Optimum(1e24); // D = 20·N
/// </code></example>
public static class ScalingLawAllocation
{
    /// <summary>The allocator of <paramref name="law"/> under C = k·N·D: its frontier, or its rule.</summary>
    public static IComputeAllocator Allocator(this ScalingLaw law, double flopsPerParameterToken = FlopsPerParameterToken.Training) => law switch
    {
        ParametricLaw parametric => ComputeOptimalFrontier.Create(parametric.LossLaw, flopsPerParameterToken),
        AllocationRuleLaw rule => RuleAllocator.Create(rule.Rule, flopsPerParameterToken),
        null => throw new ArgumentNullException(nameof(law)),
        _ => throw new UnreachableException($"ScalingLaw has two kinds; got {law.GetType().Name}."),
    };

    /// <summary>
    /// The compute-optimal N and D (and, for a parametric law, the loss) for a budget of <paramref name="flops"/>: a plan
    /// a model can be trained to, with at least one parameter and one token.
    /// </summary>
    /// <exception cref="InfeasiblePlanException">The plan has under one parameter or token, or overflows.</exception>
    public static ComputeOptimum Plan(this ScalingLaw law, double flops, double flopsPerParameterToken = FlopsPerParameterToken.Training) =>
        law.Allocator(flopsPerParameterToken).Optimum(flops).Plannable();

    /// <summary>The compute-optimal N, D and predicted loss of a parametric law for a budget of <paramref name="flops"/>.</summary>
    /// <exception cref="InfeasiblePlanException">The plan has under one parameter or token, or overflows.</exception>
    public static LossOptimum Plan(this ParametricLaw law, double flops, double flopsPerParameterToken = FlopsPerParameterToken.Training) =>
        law.Frontier(flopsPerParameterToken).Optimum(flops).Plannable();

    /// <summary>The compute at which a model of <paramref name="parameters"/> is optimal under a parametric law, with its tokens and loss.</summary>
    /// <exception cref="InfeasiblePlanException">The plan has under one parameter or token, or overflows.</exception>
    public static LossOptimum PlanForParameters(this ParametricLaw law, double parameters, double flopsPerParameterToken = FlopsPerParameterToken.Training) =>
        law.Frontier(flopsPerParameterToken).OptimumForParameters(parameters).Plannable();

    /// <summary>The best plan for <paramref name="flops"/> when N or D is capped (see <see cref="ComputeOptimalFrontier.Optimum(double, AllocationLimits)"/>).</summary>
    /// <exception cref="InfeasiblePlanException">The caps cannot absorb the budget, or the plan has under one parameter or token.</exception>
    public static LossOptimum Plan(this ParametricLaw law, double flops, AllocationLimits limits, double flopsPerParameterToken = FlopsPerParameterToken.Training) =>
        law.Frontier(flopsPerParameterToken).Optimum(flops, limits).Plannable();

    /// <summary>The compute at which a model of <paramref name="parameters"/> is optimal, with its tokens.</summary>
    /// <exception cref="InfeasiblePlanException">The plan has under one parameter or token, or overflows.</exception>
    public static ComputeOptimum PlanForParameters(this ScalingLaw law, double parameters, double flopsPerParameterToken = FlopsPerParameterToken.Training) =>
        law.Allocator(flopsPerParameterToken).OptimumForParameters(parameters).Plannable();

    /// <summary>The smallest budget whose optimum reaches <paramref name="targetLoss"/>, and that optimum.</summary>
    /// <exception cref="InfeasiblePlanException">No finite compute reaches the loss, or the plan has under one parameter or token.</exception>
    public static LossOptimum PlanForLoss(this ParametricLaw law, double targetLoss, double flopsPerParameterToken = FlopsPerParameterToken.Training)
    {
        var frontier = law.Frontier(flopsPerParameterToken);
        return frontier.Optimum(frontier.FlopsForLoss(targetLoss)).Plannable();
    }

    /// <summary>The compute-optimal frontier of a parametric law (Hoffmann et al. 2022, Eq. 4).</summary>
    /// <exception cref="InvalidLawException">The frontier degenerates (see <see cref="ComputeOptimalFrontier.Create"/>).</exception>
    public static ComputeOptimalFrontier Frontier(this ParametricLaw law, double flopsPerParameterToken = FlopsPerParameterToken.Training)
    {
        ArgumentNullException.ThrowIfNull(law);
        return ComputeOptimalFrontier.Create(law.LossLaw, flopsPerParameterToken);
    }

    /// <summary>The allocator of a rule under C = k·N·D.</summary>
    public static RuleAllocator Allocator(this PowerLawAllocationRule rule, double flopsPerParameterToken = FlopsPerParameterToken.Training) =>
        RuleAllocator.Create(rule, flopsPerParameterToken);
}
