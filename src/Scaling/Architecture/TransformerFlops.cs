namespace Scaling.Architecture;

/// <summary>
/// Training FLOPs per token of a <see cref="TransformerShape"/> at a context of T tokens, by the published counts
/// (forward + backward, backward = 2 × forward; recomputation never counted).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>6·N: N all parameters (the C = 6·N·D of the scaling laws).</item>
/// <item>Kaplan et al. 2020, Table 1: <c>C_forward = 2·N + 2·n_layer·n_ctx·d_attn</c>, N non-embedding; training 3×.</item>
/// <item>Hoffmann et al. 2022, Appendix F, per layer and token: QKV <c>2·d·(q + 2·kv)</c>, logits <c>2·T·q</c>,
/// softmax <c>3·H·T</c>, attention over values <c>2·T·q</c>, output <c>2·q·d</c>, dense block <c>2·m·d·ffn</c>
/// (m = 2 matrices, 3 gated); embeddings and final logits <c>2·V·d</c> each; training 3× forward.</item>
/// <item>PaLM (Chowdhery et al. 2022, App. B): <c>6·N + 12·L·H·Q·T</c>, N all parameters.</item>
/// </list>
/// With one key/value head per query head and no gating, App. F's QKV term is App. F's 2·3·d·(k·h).
/// A mixture of experts costs its active path: N is <see cref="TransformerShape.ActiveParameters"/>, and in App. F's
/// count each MoE layer multiplies through the k active and the shared experts plus the router (<c>2·d·E</c>).
/// Latent attention multiplies through its projections (<c>2 ×</c> their weights) and attends with query/key heads of
/// n + ρ and value heads of v.
/// <example><code>
/// var chinchilla = TransformerShape.Create(80, 8192, 64, headSize: 128, ffnSize: 32768, conventions: ParameterConventions.Hoffmann2022);
/// TransformerFlops.PerToken(chinchilla, 2048, FlopsCounting.Hoffmann2022); // ≈ 1.03 × 6·N
/// </code></example>
/// </remarks>
public static class TransformerFlops
{
    /// <summary>Training FLOPs per token under <paramref name="counting"/> at a context of <paramref name="contextTokens"/>.</summary>
    public static double PerToken(TransformerShape shape, int contextTokens, FlopsCounting counting)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (contextTokens <= 0)
        {
            throw new InvalidShapeException("context", contextTokens, $"must be at least 1 token, got {contextTokens}.");
        }

        return counting switch
        {
            FlopsCounting.SixN => 6.0 * shape.ActiveParameters,
            FlopsCounting.Kaplan2020 => 3 * ((2.0 * shape.ActiveNonEmbeddingParameters) + (2.0 * shape.Layers * contextTokens * shape.AttentionWidth)),
            FlopsCounting.Hoffmann2022 => 3 * (HoffmannLayersForward(shape, contextTokens) + HoffmannEmbeddingsForward(shape)),
            FlopsCounting.Palm2022 => (6.0 * shape.ActiveParameters) + (12.0 * shape.Layers * shape.Heads * shape.HeadSize * contextTokens),
            _ => throw new ArgumentOutOfRangeException(nameof(counting), counting, "unknown FLOP count."),
        };
    }

    /// <summary>
    /// Forward FLOPs per token of the transformer blocks alone by Hoffmann et al. 2022, Appendix F (no embeddings,
    /// no final logits). Table A4's ratios to 6·N·D (73M 1.03 … 6.8B 0.99) come out of 3 × this over 6·N with N the
    /// Table A9 count; counting App. F's embedding and logit products as well gives 1.58 for 73M instead.
    /// </summary>
    public static double HoffmannLayersForward(TransformerShape shape, int contextTokens)
    {
        ArgumentNullException.ThrowIfNull(shape);
        double d = shape.DModel, q = shape.AttentionWidth, kv = shape.KeyValueWidth, t = contextTokens;
        double projections = shape.Latent is { } latent
            ? 2.0 * latent.WeightsPerLayer(shape.DModel, shape.Heads)
            : (2 * d * (q + (2 * kv))) + (2 * q * d);
        double values = 2.0 * t * shape.Heads * shape.ValueHeadSize;
        double attention = (2 * t * q) + (3.0 * shape.Heads * t) + values;
        int matrices = shape.Conventions.GatedFfn ? 3 : 2;
        double dense = 2.0 * matrices * d * shape.FfnSize;
        double moe = shape.Experts is { } e
            ? (2.0 * matrices * d * (((double)e.ActiveExperts * e.ExpertFfnSize) + ((double)e.SharedExperts * e.SharedExpertFfnSize))) + (2.0 * d * e.Experts)
            : 0;
        int moeLayers = shape.MoeLayers;
        return (shape.Layers * (projections + attention)) + ((shape.Layers - moeLayers) * dense) + (moeLayers * moe);
    }

    /// <summary>Forward FLOPs per token of the embedding lookup-as-product and the final logits: 2·V·d each (App. F).</summary>
    public static double HoffmannEmbeddingsForward(TransformerShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return 2 * 2.0 * shape.Vocabulary * shape.DModel;
    }

    /// <summary>
    /// Model FLOPs utilisation from a measured throughput (PaLM, Chowdhery et al. 2022, App. B):
    /// <c>MFU = FLOPs per token × tokens per second / (accelerators × peak FLOP/s)</c>.
    /// PaLM 540B: 238.3k tokens/s on 6,144 TPU v4 at 275 TFLOP/s → 46.2%.
    /// </summary>
    public static double ModelFlopsUtilization(double flopsPerToken, double tokensPerSecond, int accelerators, double peakFlopsPerSecond)
    {
        Require.PositiveFinite(flopsPerToken, nameof(flopsPerToken));
        Require.PositiveFinite(tokensPerSecond, nameof(tokensPerSecond));
        Require.PositiveFinite(peakFlopsPerSecond, nameof(peakFlopsPerSecond));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(accelerators);
        return flopsPerToken * tokensPerSecond / (accelerators * peakFlopsPerSecond);
    }
}
