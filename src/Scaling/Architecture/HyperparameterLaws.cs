namespace Scaling.Architecture;

/// <summary>
/// Published laws for the peak learning rate and batch size of a training run, from its shape and tokens.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>DeepSeek LLM (DeepSeek-AI 2024, arXiv 2401.02954, Eq. 1): <c>η_opt = 0.3118·C^−0.1250</c>,
/// <c>B_opt = 0.2920·C^0.3271</c> tokens, with C = M·D and M = 72·n_layer·d² + 12·n_layer·d·l_seq the non-embedding
/// FLOPs per token (Eq. 2). DeepSeek 7B (30 layers, d 4096, 2T tokens of 4,096): published 4.2e-4 and 2,304 sequences.</item>
/// <item>Step Law (Li et al. 2025, "Predictable Scale: Part I", arXiv 2503.04715): <c>η = 1.79·N^−0.713·D^0.307</c>,
/// <c>B = 0.58·D^0.571</c> tokens, N non-embedding parameters.</item>
/// </list>
/// The two disagree most on the learning rate: DeepSeek's depends on compute alone, Step Law's falls with model size
/// and rises with tokens, so for an over-trained small model Step Law proposes several times DeepSeek's rate.
/// <example><code>
/// var deepseek7b = TransformerShape.Create(30, 4096, 32, ffnSize: 11008, vocabulary: 102400);
/// HyperparameterLaws.DeepSeek(deepseek7b, sequenceTokens: 4096, tokens: 2e12); // η ≈ 4.25e-4, B ≈ 9.2M tokens
/// </code></example>
/// </remarks>
public static class HyperparameterLaws
{
    /// <summary>DeepSeek's non-embedding FLOPs per token M = 72·n_layer·d² + 12·n_layer·d·l_seq (DeepSeek LLM, Eq. 2).</summary>
    public static double DeepSeekFlopsPerToken(TransformerShape shape, int sequenceTokens)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequenceTokens);
        double d = shape.DModel;
        return (72.0 * shape.Layers * d * d) + (12.0 * shape.Layers * d * sequenceTokens);
    }

    /// <summary>DeepSeek LLM, Eq. 1, at C = M·D with DeepSeek's own M.</summary>
    public static Hyperparameters DeepSeek(TransformerShape shape, int sequenceTokens, double tokens)
    {
        Require.PositiveFinite(tokens, nameof(tokens));
        double compute = DeepSeekFlopsPerToken(shape, sequenceTokens) * tokens;
        return new Hyperparameters(
            0.3118 * Math.Pow(compute, -0.1250),
            0.2920 * Math.Pow(compute, 0.3271),
            "deepseek2024",
            "DeepSeek LLM (arXiv 2401.02954), Eq. 1: η = 0.3118·C^−0.125, B = 0.2920·C^0.3271, C = M·D");
    }

    /// <summary>Step Law (Li et al. 2025): η = 1.79·N^−0.713·D^0.307, B = 0.58·D^0.571, N non-embedding.</summary>
    public static Hyperparameters StepLaw(TransformerShape shape, double tokens)
    {
        ArgumentNullException.ThrowIfNull(shape);
        Require.PositiveFinite(tokens, nameof(tokens));
        double n = shape.NonEmbeddingParameters;
        return new Hyperparameters(
            1.79 * Math.Pow(n, -0.713) * Math.Pow(tokens, 0.307),
            0.58 * Math.Pow(tokens, 0.571),
            "steplaw2025",
            "Step Law (Li et al. 2025, arXiv 2503.04715): η = 1.79·N^−0.713·D^0.307, B = 0.58·D^0.571");
    }
}
