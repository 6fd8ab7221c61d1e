using FsCheck;
using FsCheck.Fluent;
using Scaling.Allocation;
using Scaling.Hardware;
using Scaling.Laws;
using Scaling.Resources;

namespace Scaling.Tests.Resources;

public class ResourcePlanTests
{
    private static readonly Accelerator H100 = HardwareCatalog.Default.Get("H100-SXM");

    private static Arbitrary<Accelerator> Accelerators() => Gen.Elements(HardwareCatalog.Default.All.ToArray()).ToArbitrary();

    [MathProperty]
    public Property DoublingTheEuroBudget_NeverLowersParametersTokensOrGpuHours() =>
        Prop.ForAll(Gen.Elements(LawPresets.All.ToArray()).ToArbitrary(), Accelerators(), Generators.LogUniform(3, 9).ToArbitrary(), (law, accelerator, euros) =>
        {
            // Every preset (loss laws and allocation rules) on every catalog accelerator, €1K to €1B.
            var assumptions = new ResourceAssumptions(accelerator);
            var allocator = law.Allocator();
            var small = BudgetPlan.ForEuros(allocator, euros, assumptions);
            var large = BudgetPlan.ForEuros(allocator, 2 * euros, assumptions);
            return (large.Optimum.Parameters >= small.Optimum.Parameters
                    && large.Optimum.Tokens >= small.Optimum.Tokens
                    && large.Resources.GpuHours >= small.Resources.GpuHours)
                .Label($"N {small.Optimum.Parameters} → {large.Optimum.Parameters}, D {small.Optimum.Tokens} → {large.Optimum.Tokens}");
        });

    [MathProperty]
    public Property BudgetPlan_CostsWhatWasBudgeted() =>
        Prop.ForAll(Accelerators(), Generators.LogUniform(3, 9).ToArbitrary(), (accelerator, euros) =>
        {
            var plan = BudgetPlan.ForEuros(LawPresets.Default.Allocator(), euros, new ResourceAssumptions(accelerator));
            return (Math.Abs(plan.Resources.CostEuros / euros - 1) <= 1e-9).Label($"{euros} → {plan.Resources.CostEuros}");
        });

    [MathProperty]
    public Property PlanEnergyAndCo2_AreProportionalToGpuHours() =>
        Prop.ForAll(Generators.LogUniform(18, 26).ToArbitrary(), Generators.LogUniform(-2, 2).ToArbitrary(), (flops, factor) =>
        {
            var assumptions = new ResourceAssumptions(H100) { Gpus = 100_000 };
            var one = ResourcePlan.Create(flops, 1e9, assumptions);
            var other = ResourcePlan.Create(flops * factor, 1e9, assumptions);
            double energyRatio = other.KilowattHours!.Value / one.KilowattHours!.Value;
            double co2Ratio = other.Co2Tonnes!.Value / one.Co2Tonnes!.Value;
            double hoursRatio = other.GpuHours / one.GpuHours;
            return (Math.Abs(energyRatio / hoursRatio - 1) <= 1e-12 && Math.Abs(co2Ratio / hoursRatio - 1) <= 1e-12)
                .Label($"hours ×{hoursRatio}, kWh ×{energyRatio}, CO2 ×{co2Ratio}");
        });

    [Fact]
    public void Days_AreGpuHoursOverGpusOver24()
    {
        var plan = ResourcePlan.Create(1e24, 70e9, new ResourceAssumptions(H100) { Gpus = 1024 });
        Assert.Equal(plan.GpuHours / 1024 / 24, plan.Days, 1e-9);
        Assert.Equal(GpuCountReason.Given, plan.GpuCountReason);
    }

    [Fact]
    public void NoSchedule_UsesTheFewestThatHoldTheState()
    {
        // 70B × 16 B = 1.12 TB over 80 GB × 0.9 = 72 GB usable → 15.6 → 16 GPUs.
        var plan = ResourcePlan.Create(1e24, 70e9, new ResourceAssumptions(H100) { ScheduleDays = null });
        Assert.Equal(16, plan.MinimumGpus);
        Assert.Equal(16, plan.Gpus);
        Assert.Equal(GpuCountReason.HoldsTrainingState, plan.GpuCountReason);
    }

    [Fact]
    public void DefaultSchedule_FinishesWithin90DaysOnTheFewestWhole8GpuNodes()
    {
        // Gopher's budget, 5.76e23 FLOPs (Hoffmann et al. 2022, Table 3): 404,449 GPU-hours at 40% of 989 TFLOP/s.
        // Memory alone asks for 17 GPUs, 991 days; the default schedule asks for the fewest nodes that finish in 90.
        var plan = ResourcePlan.Create(5.76e23, 72.2e9, new ResourceAssumptions(H100));
        Assert.Equal(GpuCountReason.MeetsSchedule, plan.GpuCountReason);
        Assert.Equal(0, plan.Gpus % ResourceAssumptions.DefaultGpusPerNode);
        Assert.True(plan.Days <= ResourceAssumptions.DefaultScheduleDays, $"{plan.Days} days");
        Assert.True(plan.DaysOn(plan.Gpus - ResourceAssumptions.DefaultGpusPerNode) > ResourceAssumptions.DefaultScheduleDays);
        Assert.False(plan.IsLongerThanAYear);
    }

    [Fact]
    public void DefaultSchedule_NeverGivesFewerGpusThanHoldTheState()
    {
        // 1e22 FLOPs on a 70B model finish in days on the GPUs its state needs (16): rounded to two nodes.
        var plan = ResourcePlan.Create(1e22, 70e9, new ResourceAssumptions(H100));
        Assert.Equal(GpuCountReason.HoldsTrainingState, plan.GpuCountReason);
        Assert.Equal(16, plan.Gpus);
    }

    [Fact]
    public void SmallJob_UsesOneGpuNotAWholeNode()
    {
        // 1e19 FLOPs are 7 GPU-hours: one GPU finishes in hours, a power of two below a node.
        var plan = ResourcePlan.Create(1e19, 1e8, new ResourceAssumptions(H100));
        Assert.Equal(1, plan.Gpus);
    }

    [Fact]
    public void GivenCount_OverridesTheSchedule()
    {
        var plan = ResourcePlan.Create(5.76e23, 72.2e9, new ResourceAssumptions(H100) { Gpus = 20 });
        Assert.Equal(20, plan.Gpus);
        Assert.Equal(GpuCountReason.Given, plan.GpuCountReason);
        Assert.True(plan.IsLongerThanAYear, $"{plan.Days} days");
    }

    [Fact]
    public void ScheduleNeedingMoreThanTheMaximum_TakesTheMaximumAndRunsLonger()
    {
        // 1e27 FLOPs are 7e8 H100-hours: 90 days would need 325,000 GPUs, past the 100,000 allowed.
        var plan = ResourcePlan.Create(1e27, 1e12, new ResourceAssumptions(H100));
        Assert.Equal(GpuCountReason.AtMaxGpus, plan.GpuCountReason);
        Assert.Equal(ResourceAssumptions.DefaultMaxGpus, plan.Gpus);
        Assert.True(plan.Days > ResourceAssumptions.DefaultScheduleDays);
    }

    [MathProperty]
    public Property ToWholeNodes_IsTheSmallestNodeMultipleOrPowerOfTwoAtLeastTheCount() =>
        Prop.ForAll(Gen.Choose(1, 1_000_000).ToArbitrary(), Gen.Choose(1, 16).ToArbitrary(), (count, perNode) =>
        {
            double gpus = GpuCount.ToWholeNodes(count, perNode);
            bool shape = gpus >= perNode
                ? gpus % perNode == 0 && gpus - perNode < count
                : Math.Log2(gpus) % 1 == 0 && gpus / 2 < count;
            return (gpus >= count && shape).Label($"{count} at {perNode} per node → {gpus}");
        });

    [Fact]
    public void TooFewGpus_AreRefusedWithTheMinimum()
    {
        var e = Assert.Throws<InfeasiblePlanException>(() => ResourcePlan.Create(1e24, 70e9, new ResourceAssumptions(H100) { Gpus = 8 }));
        Assert.Equal(ResourceQuantities.Gpus, e.Quantity);
        Assert.Contains("at least 16", e.Message, StringComparison.Ordinal);
        Assert.Contains("activations not included", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeadlineShorterThanPossibleWithTheGpusGiven_IsRefused()
    {
        var e = Assert.Throws<InfeasiblePlanException>(() =>
            ResourcePlan.Create(1e24, 70e9, new ResourceAssumptions(H100) { Gpus = 64, DeadlineDays = 5 }));
        Assert.Equal(ResourceQuantities.DeadlineDays, e.Quantity);
    }

    [Fact]
    public void DeadlineNeedingMoreThanTheMaximum_IsRefusedWithTheShortestPossible()
    {
        var e = Assert.Throws<InfeasiblePlanException>(() =>
            ResourcePlan.Create(1e27, 1e12, new ResourceAssumptions(H100) { DeadlineDays = 1, MaxGpus = 10_000 }));
        Assert.Equal(ResourceQuantities.DeadlineDays, e.Quantity);
        Assert.Contains("shortest possible", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StateNeedingMoreThanTheMaximum_IsRefused()
    {
        var e = Assert.Throws<InfeasiblePlanException>(() =>
            ResourcePlan.Create(1e27, 1e12, new ResourceAssumptions(H100) { MaxGpus = 100 }));
        Assert.Equal(ResourceQuantities.MaxGpus, e.Quantity);
    }

    [Fact]
    public void NoPowerFigure_LeavesEnergyAndCo2Unknown()
    {
        var plan = ResourcePlan.Create(1e23, 7e9, new ResourceAssumptions(HardwareCatalog.Default.Get("TPUv5p")));
        Assert.Null(plan.KilowattHours);
        Assert.Null(plan.Co2Tonnes);
        Assert.True(plan.CostEuros > 0);
    }

    [Fact]
    public void PrecisionWithoutPeak_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            ResourcePlan.Create(1e23, 7e9, new ResourceAssumptions(HardwareCatalog.Default.Get("A100-80GB")) { Precision = Precision.Fp8 }));
        Assert.Equal("precision", e.ParamName);
    }

    [Fact]
    public void Fp8_IsFasterThanBf16OnH100()
    {
        var bf16 = ResourcePlan.Create(1e24, 70e9, new ResourceAssumptions(H100));
        var fp8 = ResourcePlan.Create(1e24, 70e9, new ResourceAssumptions(H100) { Precision = Precision.Fp8 });
        Assert.Equal(bf16.GpuHours * 989 / 1979, fp8.GpuHours, 1e-6 * fp8.GpuHours);
    }

    [Theory]
    [InlineData(nameof(ResourceAssumptions.Mfu))]
    [InlineData(nameof(ResourceAssumptions.UsableMemoryFraction))]
    [InlineData(nameof(ResourceAssumptions.Pue))]
    [InlineData(nameof(ResourceAssumptions.Overhead))]
    [InlineData(nameof(ResourceAssumptions.GridGramsCo2PerKilowattHour))]
    [InlineData(nameof(ResourceAssumptions.EurosPerGpuHour))]
    [InlineData(nameof(ResourceAssumptions.DeadlineDays))]
    public void Assumptions_InvalidValue_AreRefusedNamingTheField(string field)
    {
        var a = new ResourceAssumptions(H100);
        var e = Assert.ThrowsAny<ArgumentException>(() => field switch
        {
            nameof(ResourceAssumptions.Mfu) => a with { Mfu = 1.5 },
            nameof(ResourceAssumptions.UsableMemoryFraction) => a with { UsableMemoryFraction = 0 },
            nameof(ResourceAssumptions.Pue) => a with { Pue = 0.8 },
            nameof(ResourceAssumptions.Overhead) => a with { Overhead = -0.1 },
            nameof(ResourceAssumptions.GridGramsCo2PerKilowattHour) => a with { GridGramsCo2PerKilowattHour = double.NaN },
            nameof(ResourceAssumptions.EurosPerGpuHour) => a with { EurosPerGpuHour = -2 },
            _ => a with { DeadlineDays = 0 },
        });
        Assert.Equal(field, e.ParamName);
    }
}
