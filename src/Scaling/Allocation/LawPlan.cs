using Scaling.Fitting.Bootstrap;

namespace Scaling.Allocation;

/// <summary>
/// A <see cref="FittedPlan"/> that rests on the law's own optimum: the law is a preset, the fit's runs could not support
/// a forecast of N*, or caps apply. <see cref="NoForecast"/> says why there is no calibrated interval, when there is
/// something to say.
/// </summary>
public sealed record LawPlan : FittedPlan
{
    internal LawPlan(ComputeOptimum optimum, OptimumIntervals? intervals, string? noForecast)
        : base(optimum, optimum, intervals)
    {
        NoForecast = noForecast;
    }

    /// <summary>Why the plan has no calibrated interval (null for a published law, which no runs of yours stand behind).</summary>
    public string? NoForecast { get; }
}
