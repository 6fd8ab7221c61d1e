using Scaling.Fitting;
using Scaling.Laws;

namespace Scaling.Campaign;

/// <summary>What <see cref="NextRunAdvisor.Propose"/> found: the law so far, its N* interval, the runs to train next and how they compare with doubling the largest budget.</summary>
/// <param name="TargetFlops">The budget where N* is wanted.</param>
/// <param name="Law">The law fitted to the runs so far.</param>
/// <param name="Parameters">N* at the target with its bootstrap interval, from the runs so far.</param>
/// <param name="NoiseSigma">The residual RMSE of ln L, taken as the noise of a new run.</param>
/// <param name="Proposals">The proposed runs, greedily in order of expected benefit.</param>
/// <param name="Comparison">The proposals against doubling the largest budget, by simulation; null when skipped.</param>
public sealed record NextRunsAdvice(
    double TargetFlops,
    LossLaw Law,
    Interval Parameters,
    double NoiseSigma,
    IReadOnlyList<ProposedRun> Proposals,
    NextRunsComparison? Comparison)
{
    /// <summary>The current 95% width of N*, relative to N*.</summary>
    public double RelativeWidth => (Parameters.Upper - Parameters.Lower) / Parameters.Estimate;
}
