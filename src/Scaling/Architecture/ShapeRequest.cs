namespace Scaling.Architecture;

/// <summary>
/// What a proposed shape must respect besides its parameter count: vocabulary, head size, the aspect ratio
/// d_model/layers aimed at, query heads per key/value head, and the counting conventions.
/// </summary>
/// <remarks>
/// Aspect ratio: Kaplan et al. 2020 (§3.1, Fig. 5) found the loss changes by only a few percent while d_model/n_layer
/// varies 40-fold around 20–200; Levine et al. 2020 ("Limits to Depth Efficiencies of Self-Attention") show depth pays
/// only up to a width-dependent point; published compute-optimal shapes sit at 64–110 (Hoffmann et al. 2022, Table
/// A9: 512/8 = 64 … 5120/47 ≈ 109; Chinchilla 70B 8192/80 ≈ 102) and Llama 2 at 128. The default aims at 100.
/// Head size: 64 up to d_model 1024, 128 above (Hoffmann Table A9).
/// </remarks>
public sealed record ShapeRequest
{
    /// <summary>The vocabulary (default 32,000 as Chinchilla and Llama 2).</summary>
    public int Vocabulary { get; init; } = 32000;

    /// <summary>The head size, or null for 64 up to d_model 1024 and 128 above.</summary>
    public int? HeadSize { get; init; }

    /// <summary>The d_model/layers aimed at (default 100).</summary>
    public double AspectRatio { get; init; } = 100;

    /// <summary>Query heads per key/value head (1: multi-head attention; 8: as Llama 2 70B).</summary>
    public int GroupSize { get; init; } = 1;

    /// <summary>How parameters are counted (default Llama: SwiGLU, RMSNorm, untied embeddings).</summary>
    public ParameterConventions Conventions { get; init; } = ParameterConventions.Llama;

    /// <summary>How far the proposed count may lie from the target (default 1%) before the aspect ratio gives way.</summary>
    public double Tolerance { get; init; } = 0.01;
}
