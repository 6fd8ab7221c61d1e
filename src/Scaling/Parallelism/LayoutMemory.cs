using Scaling.Architecture;
using Scaling.Hardware;
using Scaling.Resources;

namespace Scaling.Parallelism;

/// <summary>
/// The training memory on one accelerator of a <see cref="ParallelLayout"/>: its share of the model states (weights,
/// gradients, optimiser state; ZeRO over the data-parallel replicas) and the activations it stores.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Parameters per GPU: the dense part ÷ (t·p); the routed experts ÷ (t·p·e), e the expert degree.</item>
/// <item>Model states (Rajbhandari et al. 2020, §5.1): 2 B weights + 2 B gradients + K B optimiser state per
/// parameter, K = the recipe's bytes − 4 (12 for mixed-precision AdamW's 16); ZeRO shards over the d replicas, the
/// experts' over d/e.</item>
/// <item>Activations (Korthikanti et al. 2022, Table 2, GPT block, 16-bit): each layer's bytes for a micro-batch under
/// the recomputation, t and sequence parallelism; under 1F1B the first stage keeps p micro-batches of its L/p layers
/// in flight (Narayanan et al. 2021 §2.2.1), so L layers' worth.</item>
/// </list>
/// Left out: the embedding and logits activations, the interleaved schedule's extra in-flight micro-batch,
/// communication buffers, allocator fragmentation, and the imbalance of the first and last pipeline stage (embeddings).
/// <example><code>
/// LayoutMemory.For(shape, 2048, ParallelLayout.Create(8, 64, 6, recompute: Recomputation.Full), TrainingStateRecipe.MixedPrecisionAdamW).TotalBytes;
/// </code></example>
/// </remarks>
public sealed record LayoutMemory
{
    private LayoutMemory(double parametersPerGpu, double modelStateBytes, double activationBytes)
    {
        ParametersPerGpu = parametersPerGpu;
        ModelStateBytes = modelStateBytes;
        ActivationBytes = activationBytes;
    }

    /// <summary>Parameters each accelerator holds the full copy of before ZeRO shards them.</summary>
    public double ParametersPerGpu { get; }

    /// <summary>Weights, gradients and optimiser state on one accelerator.</summary>
    public double ModelStateBytes { get; }

    /// <summary>Activations stored on one accelerator.</summary>
    public double ActivationBytes { get; }

    /// <summary>Model states plus activations.</summary>
    public double TotalBytes => ModelStateBytes + ActivationBytes;

    /// <summary>The per-GPU memory of <paramref name="layout"/> for <paramref name="shape"/> at <paramref name="contextTokens"/>.</summary>
    /// <exception cref="ArgumentException">The recipe has fewer than 4 bytes per parameter (no room for 16-bit weights and gradients).</exception>
    public static LayoutMemory For(TransformerShape shape, int contextTokens, ParallelLayout layout, TrainingStateRecipe recipe, Precision precision = Precision.Bf16)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(contextTokens);
        double k = recipe.BytesPerParameter(precision) - (2 * ZeroMemory.HalfPrecisionBytes);
        if (k < 0)
        {
            throw new ArgumentException($"the recipe's {recipe.BytesPerParameter(precision)} bytes per parameter leave no room for 16-bit weights and gradients.", nameof(recipe));
        }

        double expertParameters = RoutedExpertParameters(shape);
        double denseParameters = shape.Parameters - expertParameters;
        double modelParallel = (double)layout.Tensor * layout.Pipeline;
        double densePerGpu = denseParameters / modelParallel;
        double expertsPerGpu = expertParameters / (modelParallel * layout.Expert);
        double states = ZeroMemory.ModelStateBytesPerDevice(densePerGpu, k, layout.Data, layout.Zero)
            + ZeroMemory.ModelStateBytesPerDevice(expertsPerGpu, k, layout.Data / layout.Expert, layout.Zero);
        double activations = ActivationMemory.Bytes(shape, contextTokens, layout.MicroBatch, layout.Recompute, layout.Tensor, layout.SequenceParallel);
        return new LayoutMemory(densePerGpu + expertsPerGpu, states, activations);
    }

    /// <summary>The routed experts' parameters (what expert parallelism splits): MoE layers × experts × one expert.</summary>
    public static double RoutedExpertParameters(TransformerShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return shape.Experts is { } e
            ? (double)shape.MoeLayers * e.Experts * (shape.Conventions.GatedFfn ? 3.0 : 2.0) * shape.DModel * e.ExpertFfnSize
            : 0;
    }
}
