namespace Scaling.Architecture;

/// <summary>
/// The largest sizes a shape may be given from outside (the command line, a config.json): far beyond any model trained
/// (Llama 3.1 405B has 126 layers, d_model 16,384, 128 heads, FFN 53,248, a 128,256-token vocabulary and a 131,072-token
/// context; Meta 2024, "The Llama 3 Herd of Models", Table 3; DeepSeek-V3: 256 routed experts), and small enough that FLOPs and bytes stay finite. A shape
/// within them can still count more parameters than a 64-bit integer holds; <see cref="TransformerShape.Create"/>
/// refuses it.
/// </summary>
public static class ShapeLimits
{
    /// <summary>Transformer blocks: 10,000.</summary>
    public const int MaxLayers = 10_000;

    /// <summary>d_model and head size: 2^20.</summary>
    public const int MaxWidth = 1 << 20;

    /// <summary>Query and key/value heads: 2^16.</summary>
    public const int MaxHeads = 1 << 16;

    /// <summary>Feed-forward size: 4·<see cref="MaxWidth"/>.</summary>
    public const int MaxFfn = 4 * MaxWidth;

    /// <summary>Vocabulary: 10^8 tokens.</summary>
    public const int MaxVocabulary = 100_000_000;

    /// <summary>Routed, active and shared experts: 2^16 (DeepSeek-V3 has 256 routed experts).</summary>
    public const int MaxExperts = 1 << 16;

    /// <summary>Context (and learned positions): 2^30 tokens.</summary>
    public const int MaxContext = 1 << 30;
}
