using Scaling.Resources;

namespace Scaling.Transfer;

/// <summary>
/// What fine-tuning a pre-trained model of <see cref="Parameters"/> on <see cref="FineTuningTokens"/> is worth in
/// from-scratch training of the same size: the effective tokens <c>D_E = D_F + D_T</c> (Hernandez et al. 2021), their
/// FLOPs <c>6·N·D_E</c> and euros, against the FLOPs and euros of the fine-tuning itself. Pre-training compute is not
/// counted, as in Hernandez et al. §3.2: the pre-trained model is taken as given.
/// </summary>
/// <example><code>
/// var value = TransferValue.Of(TransferLaw.Hernandez2021TextToPython.InTokens(3.5), 1e8, 7e9, rate);
/// // value.EffectiveTokens, value.FromScratchEuros, value.SavedEuros
/// </code></example>
public sealed record TransferValue
{
    private TransferValue(TransferLaw law, double fineTuningTokens, double parameters, ComputeRate rate)
    {
        Law = law;
        FineTuningTokens = fineTuningTokens;
        Parameters = parameters;
        TransferredTokens = law.EffectiveDataTransferred(fineTuningTokens, parameters);
        Rate = rate;
    }

    /// <summary>The transfer law, in tokens.</summary>
    public TransferLaw Law { get; }

    /// <summary>The fine-tuning tokens D_F.</summary>
    public double FineTuningTokens { get; }

    /// <summary>The model's (non-embedding) parameters N.</summary>
    public double Parameters { get; }

    /// <summary>The tokens pre-training is worth, D_T.</summary>
    public double TransferredTokens { get; }

    /// <summary>The from-scratch tokens the fine-tuned model is worth, D_E = D_F + D_T.</summary>
    public double EffectiveTokens => FineTuningTokens + TransferredTokens;

    /// <summary>The euros ↔ FLOPs rate.</summary>
    public ComputeRate Rate { get; }

    /// <summary>Training the same model from scratch to the same loss: 6·N·D_E.</summary>
    public double FromScratchFlops => 6 * Parameters * EffectiveTokens;

    /// <summary>Fine-tuning every weight on D_F: 6·N·D_F.</summary>
    public double FineTuningFlops => 6 * Parameters * FineTuningTokens;

    /// <summary>The euros of <see cref="FromScratchFlops"/>.</summary>
    public double FromScratchEuros => Rate.EurosForFlops(FromScratchFlops);

    /// <summary>The euros of <see cref="FineTuningFlops"/>.</summary>
    public double FineTuningEuros => Rate.EurosForFlops(FineTuningFlops);

    /// <summary>What fine-tuning saves against training from scratch: the euros of 6·N·D_T.</summary>
    public double SavedEuros => FromScratchEuros - FineTuningEuros;

    /// <summary>The value of fine-tuning on <paramref name="fineTuningTokens"/>.</summary>
    /// <exception cref="ArgumentException">The law counts characters; convert it with <see cref="TransferLaw.InTokens"/>.</exception>
    public static TransferValue Of(TransferLaw law, double fineTuningTokens, double parameters, ComputeRate rate)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(rate);
        if (law.Unit != DataUnit.Tokens)
        {
            throw new ArgumentException($"the law '{law.Name}' counts {law.Unit.ToString().ToLowerInvariant()}; convert it with InTokens(characters per token).", nameof(law));
        }

        return new TransferValue(law, Require.PositiveFinite(fineTuningTokens, nameof(fineTuningTokens)), Require.PositiveFinite(parameters, nameof(parameters)), rate);
    }
}
