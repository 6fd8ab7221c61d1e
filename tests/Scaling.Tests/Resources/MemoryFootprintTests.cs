using Scaling.Hardware;
using Scaling.Resources;

namespace Scaling.Tests.Resources;

public class MemoryFootprintTests
{
    [Fact]
    public void TrainingState_70BWithAdamW_Is1120GigabytesOn14Gpus()
    {
        // EleutherAI, "Transformer Math 101" (16 B/parameter for mixed-precision AdamW): 70B × 16 B = 1,120 GB → at least 14 × 80 GB GPUs before activations.
        var memory = MemoryFootprint.Create(70e9, TrainingStateRecipe.MixedPrecisionAdamW, Precision.Bf16);
        Assert.Equal(1.12e12, memory.TrainingStateBytes, 1e3);
        Assert.Equal(14, GpuCount.ToHold(memory.TrainingStateBytes, 80e9, 1.0));
    }

    [Theory]
    [InlineData(Precision.Fp32, 80e9)]
    [InlineData(Precision.Bf16, 40e9)]
    [InlineData(Precision.Fp16, 40e9)]
    [InlineData(Precision.Int8, 20e9)]
    public void SeedPrecisionTable_OneBillionParameters_MatchesTheSeedTable(Precision precision, double bytes)
    {
        // The precision table of the article 'KI-Effizienztechniken': 80 GB per 1B parameters for FP32 training, 40 GB FP16/BF16, 20 GB INT8.
        var memory = MemoryFootprint.Create(1e9, TrainingStateRecipe.SeedPrecisionTable, precision);
        Assert.Equal(bytes, memory.TrainingStateBytes, 1e3);
    }

    [Theory]
    [InlineData("adamw16", 16)]
    [InlineData("ADAMW18", 18)]
    [InlineData("adamw20", 20)]
    [InlineData("seed24", 24)]
    public void Find_NamedRecipes_HaveTheirBytes(string name, double bytes) =>
        Assert.Equal(bytes, TrainingStateRecipe.Find(name)!.BytesPerParameter(Precision.Bf16));

    [Fact]
    public void Fixed_KnownCount_ReturnsTheNamedRecipe() =>
        Assert.Same(TrainingStateRecipe.Seed24, TrainingStateRecipe.Fixed(24));

    [Fact]
    public void Weights_AndInference_FollowThePrecision()
    {
        var memory = MemoryFootprint.Create(7e9, TrainingStateRecipe.MixedPrecisionAdamW, Precision.Bf16);
        Assert.Equal(14e9, memory.WeightsBytes(Precision.Bf16), 1e3);
        Assert.Equal(3.5e9, memory.WeightsBytes(Precision.Int4), 1e3);
        // EleutherAI, "Transformer Math 101" rule of thumb: inference ≈ 1.2 × weights.
        Assert.Equal(16.8e9, memory.InferenceBytes(Precision.Bf16), 1e3);
    }

    [Fact]
    public void GpuCount_SeedGpt35_Is140WithoutRoundingUp()
    {
        // The article 'KI-Effizienztechniken', GPT-3.5 example: 4.2 TB on 30 GB usable per V100-32GB → 140 GPUs (4.2e12 / 30e9 is 140.00000000000003 in doubles).
        Assert.Equal(140, GpuCount.ToHold(175e9 * 24, 32e9, 30.0 / 32));
    }

    [Fact]
    public void GpuCount_ToFinishWithin_RoundsUp() => Assert.Equal(3, GpuCount.ToFinishWithin(49, 1));
}
