using System.Globalization;

namespace Scaling.Architecture;

/// <summary>
/// Multi-head latent attention (DeepSeek-V2, arXiv 2405.04434 §2.1): keys and values are decompressed from one
/// latent of <see cref="KvRank"/> per token, queries optionally from a latent of <see cref="QueryRank"/>, and a
/// decoupled rotary key of <see cref="RopeHeadSize"/> is shared by the heads. Only the latent and the rotary key are
/// cached: <c>(d_c + d_h^R)·layers</c> elements per token (V2 Table 1: 9/2·d_h·l with d_c = 4·d_h, d_h^R = d_h/2).
/// </summary>
/// <remarks>
/// Per layer, with h heads: queries <c>d·r_q + r_q + r_q·h·(n + ρ)</c> with a query latent (its RMSNorm r_q), else
/// <c>d·h·(n + ρ)</c>; keys and values <c>d·(r_kv + ρ) + r_kv + r_kv·h·(n + v)</c>; output <c>h·v·d</c>; n the
/// non-rotary and ρ the rotary query/key head size, v the value head size.
/// <example><code>
/// var v3 = LatentAttention.Create(queryRank: 1536, kvRank: 512, nopeHeadSize: 128, ropeHeadSize: 64, valueHeadSize: 128);
/// v3.CachedElementsPerLayer; // 576
/// </code></example>
/// </remarks>
public sealed record LatentAttention
{
    private LatentAttention(int? queryRank, int kvRank, int nopeHeadSize, int ropeHeadSize, int valueHeadSize)
    {
        QueryRank = queryRank;
        KvRank = kvRank;
        NopeHeadSize = nopeHeadSize;
        RopeHeadSize = ropeHeadSize;
        ValueHeadSize = valueHeadSize;
    }

    /// <summary>The query latent r_q (<c>q_lora_rank</c>), or null when queries are projected directly (DeepSeek-V2-Lite).</summary>
    public int? QueryRank { get; }

    /// <summary>The key/value latent d_c (<c>kv_lora_rank</c>).</summary>
    public int KvRank { get; }

    /// <summary>The query/key head size without rotary positions (<c>qk_nope_head_dim</c>).</summary>
    public int NopeHeadSize { get; }

    /// <summary>The decoupled rotary query/key size d_h^R (<c>qk_rope_head_dim</c>).</summary>
    public int RopeHeadSize { get; }

    /// <summary>The value head size (<c>v_head_dim</c>).</summary>
    public int ValueHeadSize { get; }

    /// <summary>The query/key head size n + ρ.</summary>
    public int QueryKeyHeadSize => NopeHeadSize + RopeHeadSize;

    /// <summary>Elements cached per token and layer: the latent plus the shared rotary key, d_c + d_h^R.</summary>
    public int CachedElementsPerLayer => KvRank + RopeHeadSize;

    /// <summary>Builds the attention; every size must be at least 1.</summary>
    /// <exception cref="InvalidShapeException">A size is not positive.</exception>
    public static LatentAttention Create(int? queryRank, int kvRank, int nopeHeadSize, int ropeHeadSize, int valueHeadSize)
    {
        if (queryRank is { } q)
        {
            Positive(q, "queryRank");
        }

        Positive(kvRank, "kvRank");
        Positive(nopeHeadSize, "nopeHeadSize");
        Positive(ropeHeadSize, "ropeHeadSize");
        Positive(valueHeadSize, "valueHeadSize");
        return new LatentAttention(queryRank, kvRank, nopeHeadSize, ropeHeadSize, valueHeadSize);
    }

    /// <summary>Weights of one layer's attention for <paramref name="heads"/> heads and width <paramref name="dModel"/>, norms not included.</summary>
    public long WeightsPerLayer(int dModel, int heads)
    {
        long d = dModel, h = heads;
        long query = QueryRank is { } r ? (d * r) + (r * h * QueryKeyHeadSize) : d * h * QueryKeyHeadSize;
        long keyValue = (d * (KvRank + RopeHeadSize)) + (KvRank * h * (NopeHeadSize + ValueHeadSize));
        return query + keyValue + (h * ValueHeadSize * d);
    }

    /// <summary>The RMSNorm gains on the latents: r_q (when present) + d_c.</summary>
    public long LatentNormParameters => (QueryRank ?? 0) + (long)KvRank;

    /// <summary>One line, e.g. <c>latent attention (KV rank 512 + rotary 64, query rank 1536)</c>.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "latent attention (KV rank {0} + rotary {1}{2})", KvRank, RopeHeadSize,
            QueryRank is { } q ? string.Format(CultureInfo.InvariantCulture, ", query rank {0}", q) : string.Empty);

    private static void Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new InvalidShapeException(name, value, $"must be a whole number greater than 0, got {value.ToString(CultureInfo.InvariantCulture)}.");
        }
    }
}
