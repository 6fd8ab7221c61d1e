using Scaling.Fitting;

namespace Scaling.Campaign;

/// <summary>
/// How one fitting approach fares over the simulated campaigns: the spread of its N* at the target (what the campaign
/// can tell you), and how often the interval each campaign's own bootstrap reports covers the true N*.
/// </summary>
/// <remarks>
/// Two different intervals, kept apart on purpose:
/// <list type="bullet">
/// <item><see cref="Parameters"/> is the <b>spread</b>: the central 95% of the trials' N* estimates (estimate = their
/// median). Its relative width is the precision the design buys, known before any run is trained.</item>
/// <item><see cref="Coverage"/> is about the <b>per-trial</b> intervals: the share of trials whose own percentile
/// bootstrap interval (what a team would report after this campaign) contains the true N*.</item>
/// </list>
/// Monte Carlo errors: <see cref="RelativeWidthStandardError"/> bootstraps the trials; <see cref="CoverageStandardError"/>
/// is the binomial √(p(1−p)/T).
/// </remarks>
public sealed record SimulatedEstimates
{
    /// <summary>"approach 3" or "approach 2".</summary>
    public required string Approach { get; init; }

    /// <summary>Every trial, in trial order (failed ones included).</summary>
    public required IReadOnlyList<SimulatedTrial> Trials { get; init; }

    /// <summary>The true N* at the target.</summary>
    public required double TrueParameters { get; init; }

    /// <summary>The spread of N* over the trials: median, and the central <c>Level</c> share of the estimates.</summary>
    public required Interval Parameters { get; init; }

    /// <summary>(upper − lower) / true N*.</summary>
    public double RelativeWidth => (Parameters.Upper - Parameters.Lower) / TrueParameters;

    /// <summary>Monte Carlo standard error of <see cref="RelativeWidth"/> (bootstrap over the trials).</summary>
    public required double RelativeWidthStandardError { get; init; }

    /// <summary>median N* / true N* − 1.</summary>
    public double RelativeBias => (Parameters.Estimate / TrueParameters) - 1;

    /// <summary>The share of trials whose own bootstrap interval contains the true N*, or null without resamples.</summary>
    public required double? Coverage { get; init; }

    /// <summary>√(p(1−p)/T) for <see cref="Coverage"/>, or null.</summary>
    public double? CoverageStandardError => Coverage is { } p ? Math.Sqrt(p * (1 - p) / SucceededTrials) : null;

    /// <summary>The median over trials of the trial's own interval width / true N*, or null without resamples.</summary>
    public required double? MedianTrialRelativeWidth { get; init; }

    /// <summary>The spread of the fitted optimal loss at the target, or null when the approach predicts no loss.</summary>
    public required Interval? Loss { get; init; }

    /// <summary>Trials whose fit succeeded.</summary>
    public int SucceededTrials => Trials.Count(t => t.Succeeded);

    /// <summary>Trials whose fit failed (too few usable IsoFLOP groups, an invalid law).</summary>
    public int FailedTrials => Trials.Count - SucceededTrials;
}
