using Scaling.Architecture;
using Scaling.Parallelism;
using Scaling.Resources;

namespace Scaling.Tests.Parallelism;

public class LayoutMemoryTests
{
    // Narayanan et al. 2021 (arXiv 2104.04473), Table 1: parameters (billions), heads, hidden size, layers, tensor and
    // pipeline degrees, GPUs. GPT models with a 51,200-token vocabulary and 2,048-token sequences.
    public static TheoryData<double, int, int, int, int, int, int> Table1 => new()
    {
        { 1.7, 24, 2304, 24, 1, 1, 32 },
        { 3.6, 32, 3072, 30, 2, 1, 64 },
        { 7.5, 32, 4096, 36, 4, 1, 128 },
        { 18.4, 48, 6144, 40, 8, 1, 256 },
        { 39.1, 64, 8192, 48, 8, 2, 512 },
        { 76.1, 80, 10240, 60, 8, 4, 1024 },
        { 145.6, 96, 12288, 80, 8, 8, 1536 },
        { 310.1, 128, 16384, 96, 8, 16, 1920 },
        { 529.6, 128, 20480, 105, 8, 35, 2520 },
        { 1008.0, 160, 25600, 128, 8, 64, 3072 },
    };

    internal static TransformerShape Gpt(int layers, int hidden, int heads) =>
        TransformerShape.Create(layers, hidden, heads, ffnSize: 4 * hidden, vocabulary: 51200, conventions: ParameterConventions.Gpt2 with { LearnedPositions = 2048 });

    [Theory]
    [MemberData(nameof(Table1))]
    public void GptShape_NarayananTable1_CountsThePublishedParameters(double billions, int heads, int hidden, int layers, int tensor, int pipeline, int gpus)
    {
        _ = (tensor, pipeline, gpus);
        Assert.Equal(billions, Math.Round(Gpt(layers, hidden, heads).Parameters / 1e9, 1));
    }

    [Theory]
    [MemberData(nameof(Table1))]
    public void Layout_NarayananTable1_FitsAnA100With80Gb(double billions, int heads, int hidden, int layers, int tensor, int pipeline, int gpus)
    {
        // The runs of Table 1 trained on 80 GB A100s with full activation recomputation (its FLOP count, Eq. 3, has
        // the 4th pass) and Megatron's optimizer without ZeRO; 20 bytes per parameter with the fp32 gradient buffer.
        _ = billions;
        var layout = ParallelLayout.Create(tensor, pipeline, gpus / (tensor * pipeline), recompute: Recomputation.Full);
        var memory = LayoutMemory.For(Gpt(layers, hidden, heads), 2048, layout, TrainingStateRecipe.MixedPrecisionAdamWGradientBuffer);
        Assert.InRange(memory.TotalBytes, 1e9, 80e9);
    }

    [Fact]
    public void Layout_Narayanan1TWithoutPipeline_DoesNotFit()
    {
        var layout = ParallelLayout.Create(8, 1, 384, recompute: Recomputation.Full);
        Assert.True(LayoutMemory.For(Gpt(128, 25600, 160), 2048, layout, TrainingStateRecipe.MixedPrecisionAdamWGradientBuffer).TotalBytes > 80e9);
    }

    [Fact]
    public void Activations_SelectiveWithSequenceParallel_AreKorthikantiTable2PerLayerTimesLayers()
    {
        // Korthikanti et al. 2022 (arXiv 2205.05198), Table 2: selective recomputation with tensor and sequence
        // parallelism stores 34·s·b·h/t per layer; under 1F1B the first stage holds L layers' worth.
        var gpt3 = Gpt(96, 12288, 96);
        var layout = ParallelLayout.Create(8, 8, 1, recompute: Recomputation.Selective);
        double expected = 96 * 34.0 * 2048 * 12288 / 8;
        Assert.Equal(expected, LayoutMemory.For(gpt3, 2048, layout, TrainingStateRecipe.MixedPrecisionAdamW).ActivationBytes, 1e-6);
    }

    [Fact]
    public void Activations_TensorWithoutSequenceParallel_FollowKorthikantiTable2()
    {
        // Table 2, tensor parallelism alone: s·b·h·(10 + 24/t + 5·a·s/(h·t)) per layer.
        var gpt3 = Gpt(96, 12288, 96);
        var layout = ParallelLayout.Create(8, 8, 1, sequenceParallel: false, recompute: Recomputation.None);
        double perLayer = 2048.0 * 12288 * (10 + (24.0 / 8) + (5.0 * 96 * 2048 / (12288 * 8)));
        Assert.Equal(96 * perLayer, LayoutMemory.For(gpt3, 2048, layout, TrainingStateRecipe.MixedPrecisionAdamW).ActivationBytes, 1e-6);
    }

    [Fact]
    public void ExpertParallelism_SplitsOnlyTheRoutedExperts()
    {
        var moe = TransformerShape.Create(8, 1024, 16, experts: MixtureOfExperts.Create(16, 2, 512));
        var replicated = LayoutMemory.For(moe, 1024, ParallelLayout.Create(data: 16), TrainingStateRecipe.MixedPrecisionAdamW);
        var split = LayoutMemory.For(moe, 1024, ParallelLayout.Create(data: 16, expert: 16), TrainingStateRecipe.MixedPrecisionAdamW);
        double experts = LayoutMemory.RoutedExpertParameters(moe);
        Assert.Equal(replicated.ParametersPerGpu - (experts * 15 / 16), split.ParametersPerGpu, 1e-3);
    }
}
