namespace Scaling.Architecture;

/// <summary>
/// Which normalisation a transformer uses, for counting its parameters: RMSNorm has one gain vector of d_model
/// (Zhang and Sennrich 2019; Llama, Mistral, Qwen2), LayerNorm a gain and a bias (2·d_model; GPT-2, GPT-NeoX).
/// </summary>
public enum NormKind
{
    /// <summary>Norm parameters not counted (the convention of Hoffmann et al. 2022, Table A9).</summary>
    None,

    /// <summary>RMSNorm: d_model parameters per norm.</summary>
    Rms,

    /// <summary>LayerNorm: 2·d_model parameters per norm (gain and bias).</summary>
    Layer,
}
