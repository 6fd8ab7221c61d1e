using Scaling.Text;

namespace Scaling.Architecture;

/// <summary>
/// What post-training quantisation (PTQ) of the weights costs a model trained in high precision, by Kumar et al. 2024
/// (arXiv 2411.04330), Eq. 2 with Table 2's constants: the predicted loss added at INT8 and INT4, how much larger that
/// is than at 20 tokens/parameter, and the INT4 critical data size beyond which more training tokens make the INT4
/// model worse.
/// </summary>
/// <param name="Parameters">The model's parameters N.</param>
/// <param name="Tokens">The training tokens D.</param>
/// <param name="GrowthOverChinchilla">δ_PTQ at this D/N over δ_PTQ at 20 tokens/parameter for the same N: (D/N / 20)^γ_D.</param>
/// <param name="Int8LossPenalty">δ_PTQ at 8 bits (nats/token, on the paper's data).</param>
/// <param name="Int4LossPenalty">δ_PTQ at 4 bits (nats/token, on the paper's data).</param>
/// <param name="Int4CriticalTokens">The tokens beyond which more training raises the INT4 model's loss (§3.1, App. E.1).</param>
/// <param name="Costly">True when the penalty is at least twice that at 20 tokens/parameter (D/N ≥ 20·2^(1/γ_D) ≈ 78).</param>
/// <example><code>
/// var llama3 = PrecisionLaw.Kumar2024.Outlook(8e9, 15e12);   // D/N = 1875
/// llama3.Int4LossPenalty;   // ≈ 0.13 nats/token
/// llama3.Costly;            // true: 10× the penalty at 20 tokens/parameter
/// </code></example>
public sealed record PtqOutlook(
    double Parameters,
    double Tokens,
    double GrowthOverChinchilla,
    double Int8LossPenalty,
    double Int4LossPenalty,
    double Int4CriticalTokens,
    bool Costly)
{
    /// <summary>The tokens per parameter D/N.</summary>
    public double TokensPerParameter => Tokens / Parameters;

    /// <summary>True when the training tokens are past the INT4 critical data size.</summary>
    public bool PastInt4CriticalTokens => Tokens > Int4CriticalTokens;

    /// <summary>A one-sentence warning when <see cref="Costly"/>, else null.</summary>
    public string? Warning
    {
        get
        {
            if (!Costly)
            {
                return null;
            }

            string past = PastInt4CriticalTokens
                ? $", and {NumberText.Count(Tokens)} tokens are past the INT4 critical {NumberText.Count(Int4CriticalTokens)}, beyond which more training makes the INT4 model worse"
                : string.Empty;
            return $"At {NumberText.Ratio(TokensPerParameter)} tokens/parameter, post-training quantisation costs {NumberText.Ratio(GrowthOverChinchilla)}× what it does at 20: "
                + $"predicted +{NumberText.Loss(Int4LossPenalty)} nats/token at INT4 and +{NumberText.Loss(Int8LossPenalty)} at INT8 (Kumar et al. 2024, Eq. 2, Table 2; absolute values on its Dolma runs){past}; "
                + "serve at 8 bits, quantise with calibration (GPTQ/AWQ) or train quantisation-aware.";
        }
    }
}
