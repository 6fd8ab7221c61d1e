using Scaling.Allocation;
using Scaling.Text;

namespace Scaling.Resources;

/// <summary>
/// How much a plan's cost, days, GPUs, model size N*, energy and CO₂ move when one assumption moves: MFU, the
/// GPU-hour price, PUE, grid intensity and the scaling law, each set low and high with the others at the baseline
/// (the bars of a tornado chart).
/// </summary>
/// <remarks>
/// The budget stays fixed in what the user gave: with a FLOP budget, MFU and price move cost and days but not N*;
/// with a euro budget they move the FLOPs the euros buy, hence N*, while the cost stays the budget. PUE and the grid
/// move only energy and CO₂. The law moves N* (and with it the memory-bound GPU count).
/// <example><code>
/// var s = PlanSensitivity.ForFlops(LawPresets.Default.Allocator(), 5.76e23, assumptions, laws);
/// double? cheaper = s.Factors[0].HighChange(SensitivityOutput.CostEuros, s.Baseline); // MFU 50%: −20%
/// </code></example>
/// </remarks>
public sealed record PlanSensitivity
{
    private PlanSensitivity(BudgetPlan baseline, IReadOnlyList<SensitivityFactor> factors)
    {
        Baseline = baseline;
        Factors = factors;
    }

    /// <summary>The plan at the baseline assumptions.</summary>
    public BudgetPlan Baseline { get; }

    /// <summary>MFU, price, PUE, grid intensity and (with two or more laws) law, in that order.</summary>
    public IReadOnlyList<SensitivityFactor> Factors { get; }

    /// <summary>The sensitivity of the plan for <paramref name="flops"/> FLOPs.</summary>
    /// <param name="allocator">The baseline law's allocator.</param>
    /// <param name="flops">The budget C.</param>
    /// <param name="assumptions">The baseline assumptions.</param>
    /// <param name="laws">Alternative laws by name; the two giving the smallest and largest N* are the law factor's settings.</param>
    /// <param name="ranges">The settings to try; default <see cref="SensitivityRanges.Default"/>.</param>
    /// <exception cref="ArgumentException">The baseline plan itself is impossible (as <see cref="ResourcePlan.Create"/>).</exception>
    public static PlanSensitivity ForFlops(IComputeAllocator allocator, double flops, ResourceAssumptions assumptions, IReadOnlyList<(string Name, IComputeAllocator Allocator)> laws, SensitivityRanges? ranges = null)
    {
        ArgumentNullException.ThrowIfNull(allocator);
        Require.PositiveFinite(flops, nameof(flops));
        return Create(allocator, assumptions, laws, ranges ?? SensitivityRanges.Default, (a, r) => BudgetPlan.For(a.Optimum(flops), r));
    }

    /// <summary>The sensitivity of the plan for a budget of <paramref name="euros"/>; see <see cref="ForFlops"/>.</summary>
    public static PlanSensitivity ForEuros(IComputeAllocator allocator, double euros, ResourceAssumptions assumptions, IReadOnlyList<(string Name, IComputeAllocator Allocator)> laws, SensitivityRanges? ranges = null)
    {
        ArgumentNullException.ThrowIfNull(allocator);
        Require.PositiveFinite(euros, nameof(euros));
        return Create(allocator, assumptions, laws, ranges ?? SensitivityRanges.Default, (a, r) => BudgetPlan.ForEuros(a, euros, r));
    }

    private static PlanSensitivity Create(
        IComputeAllocator allocator,
        ResourceAssumptions assumptions,
        IReadOnlyList<(string Name, IComputeAllocator Allocator)> laws,
        SensitivityRanges ranges,
        Func<IComputeAllocator, ResourceAssumptions, BudgetPlan> plan)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(laws);
        var baseline = plan(allocator, assumptions);
        BudgetPlan? Try(IComputeAllocator a, ResourceAssumptions r)
        {
            try
            {
                return plan(a, r);
            }
            catch (ScalingException)
            {
                // An impossible variant (a deadline 30% MFU cannot meet) is a finding, not a failure of the analysis.
                return null;
            }
        }

        double price = assumptions.Rate.EurosPerGpuHour;
        var factors = new List<SensitivityFactor>
        {
            Factor("MFU", NumberText.Percent(ranges.Mfu.Low), NumberText.Percent(ranges.Mfu.High),
                Try(allocator, assumptions with { Mfu = ranges.Mfu.Low }), Try(allocator, assumptions with { Mfu = ranges.Mfu.High })),
            Factor("GPU-hour price", NumberText.Price(price * ranges.PriceFactor.Low), NumberText.Price(price * ranges.PriceFactor.High),
                Try(allocator, assumptions with { EurosPerGpuHour = price * ranges.PriceFactor.Low }),
                Try(allocator, assumptions with { EurosPerGpuHour = price * ranges.PriceFactor.High })),
            Factor("PUE", NumberText.Exponent(ranges.Pue.Low), NumberText.Exponent(ranges.Pue.High),
                Try(allocator, assumptions with { Pue = ranges.Pue.Low }), Try(allocator, assumptions with { Pue = ranges.Pue.High })),
            Factor("grid intensity", NumberText.Significant(ranges.GridGramsCo2PerKilowattHour.Low) + " g/kWh", NumberText.Significant(ranges.GridGramsCo2PerKilowattHour.High) + " g/kWh",
                Try(allocator, assumptions with { GridGramsCo2PerKilowattHour = ranges.GridGramsCo2PerKilowattHour.Low }),
                Try(allocator, assumptions with { GridGramsCo2PerKilowattHour = ranges.GridGramsCo2PerKilowattHour.High })),
        };
        if (laws.Count >= 2)
        {
            var plans = laws.SelectMany(l => Try(l.Allocator, assumptions) is { } plan ? [(l.Name, Plan: plan)] : Array.Empty<(string Name, BudgetPlan Plan)>()).ToList();
            if (plans.Count >= 2)
            {
                var smallest = plans.MinBy(p => p.Plan.Optimum.Parameters);
                var largest = plans.MaxBy(p => p.Plan.Optimum.Parameters);
                factors.Add(Factor("law", smallest.Name, largest.Name, smallest.Plan, largest.Plan));
            }
        }

        return new PlanSensitivity(baseline, factors);
    }

    private static SensitivityFactor Factor(string name, string low, string high, BudgetPlan? lowPlan, BudgetPlan? highPlan) =>
        new(name, low, high, lowPlan, highPlan);

}
