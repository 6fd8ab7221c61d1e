using System.Globalization;
using Scaling.Hardware;
using Scaling.Text;

namespace Scaling.Architecture;

/// <summary>
/// A decoder-only transformer's shape — layers, width, heads, key/value heads (grouped-query attention), head size,
/// feed-forward size, vocabulary — under a set of <see cref="ParameterConventions"/>, with its exact parameter count;
/// optionally a <see cref="MixtureOfExperts"/> feed-forward (total and active parameters) and
/// <see cref="LatentAttention"/> (DeepSeek's multi-head latent attention).
/// </summary>
/// <remarks>
/// Per layer, with q = heads·head size and kv = kvHeads·head size:
/// attention <c>d·q + 2·d·kv + q·d</c> (+ <c>d·q</c> for a relative-position projection, + q + 2·kv [+ d] biases);
/// feed-forward <c>2·d·ffn</c>, or <c>3·d·ffn</c> gated (+ ffn + d biases); two norms of d (RMS) or 2·d (LayerNorm).
/// Whole model: <c>layers × per layer + final norm + V·d embedding (+ V·d untied output) + learned positions·d</c>.
/// With experts, the MoE layers hold every expert (<see cref="Parameters"/>, what memory must hold) but a token
/// passes only the active ones (<see cref="ActiveParameters"/>, what FLOPs cost): Mixtral-8x7B 46,702,792,704 and
/// 12.9B (Mistral AI); DeepSeek-V3 671B and 37B (arXiv 2412.19437); Qwen1.5-MoE-A2.7B 14.3B and 2.7B.
/// Non-embedding parameters (Kaplan et al. 2020 §2.1) leave out the embeddings, output head and positions.
/// <example><code>
/// var llama2 = TransformerShape.Create(32, 4096, 32, kvHeads: 32, headSize: 128, ffnSize: 11008, vocabulary: 32000, ParameterConventions.Llama);
/// llama2.Parameters;                       // 6,738,415,616 (Llama-2-7B)
/// llama2.KvCacheBytesPerToken(Precision.Bf16); // 524,288 = 2 · 32 layers · 32 KV heads · 128 · 2 bytes
/// </code></example>
/// </remarks>
public sealed record TransformerShape
{
    private TransformerShape(
        int layers, int dModel, int heads, int kvHeads, int headSize, int ffnSize, int vocabulary, ParameterConventions conventions, MixtureOfExperts? experts, LatentAttention? latent)
    {
        Experts = experts;
        Latent = latent;
        Layers = layers;
        DModel = dModel;
        Heads = heads;
        KvHeads = kvHeads;
        HeadSize = headSize;
        FfnSize = ffnSize;
        Vocabulary = vocabulary;
        Conventions = conventions;
    }

    /// <summary>Transformer blocks (n_layer).</summary>
    public int Layers { get; }

    /// <summary>The residual width d_model.</summary>
    public int DModel { get; }

    /// <summary>Query heads.</summary>
    public int Heads { get; }

    /// <summary>Key/value heads: equal to <see cref="Heads"/> for multi-head attention, fewer for grouped-query attention, 1 for multi-query.</summary>
    public int KvHeads { get; }

    /// <summary>The size of one head (key/value size), usually 64–128.</summary>
    public int HeadSize { get; }

    /// <summary>The feed-forward inner size (ffw_size, intermediate_size).</summary>
    public int FfnSize { get; }

    /// <summary>The vocabulary V.</summary>
    public int Vocabulary { get; }

    /// <summary>How the parameters are counted.</summary>
    public ParameterConventions Conventions { get; }

    /// <summary>The mixture-of-experts feed-forward, or null for a dense model.</summary>
    public MixtureOfExperts? Experts { get; }

    /// <summary>Multi-head latent attention, or null for multi-head/grouped-query attention.</summary>
    public LatentAttention? Latent { get; }

    /// <summary>Layers whose feed-forward is a mixture of experts (0 for a dense model).</summary>
    public int MoeLayers => Experts is { } e ? Layers - e.DenseLayers : 0;

    /// <summary>The size of one value head: the head size, or the latent attention's value head size.</summary>
    public int ValueHeadSize => Latent?.ValueHeadSize ?? HeadSize;

    /// <summary>The attention width heads·head size (Kaplan's d_attn).</summary>
    public long AttentionWidth => checked((long)Heads * HeadSize);

    /// <summary>The key (or value) width kvHeads·head size.</summary>
    public long KeyValueWidth => checked((long)KvHeads * HeadSize);

    /// <summary>Query heads per key/value head (1 for multi-head attention).</summary>
    public int GroupSize => Heads / KvHeads;

    /// <summary>d_model / layers, the aspect ratio Kaplan et al. 2020 (§3.1, Fig. 5) vary.</summary>
    public double AspectRatio => (double)DModel / Layers;

    /// <summary>Parameters of one attention block, biases and relative-position projection included when the conventions count them.</summary>
    public long AttentionParametersPerLayer
    {
        get
        {
            long d = DModel;
            if (Latent is { } latent)
            {
                long norms = Conventions.Norm switch { NormKind.Rms => latent.LatentNormParameters, NormKind.Layer => 2 * latent.LatentNormParameters, _ => 0 };
                return checked(latent.WeightsPerLayer(DModel, Heads) + norms);
            }

            long weights = checked((d * AttentionWidth) + (2 * d * KeyValueWidth) + (AttentionWidth * d));
            long relative = Conventions.RelativePositionProjection ? checked(d * AttentionWidth) : 0;
            long biases = Conventions.Biases switch
            {
                BiasKind.QueryKeyValue => AttentionWidth + (2 * KeyValueWidth),
                BiasKind.All => AttentionWidth + (2 * KeyValueWidth) + d,
                _ => 0,
            };
            return checked(weights + relative + biases);
        }
    }

    /// <summary>Parameters of one dense feed-forward block: 2·d·ffn, or 3·d·ffn gated, plus biases when counted.</summary>
    public long FfnParametersPerLayer
    {
        get
        {
            long matrices = Conventions.GatedFfn ? 3 : 2;
            long weights = checked(matrices * DModel * FfnSize);
            long biases = Conventions.Biases == BiasKind.All ? ((matrices - 1) * (long)FfnSize) + DModel : 0;
            return checked(weights + biases);
        }
    }

    /// <summary>Parameters of one norm: d (RMSNorm), 2·d (LayerNorm) or 0.</summary>
    public long NormParameters => Conventions.Norm switch
    {
        NormKind.Rms => DModel,
        NormKind.Layer => 2L * DModel,
        _ => 0,
    };

    /// <summary>Parameters of one dense transformer block: attention, feed-forward and the norms (two, or four for Gemma 2).</summary>
    public long ParametersPerLayer => checked(AttentionParametersPerLayer + FfnParametersPerLayer + (Conventions.NormsPerLayer * NormParameters));

    /// <summary>Parameters of one MoE feed-forward with every expert: routed and shared experts plus the router (0 for a dense model).</summary>
    public long MoeParametersPerLayer => Experts is { } e
        ? checked((e.Experts * ExpertParameters(e.ExpertFfnSize)) + (e.SharedExperts * ExpertParameters(e.SharedExpertFfnSize)) + e.RouterParameters(DModel))
        : 0;

    /// <summary>Parameters of one MoE feed-forward a token passes: the active and shared experts plus the router (0 for a dense model).</summary>
    public long ActiveMoeParametersPerLayer => Experts is { } e
        ? checked((e.ActiveExperts * ExpertParameters(e.ExpertFfnSize)) + (e.SharedExperts * ExpertParameters(e.SharedExpertFfnSize)) + e.RouterParameters(DModel))
        : 0;

    /// <summary>Token embeddings, the untied output projection and learned positions: V·d (·2 untied) + positions·d.</summary>
    public long EmbeddingParameters =>
        checked(((Conventions.TiedEmbeddings ? 1L : 2L) * Vocabulary * DModel) + ((long)Conventions.LearnedPositions * DModel));

    /// <summary>The blocks and the final norm, every expert included: what Kaplan et al. 2020 call N.</summary>
    public long NonEmbeddingParameters => NonEmbedding(MoeParametersPerLayer);

    /// <summary>Every parameter, every expert resident: non-embedding plus embedding. Memory holds this.</summary>
    public long Parameters => checked(NonEmbeddingParameters + EmbeddingParameters);

    /// <summary>The non-embedding parameters one token passes through (equal to <see cref="NonEmbeddingParameters"/> for a dense model).</summary>
    public long ActiveNonEmbeddingParameters => NonEmbedding(ActiveMoeParametersPerLayer);

    /// <summary>
    /// The parameters one token passes through, embeddings included: the count Mistral AI (Mixtral 12.9B) and Qwen
    /// (Qwen1.5-MoE 2.7B) publish. Equal to <see cref="Parameters"/> for a dense model. FLOPs follow this count.
    /// </summary>
    public long ActiveParameters => checked(ActiveNonEmbeddingParameters + EmbeddingParameters);

    /// <summary>
    /// The active parameters less the input token-embedding table, which a token only looks up (untied embeddings and
    /// learned positions; a tied table is also the output projection and stays): the count DeepSeek publishes as
    /// "activated" (V2 21B, V2-Lite 2.4B, V3 37B; arXiv 2405.04434, 2412.19437).
    /// </summary>
    public long ActiveParametersWithoutEmbeddingLookup =>
        ActiveParameters - (Conventions.TiedEmbeddings ? 0 : (long)Vocabulary * DModel) - ((long)Conventions.LearnedPositions * DModel);

    /// <summary>
    /// Builds a shape. <paramref name="kvHeads"/> defaults to <paramref name="heads"/> (multi-head attention),
    /// <paramref name="headSize"/> to d_model / heads, <paramref name="ffnSize"/> to 4·d_model, or for a gated FFN to
    /// 8/3·d_model rounded up to a multiple of 256 (the Llama rule; Touvron et al. 2023).
    /// </summary>
    /// <exception cref="InvalidShapeException">A size is not positive, the heads do not split evenly into key/value
    /// groups, or no head size was given and d_model is not a multiple of the heads.</exception>
    public static TransformerShape Create(
        int layers, int dModel, int heads, int? kvHeads = null, int? headSize = null, int? ffnSize = null, int vocabulary = 32000, ParameterConventions? conventions = null,
        MixtureOfExperts? experts = null, LatentAttention? latent = null)
    {
        var c = conventions ?? ParameterConventions.Llama;
        Positive(layers, "layers");
        Positive(dModel, "dModel");
        Positive(heads, "heads");
        Positive(vocabulary, "vocabulary");
        if (latent is not null)
        {
            // Latent attention has one key and value per query head, of the latent's sizes.
            kvHeads = heads;
            headSize = latent.QueryKeyHeadSize;
        }

        if (experts is { DenseLayers: var dense } && dense > layers)
        {
            throw new InvalidShapeException("denseLayers", dense, $"{dense} dense layers exceed the {layers} layers; give at most {layers}.");
        }

        int kv = kvHeads ?? heads;
        Positive(kv, "kvHeads");
        if (kv > heads || heads % kv != 0)
        {
            throw new InvalidShapeException("kvHeads", kv, $"{heads} query heads do not split evenly into {kv} key/value heads; give a divisor of {heads} (e.g. {heads} for multi-head or {Divisor(heads)} for grouped-query attention).");
        }

        if (headSize is null && dModel % heads != 0)
        {
            throw new InvalidShapeException("heads", heads, $"d_model {dModel} is not a multiple of {heads} heads; give a head size or a head count that divides {dModel}.");
        }

        int size = headSize ?? (dModel / heads);
        Positive(size, "headSize");
        int ffn = ffnSize ?? DefaultFfn(dModel, c.GatedFfn);
        Positive(ffn, "ffnSize");
        if (c.LearnedPositions < 0)
        {
            throw new InvalidShapeException("learnedPositions", c.LearnedPositions, "must be at least 0.");
        }

        var shape = new TransformerShape(layers, dModel, heads, kv, size, ffn, vocabulary, c, experts, latent);
        try
        {
            // Every count is a 64-bit integer, exact to the parameter; a shape whose count would wrap is refused.
            _ = (shape.Parameters, shape.ActiveParameters);
        }
        catch (OverflowException)
        {
            throw new InvalidShapeException(
                "parameters",
                double.NaN,
                $"{shape} counts more than {NumberText.Scientific(long.MaxValue)} parameters, beyond a 64-bit count; give smaller layers, widths, heads or vocabulary.",
                "at most 2^63 - 1 parameters");
        }

        return shape;
    }

    /// <summary>The default feed-forward size: 4·d, or gated 8/3·d rounded up to a multiple of 256 (Llama).</summary>
    public static int DefaultFfn(int dModel, bool gated) =>
        gated ? (int)(256 * Math.Ceiling(8.0 * dModel / 3 / 256)) : 4 * dModel;

    /// <summary>The weights alone at <paramref name="precision"/>: parameters × (4, 2, 1 or 0.5) bytes.</summary>
    public double WeightsBytes(Precision precision) => Parameters * Precisions.BytesPerParameter(precision);

    /// <summary>
    /// KV-cache bytes per token of context: <c>2 (K and V) · layers · kvHeads · head size · bytes</c>, or with latent
    /// attention <c>layers · (d_c + d_h^R) · bytes</c> (DeepSeek-V2, arXiv 2405.04434, Table 1).
    /// Llama-2-7B in BF16: 2·32·32·128·2 = 524,288 bytes; DeepSeek-V3: 61·576·2 = 70,272 bytes.
    /// </summary>
    public double KvCacheBytesPerToken(Precision precision) =>
        (Latent is { } latent ? (double)Layers * latent.CachedElementsPerLayer : 2.0 * Layers * KeyValueWidth) * Precisions.BytesPerParameter(precision);

    /// <summary>The shape with another layer count (same widths, conventions, experts and attention).</summary>
    public TransformerShape WithLayers(int layers) =>
        Create(layers, DModel, Heads, KvHeads, HeadSize, FfnSize, Vocabulary, Conventions, Experts, Latent);

    /// <summary>The shape with another number of key/value heads.</summary>
    public TransformerShape WithKvHeads(int kvHeads) => Create(Layers, DModel, Heads, kvHeads, HeadSize, FfnSize, Vocabulary, Conventions, Experts, Latent);

    /// <summary>The shape with a mixture-of-experts feed-forward (or none).</summary>
    public TransformerShape WithExperts(MixtureOfExperts? experts) => Create(Layers, DModel, Heads, KvHeads, HeadSize, FfnSize, Vocabulary, Conventions, experts, Latent);

    /// <summary>One line, e.g. <c>80 layers × d_model 8192, 64 heads of 128 (8 KV heads), FFN 28672 (gated), vocabulary 32000</c>.</summary>
    public override string ToString()
    {
        var i = CultureInfo.InvariantCulture;
        string kv = KvHeads == Heads ? string.Empty : string.Format(i, " ({0} KV heads)", KvHeads);
        string gated = Conventions.GatedFfn ? " (gated)" : string.Empty;
        string latent = Latent is { } l ? ", " + l : string.Empty;
        string experts = Experts is { } e ? ", " + e : string.Empty;
        return string.Format(i, "{0} layers × d_model {1}, {2} heads of {3}{4}{5}, FFN {6}{7}{8}, vocabulary {9}", Layers, DModel, Heads, HeadSize, kv, latent, FfnSize, gated, experts, Vocabulary);
    }

    private long ExpertParameters(int ffnSize) => checked((Conventions.GatedFfn ? 3L : 2L) * DModel * ffnSize);

    private long NonEmbedding(long moePerLayer)
    {
        long norms = Conventions.NormsPerLayer * NormParameters;
        long attention = AttentionParametersPerLayer;
        return checked(((Layers - MoeLayers) * ParametersPerLayer) + (MoeLayers * (attention + moePerLayer + norms)) + NormParameters);
    }

    private static void Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new InvalidShapeException(name, value, $"must be a whole number greater than 0, got {value.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    private static int Divisor(int heads)
    {
        for (int g = 8; g > 1; g--)
        {
            if (heads % g == 0 && g < heads)
            {
                return heads / g;
            }
        }

        return 1;
    }
}
