using Scaling.Allocation;

namespace Scaling.Resources;

/// <summary>
/// A compute-optimal model together with what training it costs: the <see cref="ComputeOptimum"/> of a budget
/// (given in euros or FLOPs) and its <see cref="ResourcePlan"/>.
/// </summary>
/// <example><code>
/// var assumptions = new ResourceAssumptions(HardwareCatalog.Default.Get("H100-SXM"));
/// var plan = BudgetPlan.ForEuros(LawPresets.Default.Allocator(), 2e6, assumptions);
/// // plan.Optimum.Parameters, plan.Resources.Days, plan.Resources.Co2Tonnes ...
/// </code></example>
public sealed record BudgetPlan
{
    private BudgetPlan(ComputeOptimum optimum, ResourcePlan resources, double? budgetEuros)
    {
        Optimum = optimum;
        Resources = resources;
        BudgetEuros = budgetEuros;
    }

    /// <summary>The model and tokens the budget buys.</summary>
    public ComputeOptimum Optimum { get; }

    /// <summary>The hardware, time, cost, energy and CO₂ of training it.</summary>
    public ResourcePlan Resources { get; }

    /// <summary>The euro budget the plan was made for, or null when it was given in FLOPs.</summary>
    public double? BudgetEuros { get; }

    /// <summary>
    /// The compute-optimal plan for <paramref name="euros"/>: FLOPs = euros / price × 3600 × peak × MFU, then the
    /// allocator's optimum, then its resources.
    /// </summary>
    public static BudgetPlan ForEuros(IComputeAllocator allocator, double euros, ResourceAssumptions assumptions)
    {
        ArgumentNullException.ThrowIfNull(allocator);
        ArgumentNullException.ThrowIfNull(assumptions);
        Require.PositiveFinite(euros, nameof(euros));
        double flops = assumptions.Rate.FlopsForEuros(euros);
        var optimum = allocator.Optimum(flops);
        return new BudgetPlan(optimum, ResourcePlan.Create(optimum.Flops, optimum.Parameters, assumptions), euros);
    }

    /// <summary>
    /// The resources of an optimum already computed (from FLOPs, a target loss or a model size), optionally recording
    /// the euro budget it was solved for.
    /// </summary>
    public static BudgetPlan For(ComputeOptimum optimum, ResourceAssumptions assumptions, double? budgetEuros = null)
    {
        ArgumentNullException.ThrowIfNull(optimum);
        ArgumentNullException.ThrowIfNull(assumptions);
        if (budgetEuros is { } euros)
        {
            Require.PositiveFinite(euros, nameof(budgetEuros));
        }

        return new BudgetPlan(optimum, ResourcePlan.Create(optimum.Flops, optimum.Parameters, assumptions), budgetEuros);
    }

    /// <summary>The same plan on the GPUs a parallel layout needs (<see cref="ResourcePlan.ForLayout"/>).</summary>
    public BudgetPlan ForLayout(int gpus) => new(Optimum, Resources.ForLayout(gpus), BudgetEuros);
}
