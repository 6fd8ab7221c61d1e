namespace Scaling.Laws;

/// <summary>
/// A named parametric loss law <c>L(N, D) = E + A/N^α + B/D^β</c> (Hoffmann et al. 2022, Eq. 2): it predicts loss,
/// so it has a compute-optimal frontier, inverse plans and data-constrained plans.
/// </summary>
/// <example><code>
/// ParametricLaw law = LawPresets.Besiroglu2024;
/// double loss = law.LossLaw.Loss(70e9, 1.4e12);
/// </code></example>
public sealed record ParametricLaw : ScalingLaw
{
    internal ParametricLaw(string name, LossLaw lossLaw, string source, string summary, RepetitionDecay? fittedRepetition)
        : base(name, source, summary)
    {
        ArgumentNullException.ThrowIfNull(lossLaw);
        LossLaw = lossLaw;
        HasFittedRepetition = fittedRepetition is not null;
        Repetition = fittedRepetition ?? RepetitionDecay.Muennighoff2023;
    }

    /// <summary>The coefficients E, A, B, α, β.</summary>
    public LossLaw LossLaw { get; }

    /// <summary>
    /// The decay of repeated data to plan with: the constants fitted together with this law, or — when the law was
    /// fitted on unique data only — Muennighoff et al.'s (2023, arXiv 2305.16264) R_D* and R_N*.
    /// </summary>
    public RepetitionDecay Repetition { get; }

    /// <summary>True when <see cref="Repetition"/> was fitted together with this law rather than borrowed.</summary>
    public bool HasFittedRepetition { get; }
}
