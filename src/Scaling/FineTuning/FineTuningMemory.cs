using Scaling.Architecture;
using Scaling.Resources;

namespace Scaling.FineTuning;

/// <summary>
/// The memory of fine-tuning a <see cref="TransformerShape"/>: the frozen weights, the trainable state (weights,
/// gradients and optimiser state of what trains) and the activations of one micro-batch per GPU.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>full: no frozen weights; every parameter carries the training-state recipe (16-bit fine-tuning: 12 bytes)</item>
/// <item>LoRA: every weight frozen in 16 bits (2 bytes); the adapters carry the recipe (Hu et al. 2021, §4.2)</item>
/// <item>QLoRA: the block's linear weights frozen in 4-bit NormalFloat with double quantisation,
/// 4 + 8/64 + 32/(64·256) = 4.127 bits each (Dettmers et al. 2023, arXiv 2305.14314, §3, "Double Quantization"); the
/// embeddings, output head and norms stay in 16 bits; the adapters carry the recipe</item>
/// <item>activations: Korthikanti et al. 2022, Table 2 (<see cref="ActivationMemory"/>), for one micro-batch</item>
/// </list>
/// The frozen weights and the trainable state shard across GPUs (ZeRO-3 / FSDP); activations do not.
/// <example><code>
/// // LLaMA 65B under QLoRA, r = 64 on every linear layer: ≈ 33.4 GB of 4-bit weights + 1.05 GB in 16 bits + 9.6 GB of adapter state.
/// var m = FineTuningMemory.Create(llama65b, new FineTuningMethod.QLora(LoraAdapters.AllLinear(64)), TrainingStateRecipe.SixteenBitAdamW, activationBytes: 0);
/// </code></example>
/// </remarks>
public sealed record FineTuningMemory
{
    /// <summary>The bits of one quantised weight: 4 (NF4).</summary>
    public const double Nf4Bits = 4;

    /// <summary>
    /// The bits of quantisation constants per weight with double quantisation: 8/64 + 32/(64·256) = 0.127 (Dettmers et
    /// al. 2023, §3; 32/64 = 0.5 without it).
    /// </summary>
    public const double DoubleQuantisationBits = (8.0 / 64) + (32.0 / (64 * 256));

    /// <summary>Bytes of a frozen 16-bit weight.</summary>
    public const double SixteenBitBytes = 2;

    private FineTuningMemory(long trainableParameters, double frozenWeightsBytes, double trainableStateBytes, double activationBytes)
    {
        TrainableParameters = trainableParameters;
        FrozenWeightsBytes = frozenWeightsBytes;
        TrainableStateBytes = trainableStateBytes;
        ActivationBytes = activationBytes;
    }

    /// <summary>The parameters that train: all of them, or the adapters'.</summary>
    public long TrainableParameters { get; }

    /// <summary>Weights that do not train, in their storage precision (0 for full fine-tuning).</summary>
    public double FrozenWeightsBytes { get; }

    /// <summary>Weights, gradients and optimiser state of what trains.</summary>
    public double TrainableStateBytes { get; }

    /// <summary>Activations of one micro-batch, held on every GPU.</summary>
    public double ActivationBytes { get; }

    /// <summary>The part that shards across GPUs: frozen weights plus trainable state.</summary>
    public double ShardedBytes => FrozenWeightsBytes + TrainableStateBytes;

    /// <summary>Everything on one GPU: sharded bytes plus activations.</summary>
    public double TotalBytes => ShardedBytes + ActivationBytes;

    /// <summary>The memory of fine-tuning <paramref name="shape"/> with <paramref name="method"/>.</summary>
    /// <param name="shape">The model.</param>
    /// <param name="method">Full, LoRA or QLoRA.</param>
    /// <param name="recipe">Bytes per trainable parameter (default for fine-tuning: <see cref="TrainingStateRecipe.SixteenBitAdamW"/>).</param>
    /// <param name="activationBytes">Activations of one micro-batch, ≥ 0 (see <see cref="ActivationMemory"/>).</param>
    /// <param name="trainingPrecision">The precision a precision-scaled recipe is evaluated at (default BF16).</param>
    public static FineTuningMemory Create(
        TransformerShape shape, FineTuningMethod method, TrainingStateRecipe recipe, double activationBytes, Hardware.Precision trainingPrecision = Hardware.Precision.Bf16)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(recipe);
        Require.NonNegativeFinite(activationBytes, nameof(activationBytes));
        RequireDense(shape);
        double bytes = recipe.BytesPerParameter(trainingPrecision);
        return method switch
        {
            FineTuningMethod.Full => new FineTuningMemory(shape.Parameters, 0, shape.Parameters * bytes, activationBytes),
            FineTuningMethod.Lora lora => Adapted(lora.Adapters.TrainableParameters(shape), shape.Parameters * SixteenBitBytes, bytes, activationBytes),
            FineTuningMethod.QLora qlora => Adapted(
                qlora.Adapters.TrainableParameters(shape),
                (LinearWeights(shape) * (Nf4Bits + DoubleQuantisationBits) / 8) + ((shape.Parameters - LinearWeights(shape)) * SixteenBitBytes),
                bytes,
                activationBytes),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown fine-tuning method."),
        };
    }

    /// <summary>
    /// The weights of the blocks' linear layers, which QLoRA quantises: per layer the query, key, value and output
    /// projections (and a relative-position projection when counted) and the two or three feed-forward matrices;
    /// biases, norms and embeddings excluded.
    /// </summary>
    public static long LinearWeights(TransformerShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        long d = shape.DModel;
        long attention = (2 * d * shape.AttentionWidth) + (2 * d * shape.KeyValueWidth)
            + (shape.Conventions.RelativePositionProjection ? d * shape.AttentionWidth : 0);
        long ffn = (shape.Conventions.GatedFfn ? 3 : 2) * d * shape.FfnSize;
        return shape.Layers * (attention + ffn);
    }

    /// <summary>Refuses the shapes this memory model does not cover: mixtures of experts and latent attention.</summary>
    /// <exception cref="InvalidShapeException">Quantity <c>experts</c> or <c>latent</c>.</exception>
    public static void RequireDense(TransformerShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Experts is not null)
        {
            throw new InvalidShapeException("experts", double.NaN, "fine-tuning plans cover dense models; the adapters and 4-bit weights of a mixture of experts are not modelled, so give a dense shape.", "a dense shape");
        }

        if (shape.Latent is not null)
        {
            throw new InvalidShapeException("latent", double.NaN, "fine-tuning plans cover standard attention; the projections of latent attention are not modelled, so give a shape with multi-head or grouped-query attention.", "standard attention");
        }
    }

    private static FineTuningMemory Adapted(long adapters, double frozenBytes, double bytesPerTrainable, double activationBytes) =>
        new(adapters, frozenBytes, adapters * bytesPerTrainable, activationBytes);
}
