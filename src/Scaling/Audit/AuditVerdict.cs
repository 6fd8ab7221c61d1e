namespace Scaling.Audit;

/// <summary>
/// Where a model sits relative to the compute-optimal frontier of its own training compute C = 6ND, judged by
/// the parameter ratio N/N*(C) against a tolerance band (see <see cref="ModelAuditor"/>).
/// </summary>
public enum AuditVerdict
{
    /// <summary>
    /// N/N* above the band: too many parameters, too few tokens for the compute (GPT-3, Gopher, MT-NLG). The same
    /// compute spent on a smaller model trained longer would have reached a lower loss.
    /// </summary>
    Undertrained,

    /// <summary>N/N* inside the band: the compute was split about as the law recommends (Chinchilla, LLaMA-65B).</summary>
    NearOptimal,

    /// <summary>
    /// N/N* below the band: a small model trained on far more tokens than compute-optimal (Llama 3 8B). Usually
    /// deliberate: the smaller model is cheaper to serve, so the extra training compute buys inference savings
    /// (Sardana et al. 2024, arXiv 2401.00448); it is not waste of the same kind as undertraining.
    /// </summary>
    Overtrained,
}
