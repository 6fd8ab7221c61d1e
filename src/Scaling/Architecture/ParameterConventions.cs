namespace Scaling.Architecture;

/// <summary>
/// The choices beyond layers and widths that decide a transformer's exact parameter count: a gated feed-forward
/// (SwiGLU's three matrices instead of two), tied or untied input/output embeddings, the norm, which layers carry
/// biases, learned absolute positions, and the relative-position key projection of Transformer-XL attention.
/// </summary>
/// <example><code>
/// var gpt2 = ParameterConventions.Gpt2 with { LearnedPositions = 2048 };
/// </code></example>
public sealed record ParameterConventions
{
    /// <summary>A short name for prose, e.g. <c>llama</c>.</summary>
    public string Name { get; init; } = "custom";

    /// <summary>Gated feed-forward (SwiGLU, Shazeer 2020): three d_model × ffn matrices instead of two.</summary>
    public bool GatedFfn { get; init; }

    /// <summary>The output projection reuses the input embedding (one V·d_model matrix instead of two).</summary>
    public bool TiedEmbeddings { get; init; }

    /// <summary>The norm: <see cref="NormsPerLayer"/> per layer plus a final one.</summary>
    public NormKind Norm { get; init; }

    /// <summary>Norms per layer: 2 (before attention and before the feed-forward), 4 for Gemma 2 (also after each).</summary>
    public int NormsPerLayer { get; init; } = 2;

    /// <summary>Which linear layers carry biases.</summary>
    public BiasKind Biases { get; init; }

    /// <summary>Learned absolute position embeddings (positions × d_model), 0 for rotary or relative positions.</summary>
    public int LearnedPositions { get; init; }

    /// <summary>
    /// A per-layer key projection of the relative positions, d_model × (heads·head size), as in Transformer-XL
    /// (Dai et al. 2019), whose relative scheme Gopher and Chinchilla use (Rae et al. 2021 §2; Hoffmann et al. 2022 §4.1).
    /// </summary>
    public bool RelativePositionProjection { get; init; }

    /// <summary>Llama and Mistral: SwiGLU, RMSNorm, no biases, untied embeddings, rotary positions (Touvron et al. 2023).</summary>
    public static ParameterConventions Llama { get; } = new() { Name = "llama", GatedFfn = true, Norm = NormKind.Rms };

    /// <summary>Qwen2: as Llama plus biases on the query, key and value projections (Qwen2 technical report, §2.2.1).</summary>
    public static ParameterConventions Qwen2 { get; } = Llama with { Name = "qwen2", Biases = BiasKind.QueryKeyValue };

    /// <summary>
    /// Gemma (Gemma Team 2024, arXiv 2403.08295, §2): GeGLU (a gated feed-forward, three matrices), RMSNorm, tied input
    /// and output embeddings, no biases, rotary positions; head size given explicitly (256) rather than d_model / heads.
    /// </summary>
    public static ParameterConventions Gemma { get; } = Llama with { Name = "gemma", TiedEmbeddings = true };

    /// <summary>Gemma 2 (Gemma Team 2024, arXiv 2408.00118, §2): as Gemma with an RMSNorm before and after both attention and feed-forward (four per layer).</summary>
    public static ParameterConventions Gemma2 { get; } = Gemma with { Name = "gemma2", NormsPerLayer = 4 };

    /// <summary>Phi-3 (Abdin et al. 2024, arXiv 2404.14219): the Llama block (fused QKV and gate/up matrices count the same), untied embeddings.</summary>
    public static ParameterConventions Phi3 { get; } = Llama with { Name = "phi3" };

    /// <summary>
    /// PaLM (Chowdhery et al. 2022, §2): SwiGLU, shared input/output embeddings, no biases, and the count of its Table 1
    /// — 8.63B, 62.50B, 540.35B — which holds Q, K, V, O (multi-query: one key/value head of 256), three SwiGLU matrices
    /// of 4·d_model and one 256k × d_model embedding, and no norm gains (one bias-free LayerNorm gain per parallel
    /// layer would make 540.36B).
    /// </summary>
    public static ParameterConventions Palm { get; } = new() { Name = "palm", GatedFfn = true, TiedEmbeddings = true };

    /// <summary>GPT-2: GELU MLP, LayerNorm, biases everywhere, tied embeddings, 1,024 learned positions (Radford et al. 2019).</summary>
    public static ParameterConventions Gpt2 { get; } = new()
    {
        Name = "gpt2", TiedEmbeddings = true, Norm = NormKind.Layer, Biases = BiasKind.All, LearnedPositions = 1024,
    };

    /// <summary>GPT-NeoX (Black et al. 2022; Pythia): GELU MLP, LayerNorm, biases everywhere, untied embeddings, rotary.</summary>
    public static ParameterConventions GptNeoX { get; } = new() { Name = "gpt-neox", Norm = NormKind.Layer, Biases = BiasKind.All };

    /// <summary>
    /// The count of Hoffmann et al. 2022, Table A9 (and Table 4's Chinchilla 70B): per layer Q, K, V, O (4·d·h·k), the
    /// Transformer-XL relative-position key projection (d·h·k) and a two-matrix dense block (2·d·ffw), plus ONE
    /// 32,000 × d_model embedding (tied), norms and biases not counted. This reproduces all 50 rows within 0.8%;
    /// without the relative projection the worst row is 7.7% off, with two embeddings 32% (see the tests).
    /// </summary>
    public static ParameterConventions Hoffmann2022 { get; } = new()
    {
        Name = "hoffmann2022", TiedEmbeddings = true, RelativePositionProjection = true,
    };
}
