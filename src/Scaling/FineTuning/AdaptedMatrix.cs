namespace Scaling.FineTuning;

/// <summary>A weight matrix of a transformer block that low-rank adapters can adapt (Hu et al. 2021, §4.2: W_q, W_k, W_v, W_o; Dettmers et al. 2023: every linear layer).</summary>
public enum AdaptedMatrix
{
    /// <summary>The query projection W_q, d_model → heads·head size.</summary>
    Query,

    /// <summary>The key projection W_k, d_model → key/value heads·head size.</summary>
    Key,

    /// <summary>The value projection W_v, d_model → key/value heads·head size.</summary>
    Value,

    /// <summary>The attention output projection W_o, heads·head size → d_model.</summary>
    Output,

    /// <summary>The gate of a gated (SwiGLU) feed-forward, d_model → ffn; absent from a two-matrix feed-forward.</summary>
    Gate,

    /// <summary>The feed-forward up projection, d_model → ffn.</summary>
    Up,

    /// <summary>The feed-forward down projection, ffn → d_model.</summary>
    Down,
}
