namespace Scaling.Allocation;

/// <summary>
/// The best allocation of a budget when the training data may only grow beyond <see cref="UniqueTokens"/> by
/// repetition (Muennighoff et al. 2023).
/// </summary>
/// <param name="Optimum">The chosen N and D, with the data-constrained loss.</param>
/// <param name="UniqueTokens">The unique tokens available, U.</param>
/// <param name="EffectiveTokens">D': what the repeated data is worth in unique tokens.</param>
/// <param name="EffectiveParameters">N': what the model is worth given the unique data.</param>
/// <param name="Unconstrained">The plan with unlimited unique data, under the same base law.</param>
/// <param name="NaiveLoss">The loss of following the unconstrained plan anyway, repeating data as it needs.</param>
/// <param name="ReturnsRatio">
/// The loss the last doubling of compute bought under the constraint, as a fraction of what it buys with unlimited
/// unique data (1 = no constraint felt; near 0 = extra compute is wasted on repeats).
/// </param>
public sealed record DataConstrainedOptimum(
    LossOptimum Optimum,
    double UniqueTokens,
    double EffectiveTokens,
    double EffectiveParameters,
    LossOptimum Unconstrained,
    double NaiveLoss,
    double ReturnsRatio)
{
    /// <summary>Beyond about 4 epochs repeated data is worth clearly less than fresh data (Muennighoff et al. 2023, §5).</summary>
    public const double EpochsBeforeReturnsFall = 4;

    /// <summary>Below this <see cref="ReturnsRatio"/>, more compute is better spent on more unique data or elsewhere.</summary>
    public const double PoorReturnsRatio = 0.5;

    /// <summary>Passes over the unique data, D / U (below 1 when the data is not exhausted).</summary>
    public double Epochs => Optimum.Tokens / UniqueTokens;

    /// <summary>The predicted loss of the constrained plan.</summary>
    public double Loss => Optimum.Loss;

    /// <summary>The loss the plan would reach with unlimited unique data.</summary>
    public double UnconstrainedLoss => Unconstrained.Loss;

    /// <summary>True past ~4 epochs, where each further repeat is worth markedly less.</summary>
    public bool ReturnsFalling => Epochs > EpochsBeforeReturnsFall;

    /// <summary>True when extra compute mostly buys repeats: spend it on more unique data, or elsewhere.</summary>
    public bool ComputeBetterSpentElsewhere => ReturnsRatio < PoorReturnsRatio;
}
