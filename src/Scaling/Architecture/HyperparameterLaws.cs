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
/// <item>Kaplan et al. 2020 (arXiv 2001.08361), Eq. 1.4 (§5.1, Eq. 5.3): the critical batch
/// <c>B_crit(L) = B*/L^(1/α_B)</c>, B* ≈ 2·10^8 tokens, α_B ≈ 0.21, at the loss L their own L(N, D) (Eq. 1.5) predicts —
/// the batch beyond which more data-parallelism buys little. A bound on useful batch, not an optimum.</item>
/// </list>
/// The two disagree most on the learning rate: DeepSeek's depends on compute alone, Step Law's falls with model size
/// and rises with tokens, so for an over-trained small model Step Law proposes several times DeepSeek's rate. On the
/// batch, DeepSeek's grows with compute as C^0.33 while Kaplan's critical batch grows only as the loss falls: for
/// Chinchilla-optimal plans DeepSeek's batch is a third of Kaplan's critical batch at 10^20 FLOPs, equal near
/// 5·10^23 and twice it at 10^26.
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

    /// <summary>
    /// Kaplan et al. 2020, Eq. 1.5 with the L(N, D) fit of §4 (Eq. 4.1): <c>L = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D</c>,
    /// α_N 0.076, α_D 0.103, N_c 6.4·10^13, D_c 1.8·10^13 non-embedding parameters and tokens (nats/token on WebText2).
    /// </summary>
    public static double KaplanLoss(double nonEmbeddingParameters, double tokens)
    {
        Require.PositiveFinite(nonEmbeddingParameters, nameof(nonEmbeddingParameters));
        Require.PositiveFinite(tokens, nameof(tokens));
        const double alphaN = 0.076, alphaD = 0.103, nC = 6.4e13, dC = 1.8e13;
        return Math.Pow(Math.Pow(nC / nonEmbeddingParameters, alphaN / alphaD) + (dC / tokens), alphaD);
    }

    /// <summary>
    /// Kaplan et al. 2020, Eq. 1.4: the critical batch <c>B_crit = B*/L^(1/α_B)</c> in tokens with B* = 2·10^8 and
    /// α_B = 0.21, at the loss <see cref="KaplanLoss"/> gives the shape's non-embedding parameters and the tokens.
    /// </summary>
    public static double KaplanCriticalBatchTokens(TransformerShape shape, double tokens)
    {
        ArgumentNullException.ThrowIfNull(shape);
        const double bStar = 2e8, alphaB = 0.21;
        return bStar / Math.Pow(KaplanLoss(shape.NonEmbeddingParameters, tokens), 1 / alphaB);
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
