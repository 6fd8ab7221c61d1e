namespace Scaling.Audit;

/// <summary>
/// The audit of one model of <see cref="Parameters"/> N trained on <see cref="Tokens"/> D, against the
/// compute-optimal allocation of its own compute C = k·N·D under a law (see <see cref="ModelAuditor"/>).
/// </summary>
/// <param name="Parameters">The model's parameters N.</param>
/// <param name="Tokens">The model's training tokens D.</param>
/// <param name="Flops">Its training compute C = k·N·D (k = 6).</param>
/// <param name="OptimalParameters">N*(C): the compute-optimal size for the same compute.</param>
/// <param name="OptimalTokens">D*(C) = C/(k·N*): the compute-optimal tokens for the same compute.</param>
/// <param name="OptimalTokensForSize">The tokens that would make a model of size N compute-optimal (the inverse frontier).</param>
/// <param name="OptimalFlopsForSize">The compute at which size N is compute-optimal, k·N·<paramref name="OptimalTokensForSize"/>.</param>
/// <param name="PredictedLoss">L(N, D) under the law, or null for an allocation rule (no loss).</param>
/// <param name="OptimalLoss">L*(C), the lowest loss the compute can buy, or null for an allocation rule.</param>
/// <param name="LossGap">PredictedLoss − OptimalLoss (≥ 0, nats per token), or null for an allocation rule.</param>
/// <param name="FlopsForSameLoss">
/// The compute the optimal allocation needs to reach <paramref name="PredictedLoss"/> (≤ C), or null for an allocation rule.
/// </param>
/// <param name="ParameterRatioTolerance">The band used for the verdict: near-optimal when 1/t ≤ N/N* ≤ t.</param>
/// <param name="Verdict">Undertrained (N/N* &gt; t), near-optimal, or overtrained (N/N* &lt; 1/t).</param>
public sealed record ModelAudit(
    double Parameters,
    double Tokens,
    double Flops,
    double OptimalParameters,
    double OptimalTokens,
    double OptimalTokensForSize,
    double OptimalFlopsForSize,
    double? PredictedLoss,
    double? OptimalLoss,
    double? LossGap,
    double? FlopsForSameLoss,
    double ParameterRatioTolerance,
    AuditVerdict Verdict)
{
    /// <summary>D / N.</summary>
    public double TokensPerParameter => Tokens / Parameters;

    /// <summary>D* / N* at the same compute (≈ 20 under the Besiroglu refit).</summary>
    public double OptimalTokensPerParameter => OptimalTokens / OptimalParameters;

    /// <summary>
    /// N / N*: above 1 the model is bigger than optimal for its compute. Along the iso-FLOP line
    /// (D/N) / (D*/N*) = (N*/N)², so the band on this ratio is a band on tokens per parameter, squared.
    /// </summary>
    public double ParameterRatio => Parameters / OptimalParameters;

    /// <summary>
    /// The share of the compute that the optimal allocation would not have needed for the same loss:
    /// <c>1 − FlopsForSameLoss / C</c>, in [0, 1); zero on the frontier; null for an allocation rule.
    /// For an overtrained model this is training compute traded for cheaper inference, usually on purpose.
    /// </summary>
    public double? WastedComputeFraction => FlopsForSameLoss is { } needed ? Math.Max(0, 1 - (needed / Flops)) : null;
}
