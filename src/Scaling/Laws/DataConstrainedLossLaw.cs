namespace Scaling.Laws;

/// <summary>
/// The data-constrained loss law of Muennighoff et al. 2023 (arXiv 2305.16264):
/// <c>L(N, D, U) = E + A/N'^α + B/D'^β</c>, where training on D tokens drawn from U unique ones counts as
/// D' effective tokens and a model larger than the unique data supports counts as N' effective parameters.
/// </summary>
/// <remarks>
/// With U_D = min(D, U): <c>D' = U_D + U_D·R_D*·(1 − e^(−R_D/R_D*))</c>, R_D = D/U_D − 1;
/// <c>N' = U_N + U_N·R_N*·(1 − e^(−R_N/R_N*))</c>, U_N = min(N, N_opt(U_D)), R_N = N/U_N − 1, where N_opt(U_D) is
/// the size for which U_D tokens are compute-optimal under the base law. Without repetition and at or below
/// N_opt(D), L equals the base law.
/// <example><code>
/// var law = DataConstrainedLossLaw.Create(LawPresets.Muennighoff2023.LossLaw, RepetitionDecay.Muennighoff2023);
/// law.Loss(parameters: 6.34e9, tokens: 242e9, uniqueTokens: 25e9); // 2.2256 (Muennighoff et al. 2023)
/// </code></example>
/// </remarks>
public sealed record DataConstrainedLossLaw
{
    private readonly double frontierG;
    private readonly double frontierExponentB;

    private DataConstrainedLossLaw(LossLaw baseLaw, RepetitionDecay decay)
    {
        BaseLaw = baseLaw;
        Decay = decay;
        // Hoffmann et al. 2022, Eq. 4: D*(C) = G⁻¹·(C/k)^b with G = (αA/(βB))^(1/(α+β)) and b = α/(α+β), so the size for
        // which D tokens are compute-optimal, N = (C/k)/D = (G·D)^(1/b)/D, does not depend on k.
        frontierG = Math.Pow(baseLaw.Alpha * baseLaw.A / (baseLaw.Beta * baseLaw.B), 1.0 / (baseLaw.Alpha + baseLaw.Beta));
        frontierExponentB = baseLaw.Alpha / (baseLaw.Alpha + baseLaw.Beta);
    }

    /// <summary>The law without data constraints.</summary>
    public LossLaw BaseLaw { get; }

    /// <summary>The decay constants R_D* and R_N*.</summary>
    public RepetitionDecay Decay { get; }

    /// <summary>Creates the law from a base law and decay constants.</summary>
    public static DataConstrainedLossLaw Create(LossLaw baseLaw, RepetitionDecay decay)
    {
        ArgumentNullException.ThrowIfNull(baseLaw);
        ArgumentNullException.ThrowIfNull(decay);
        return new DataConstrainedLossLaw(baseLaw, decay);
    }

    /// <summary>N_opt(D): the model size for which <paramref name="tokens"/> are compute-optimal under the base law.</summary>
    public double ComputeOptimalParameters(double tokens)
    {
        Require.PositiveFinite(tokens, nameof(tokens));
        return Math.Pow(frontierG * tokens, 1.0 / frontierExponentB) / tokens;
    }

    /// <summary>The effective tokens D' of training on <paramref name="tokens"/> drawn from <paramref name="uniqueTokens"/>.</summary>
    public double EffectiveTokens(double tokens, double uniqueTokens)
    {
        Require.PositiveFinite(tokens, nameof(tokens));
        Require.PositiveFinite(uniqueTokens, nameof(uniqueTokens));
        return RepetitionDecay.Effective(tokens, Math.Min(tokens, uniqueTokens), Decay.DataDecayEpochs);
    }

    /// <summary>The effective parameters N' of a model of <paramref name="parameters"/> trained on that data.</summary>
    public double EffectiveParameters(double parameters, double tokens, double uniqueTokens)
    {
        Require.PositiveFinite(parameters, nameof(parameters));
        Require.PositiveFinite(tokens, nameof(tokens));
        Require.PositiveFinite(uniqueTokens, nameof(uniqueTokens));
        double uniqueUsed = Math.Min(tokens, uniqueTokens);
        double supported = Math.Min(parameters, ComputeOptimalParameters(uniqueUsed));
        return RepetitionDecay.Effective(parameters, supported, Decay.ParameterDecay);
    }

    /// <summary>The predicted loss <c>E + A/N'^α + B/D'^β</c> in nats per token.</summary>
    public double Loss(double parameters, double tokens, double uniqueTokens) =>
        BaseLaw.E
        + BaseLaw.ParameterTerm(EffectiveParameters(parameters, tokens, uniqueTokens))
        + BaseLaw.DataTerm(EffectiveTokens(tokens, uniqueTokens));
}
