namespace Scaling.Architecture;

/// <summary>Which published rule counts a transformer's training FLOPs per token.</summary>
public enum FlopsCounting
{
    /// <summary>The usual approximation 6·N (Kaplan et al. 2020 §2.1; Hoffmann et al. 2022 C = 6·N·D).</summary>
    SixN,

    /// <summary>Kaplan et al. 2020, Table 1: 3 × (2·N + 2·n_layer·n_ctx·d_attn), N non-embedding.</summary>
    Kaplan2020,

    /// <summary>Hoffmann et al. 2022, Appendix F: every matrix product per layer, the softmax, embeddings and logits.</summary>
    Hoffmann2022,

    /// <summary>PaLM (Chowdhery et al. 2022, Appendix B): 6·N + 12·L·H·Q·T, the "model FLOPs" behind MFU.</summary>
    Palm2022,
}
