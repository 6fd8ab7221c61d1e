using FsCheck;
using FsCheck.Fluent;
using Scaling.Architecture;
using Scaling.FineTuning;
using Scaling.Hardware;
using Scaling.Resources;

namespace Scaling.Tests.FineTuning;

public class FineTuningPlanTests
{
    private static readonly Accelerator A100 = HardwareCatalog.Default.Get("A100-80GB");

    private static ResourceAssumptions Assumptions(Accelerator accelerator) =>
        new(accelerator) { Recipe = TrainingStateRecipe.SixteenBitAdamW };

    [Fact]
    public void QLora_Llama65B_OnOne48GigabyteGpu_UsesOneGpu()
    {
        // Dettmers et al. 2023: one 48 GB GPU. All of it usable (the paper's claim is "<48GB"), 2,048-token sequences.
        var gpu = A100.WithMemoryGigabytes(48);
        var assumptions = Assumptions(gpu) with { UsableMemoryFraction = 1 };
        double activations = ActivationMemory.Bytes(FineTuningMemoryTests.Llama65B, 2048, 1, Recomputation.Full);
        var plan = FineTuningPlan.Create(FineTuningMemoryTests.Llama65B, new FineTuningMethod.QLora(LoraAdapters.AllLinear(64)), 1e8, assumptions, activations);
        Assert.Equal(1, plan.Gpus);
        Assert.True(plan.MemoryPerGpuBytes < 48e9);
    }

    [Fact]
    public void Lora_FlopsPerToken_AreFourNPlusSixAdapters()
    {
        var method = new FineTuningMethod.Lora(LoraAdapters.QueryValue(4));
        var plan = FineTuningPlan.Create(LoraAdaptersTests.Gpt3, method, 1e9, Assumptions(A100), 0);
        Assert.Equal((4.0 * LoraAdaptersTests.Gpt3.Parameters) + (6.0 * plan.TrainableParameters), plan.FlopsPerToken);
        Assert.Equal(plan.FlopsPerToken * 1e9, plan.Flops);
    }

    [Fact]
    public void Full_Gpt3_FlopsAreSixNDAndTheResourcesPriceThem()
    {
        var plan = FineTuningPlan.Create(LoraAdaptersTests.Gpt3, new FineTuningMethod.Full(), 1e9, Assumptions(A100), 0);
        Assert.Equal(6.0 * LoraAdaptersTests.Gpt3.Parameters * 1e9, plan.Flops);
        Assert.Equal(plan.Flops, plan.Resources.Flops);
        Assert.Equal(plan.Gpus, plan.Resources.Gpus);
        // 175B × 12 bytes = 2.1 TB over 80 GB × 0.9 usable: 30 GPUs.
        Assert.Equal(30, plan.Gpus);
    }

    [Fact]
    public void GpusGiven_TooFewToHoldTheState_IsInfeasibleNamingGpus()
    {
        var e = Assert.Throws<InfeasiblePlanException>(() =>
            FineTuningPlan.Create(LoraAdaptersTests.Gpt3, new FineTuningMethod.Full(), 1e9, Assumptions(A100) with { Gpus = 4 }, 0));
        Assert.Equal(ResourceQuantities.Gpus, e.Quantity);
    }

    [Fact]
    public void ActivationsAboveTheUsableMemory_AreInfeasibleNamingActivations()
    {
        var e = Assert.Throws<InfeasiblePlanException>(() =>
            FineTuningPlan.Create(LoraAdaptersTests.Gpt3, new FineTuningMethod.Full(), 1e9, Assumptions(A100), activationBytes: 80e9));
        Assert.Equal("activations", e.Quantity);
    }

    [Fact]
    public void Deadline_UsesTheFewestGpusThatFinishInTime()
    {
        var assumptions = Assumptions(A100) with { DeadlineDays = 1 };
        var plan = FineTuningPlan.Create(LoraAdaptersTests.Gpt3, new FineTuningMethod.Lora(LoraAdapters.QueryValue(4)), 1e10, assumptions, 0);
        Assert.Equal(GpuCountReason.MeetsDeadline, plan.GpuCountReason);
        Assert.True(plan.Resources.Days <= 1 + 1e-9);
        Assert.True(plan.Resources.DaysOn(plan.Gpus - 1) > 1);
    }

    [MathProperty]
    public Property AdaptersCostLessThanFullFineTuning_AndMemoryPerGpuFitsTheGpu() =>
        Prop.ForAll(Gen.Choose(1, 128).ToArbitrary(), Generators.LogUniform(6, 11).ToArbitrary(), (rank, tokens) =>
        {
            var shape = FineTuningMemoryTests.Llama65B;
            var assumptions = Assumptions(A100);
            var full = FineTuningPlan.Create(shape, new FineTuningMethod.Full(), tokens, assumptions, 1e9);
            var lora = FineTuningPlan.Create(shape, new FineTuningMethod.Lora(LoraAdapters.AllLinear(rank)), tokens, assumptions, 1e9);
            double usable = A100.MemoryBytes * assumptions.UsableMemoryFraction;
            return (lora.Flops < full.Flops && lora.Resources.CostEuros < full.Resources.CostEuros && lora.Gpus <= full.Gpus
                    && full.MemoryPerGpuBytes <= usable * (1 + 1e-9) && lora.MemoryPerGpuBytes <= usable * (1 + 1e-9))
                .Label($"full {full.Flops} on {full.Gpus}, lora {lora.Flops} on {lora.Gpus}");
        });

    [MathProperty]
    public Property MoreMemoryPerGpu_NeverNeedsMoreGpus() =>
        Prop.ForAll(Generators.Uniform(16, 200).ToArbitrary(), Generators.Uniform(1.05, 3).ToArbitrary(), (gigabytes, factor) =>
        {
            var shape = FineTuningMemoryTests.Llama65B;
            var method = new FineTuningMethod.Full();
            var small = FineTuningPlan.Create(shape, method, 1e9, Assumptions(A100.WithMemoryGigabytes(gigabytes)), 1e9);
            var large = FineTuningPlan.Create(shape, method, 1e9, Assumptions(A100.WithMemoryGigabytes(gigabytes * factor)), 1e9);
            return (large.Gpus <= small.Gpus).Label($"{gigabytes} GB: {small.Gpus}, {gigabytes * factor} GB: {large.Gpus}");
        });
}
