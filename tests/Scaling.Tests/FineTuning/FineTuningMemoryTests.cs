using FsCheck;
using FsCheck.Fluent;
using Scaling.Architecture;
using Scaling.FineTuning;
using Scaling.Hardware;
using Scaling.Resources;

namespace Scaling.Tests.FineTuning;

public class FineTuningMemoryTests
{
    // LLaMA 65B: 80 layers, d_model 8,192, 64 heads, SwiGLU feed-forward 22,016, vocabulary 32,000, untied
    // (Touvron et al. 2023, arXiv 2302.13971, Table 2: 65.2B parameters).
    internal static readonly TransformerShape Llama65B = TransformerShape.Create(80, 8192, 64, ffnSize: 22016, vocabulary: 32000, conventions: ParameterConventions.Llama);

    private static readonly FineTuningMethod QLora64 = new FineTuningMethod.QLora(LoraAdapters.AllLinear(64));

    [Fact]
    public void Llama65BShape_Has65Point2BillionParameters() => Assert.Equal(65.2e9, Llama65B.Parameters, 0.1e9);

    [Fact]
    public void Full16BitFineTuning_Llama65B_NeedsMoreThanThe780GigabytesDettmersEtAlQuote()
    {
        // Dettmers et al. 2023 (QLoRA, arXiv 2305.14314, §1): regular 16-bit fine-tuning of LLaMA 65B "requires more
        // than 780 GB of GPU memory"; 16-bit weights and gradients with 32-bit Adam moments are 12 bytes per parameter.
        var memory = FineTuningMemory.Create(Llama65B, new FineTuningMethod.Full(), TrainingStateRecipe.SixteenBitAdamW, activationBytes: 0);
        Assert.InRange(memory.TotalBytes, 780e9, 790e9);
    }

    [Fact]
    public void QLora_Llama65B_FitsOnOne48GigabyteGpu()
    {
        // Dettmers et al. 2023: QLoRA fine-tunes a 65B model on a single 48 GB GPU: NF4 weights with double
        // quantisation, BF16 adapters of r = 64 on every linear layer (§4), 32-bit paged AdamW, gradient checkpointing.
        // Activations: one sequence of 2,048 tokens with full recomputation (Korthikanti et al. 2022, Table 2).
        double activations = ActivationMemory.Bytes(Llama65B, 2048, 1, Recomputation.Full);
        var memory = FineTuningMemory.Create(Llama65B, QLora64, TrainingStateRecipe.SixteenBitAdamW, activations);
        Assert.True(memory.TotalBytes < 48e9, $"QLoRA 65B needs {memory.TotalBytes / 1e9:0.0} GB");
        Assert.True(memory.TotalBytes > 40e9, $"QLoRA 65B needs {memory.TotalBytes / 1e9:0.0} GB");
    }

    [Fact]
    public void DoubleQuantisation_IsThePapers0Point127BitsPerParameter() =>
        // Dettmers et al. 2023, §3: 8/64 + 32/(64·256) = 0.127 bits per parameter, down from 32/64 = 0.5.
        Assert.Equal(0.127, FineTuningMemory.DoubleQuantisationBits, 0.0005);

    [Fact]
    public void Lora_FrozenWeights_AreTheSixteenBitWeights()
    {
        var memory = FineTuningMemory.Create(LoraAdaptersTests.Gpt3, new FineTuningMethod.Lora(LoraAdapters.QueryValue(4)), TrainingStateRecipe.SixteenBitAdamW, 0);
        // Hu et al. 2021, §4.2: GPT-3 175B's weights are 350 GB in 16 bits.
        Assert.Equal(350e9, memory.FrozenWeightsBytes, 1e9);
    }

    [MathProperty]
    public Property MethodsOrder_FullAboveLoraAboveQLora() =>
        Prop.ForAll(Gen.Choose(1, 64).ToArbitrary(), Gen.Elements(2, 8, 32, 80).ToArbitrary(), (rank, layers) =>
        {
            var shape = TransformerShape.Create(layers, 4096, 32, kvHeads: 8, vocabulary: 32000);
            var recipe = TrainingStateRecipe.MixedPrecisionAdamW;
            double full = FineTuningMemory.Create(shape, new FineTuningMethod.Full(), recipe, 0).TotalBytes;
            double lora = FineTuningMemory.Create(shape, new FineTuningMethod.Lora(LoraAdapters.AllLinear(rank)), recipe, 0).TotalBytes;
            double qlora = FineTuningMemory.Create(shape, new FineTuningMethod.QLora(LoraAdapters.AllLinear(rank)), recipe, 0).TotalBytes;
            return (full > lora && lora > qlora).Label($"full {full}, lora {lora}, qlora {qlora}");
        });

    [MathProperty]
    public Property TrainableState_IsTrainableParametersTimesTheRecipe() =>
        Prop.ForAll(Gen.Choose(1, 64).ToArbitrary(), Gen.Elements(TrainingStateRecipe.All.ToArray()).ToArbitrary(), (rank, recipe) =>
        {
            var memory = FineTuningMemory.Create(Llama65B, new FineTuningMethod.Lora(LoraAdapters.QueryValue(rank)), recipe, 0, Precision.Bf16);
            double expected = memory.TrainableParameters * recipe.BytesPerParameter(Precision.Bf16);
            return (Math.Abs(memory.TrainableStateBytes - expected) <= 1e-9 * expected).Label($"{memory.TrainableStateBytes} vs {expected}");
        });

    [Fact]
    public void MixtureOfExperts_IsRefusedNamingExperts()
    {
        var moe = TransformerShape.Create(32, 4096, 32, kvHeads: 8, vocabulary: 32000).WithExperts(MixtureOfExperts.Create(8, 2, 14336));
        var e = Assert.Throws<InvalidShapeException>(() => FineTuningMemory.Create(moe, new FineTuningMethod.Full(), TrainingStateRecipe.SixteenBitAdamW, 0));
        Assert.Equal("experts", e.Quantity);
        Assert.Throws<InvalidShapeException>(() => LoraAdapters.QueryValue(8).TrainableParameters(moe));
    }
}
