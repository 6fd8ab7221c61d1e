using Scaling.Architecture;

namespace Scaling.Tests.Architecture;

public class MemoryTests
{
    private static readonly TransformerShape Gpt3 = TransformerShape.Create(96, 12288, 96, vocabulary: 50257, conventions: ParameterConventions.Gpt2);

    [Fact]
    public void ActivationsPerLayer_Gpt3NoParallelism_AttentionTermIs80()
    {
        // Korthikanti et al. 2022 §4.1: for GPT-3 175B (a = 96, s = 2048, h = 12288) 5·a·s/h = 80 against 34.
        double perLayer = ActivationMemory.BytesPerLayer(Gpt3, 2048, 1, Recomputation.None);
        Assert.Equal(34 + 80, perLayer / (2048.0 * 12288), 9);
    }

    [Fact]
    public void ActivationsPerLayer_SelectiveWithSequenceParallel_Is34SbhOverT()
    {
        // Korthikanti et al. 2022, Table 2: selective recomputation with tensor and sequence parallelism 34·s·b·h/t.
        double perLayer = ActivationMemory.BytesPerLayer(Gpt3, 2048, 1, Recomputation.Selective, tensorParallel: 8, sequenceParallel: true);
        Assert.Equal(34.0 * 2048 * 12288 / 8, perLayer);
    }

    [Fact]
    public void Activations_FullRecomputation_StoreLessThanSelectiveLessThanNone()
    {
        double none = ActivationMemory.Bytes(Gpt3, 2048, 1, Recomputation.None);
        double selective = ActivationMemory.Bytes(Gpt3, 2048, 1, Recomputation.Selective, 1, sequenceParallel: true);
        double full = ActivationMemory.Bytes(Gpt3, 2048, 1, Recomputation.Full);
        Assert.True(full < selective && selective < none, $"{full} {selective} {none}");
    }

    [Fact]
    public void Profile_Llama2With7B_WeightsAtEveryPrecisionFollowTheBytes()
    {
        var shape = HuggingFaceConfig.Parse(File.ReadAllText(RepositoryFiles.Path("data/configs/llama-2-7b.json")), "llama").Shape;
        Assert.Equal(6_738_415_616.0 * 0.5, shape.WeightsBytes(Scaling.Hardware.Precision.Int4));
        Assert.Equal(6_738_415_616.0 * 16, ArchitectureProfile.Create(shape, 4096).TrainingStateBytes);
    }
}
