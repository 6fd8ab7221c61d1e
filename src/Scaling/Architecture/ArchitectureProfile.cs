using Scaling.Hardware;
using Scaling.Resources;

namespace Scaling.Architecture;

/// <summary>
/// Everything the shape of a model decides for training and serving at a context length: exact parameters, FLOPs per
/// token by each published count, weights per precision, training state, activations, KV cache and — given the
/// training tokens — learning rate and batch size (DeepSeek, Step Law, Kaplan's critical batch) and what
/// post-training quantisation would cost.
/// </summary>
/// <remarks>
/// Left out: optimiser and communication buffers beyond the recipe's bytes per parameter, allocator fragmentation,
/// the logits (s·b·V) and embedding activations, pipeline-parallel in-flight micro-batches, and the KV cache's paging
/// overhead; MFU and restarts are the resource plan's business.
/// <example><code>
/// var profile = ArchitectureProfile.Create(shape, contextTokens: 4096, tokens: 1.4e12);
/// profile.FlopsPerToken;            // Hoffmann App. F count
/// profile.KvCacheBytesPerToken;     // at the serving precision
/// profile.Hyperparameters?.LearningRate;
/// </code></example>
/// </remarks>
public sealed record ArchitectureProfile
{
    private ArchitectureProfile(TransformerShape shape, int contextTokens, double? tokens, TrainingStateRecipe recipe, Precision precision)
    {
        Shape = shape;
        ContextTokens = contextTokens;
        Tokens = tokens;
        Recipe = recipe;
        Precision = precision;
        FlopsPerToken = TransformerFlops.PerToken(shape, contextTokens, FlopsCounting.Hoffmann2022);
        KvCacheBytesPerToken = shape.KvCacheBytesPerToken(precision);
        TrainingStateBytes = MemoryFootprint.Create(shape.Parameters, recipe, precision).TrainingStateBytes;
        Hyperparameters = tokens is { } d ? HyperparameterLaws.DeepSeek(shape, contextTokens, d) : null;
        AlternativeHyperparameters = tokens is { } d2 ? HyperparameterLaws.StepLaw(shape, d2) : null;
        CriticalBatchTokens = tokens is { } d3 ? HyperparameterLaws.KaplanCriticalBatchTokens(shape, d3) : null;
        Ptq = tokens is { } d4 ? PrecisionLaw.Kumar2024.Outlook(shape.Parameters, d4) : null;
    }

    /// <summary>The shape.</summary>
    public TransformerShape Shape { get; }

    /// <summary>The context (sequence) length in tokens.</summary>
    public int ContextTokens { get; }

    /// <summary>The training tokens, when known.</summary>
    public double? Tokens { get; }

    /// <summary>The training-state recipe.</summary>
    public TrainingStateRecipe Recipe { get; }

    /// <summary>The training and serving precision.</summary>
    public Precision Precision { get; }

    /// <summary>Training FLOPs per token, Hoffmann et al. 2022 Appendix F (embeddings and logits included).</summary>
    public double FlopsPerToken { get; }

    /// <summary>KV-cache bytes per token of context at <see cref="Precision"/>.</summary>
    public double KvCacheBytesPerToken { get; }

    /// <summary>Weights, gradients and optimiser state in bytes (the recipe × parameters).</summary>
    public double TrainingStateBytes { get; }

    /// <summary>DeepSeek LLM's learning rate and batch for the run, when the tokens are known.</summary>
    public Hyperparameters? Hyperparameters { get; }

    /// <summary>Step Law's learning rate and batch for comparison, when the tokens are known.</summary>
    public Hyperparameters? AlternativeHyperparameters { get; }

    /// <summary>Kaplan et al. 2020's critical batch (Eq. 1.4) in tokens for the run, when the tokens are known.</summary>
    public double? CriticalBatchTokens { get; }

    /// <summary>What post-training quantisation to INT8/INT4 costs (Kumar et al. 2024, Eq. 2), when the tokens are known.</summary>
    public PtqOutlook? Ptq { get; }

    /// <summary>A warning when the tokens per parameter make post-training quantisation costly, else null.</summary>
    public string? PtqWarning => Ptq?.Warning;

    /// <summary>Builds the profile; <paramref name="tokens"/> (optional) are the training tokens.</summary>
    public static ArchitectureProfile Create(
        TransformerShape shape, int contextTokens, double? tokens = null, TrainingStateRecipe? recipe = null, Precision precision = Precision.Bf16)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (contextTokens <= 0)
        {
            throw new InvalidShapeException("context", contextTokens, $"must be at least 1 token, got {contextTokens}.");
        }

        if (tokens is { } d)
        {
            Require.PositiveFinite(d, nameof(tokens));
        }

        return new ArchitectureProfile(shape, contextTokens, tokens, recipe ?? TrainingStateRecipe.MixedPrecisionAdamW, precision);
    }

    /// <summary>Training FLOPs per token under another count.</summary>
    public double FlopsPerTokenBy(FlopsCounting counting) => TransformerFlops.PerToken(Shape, ContextTokens, counting);

    /// <summary>Activation bytes of all layers for one sequence (micro-batch 1, no parallelism) under <paramref name="recomputation"/> (Korthikanti et al. 2022, Table 2).</summary>
    public double ActivationBytes(Recomputation recomputation) => ActivationMemory.Bytes(Shape, ContextTokens, 1, recomputation);

    /// <summary>
    /// Training bytes on each of <paramref name="gpus"/> accelerators: the training state sharded over all of them
    /// (a distributed optimizer, ZeRO-1..3 style) plus the activations of one full-context micro-batch under
    /// <paramref name="tensorParallel"/>-way tensor and sequence parallelism with selective recomputation
    /// (Korthikanti et al. 2022, Table 2: 34·s·b·h/t per layer). Under 1F1B pipelining the first stage holds one
    /// micro-batch for each of the p stages, p·(L/p) = L layers' worth, so the per-GPU activations are those of all layers.
    /// </summary>
    public double TrainingBytesPerGpu(int gpus, int tensorParallel = 8)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gpus);
        return (TrainingStateBytes / gpus) + ActivationMemory.Bytes(Shape, ContextTokens, 1, Recomputation.Selective, tensorParallel, sequenceParallel: true);
    }

    /// <summary>
    /// The fewest accelerators of <paramref name="usableBytesPerGpu"/> that serve <paramref name="sequences"/>
    /// full-context sequences at once with weights at <paramref name="weightsPrecision"/> and the KV cache at the
    /// profile's precision: ⌈(weights + sequences · context · KV bytes per token) / usable⌉.
    /// </summary>
    public int ServingGpus(double usableBytesPerGpu, int sequences, Precision weightsPrecision)
    {
        Require.PositiveFinite(usableBytesPerGpu, nameof(usableBytesPerGpu));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequences);
        double bytes = Shape.WeightsBytes(weightsPrecision) + (sequences * KvCacheBytesPerSequence);
        return (int)Math.Ceiling(bytes / usableBytesPerGpu);
    }

    /// <summary>The KV cache of one full-context sequence in bytes.</summary>
    public double KvCacheBytesPerSequence => KvCacheBytesPerToken * ContextTokens;
}
