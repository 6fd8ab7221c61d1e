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

    [Fact]
    public void TrainingBytesPerGpu_IsTheStateShareplusSelectiveActivations()
    {
        var shape = TransformerShape.Create(80, 8192, 64, kvHeads: 8, ffnSize: 28672);
        var profile = ArchitectureProfile.Create(shape, 4096);
        double expected = (16.0 * shape.Parameters / 512) + (80 * 34.0 * 4096 * 8192 / 8);
        Assert.Equal(expected, profile.TrainingBytesPerGpu(512, tensorParallel: 8), expected * 1e-12);
    }

    [Fact]
    public void ServingGpus_Llama2With7BOnOne80GbGpu_HoldsWeightsAndKvCacheOfEightSequences()
    {
        // 13.5 GB of BF16 weights + 8 × 4,096 × 524,288 B = 17.2 GB of KV cache = 30.7 GB: one GPU of 72 GB usable;
        // 64 sequences take 13.5 + 137.4 = 150.9 GB: three.
        var shape = TransformerShape.Create(32, 4096, 32, ffnSize: 11008);
        var profile = ArchitectureProfile.Create(shape, 4096);
        Assert.Equal(1, profile.ServingGpus(72e9, 8, Scaling.Hardware.Precision.Bf16));
        Assert.Equal(3, profile.ServingGpus(72e9, 64, Scaling.Hardware.Precision.Bf16));
    }
}
