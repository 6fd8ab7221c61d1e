using Scaling.Fitting.Bootstrap;
using Scaling.Fitting.Extrapolation;

namespace Scaling.Allocation;

/// <summary>
/// A <see cref="FittedPlan"/> that rests on the fit's calibrated forecast of N*: N̂ with its interval at the budget, the
/// method and level, and how far the budget lies beyond the runs (<see cref="Forecast"/>).
/// </summary>
public sealed record ForecastPlan : FittedPlan
{
    internal ForecastPlan(ComputeOptimum optimum, ComputeOptimum lawOptimum, OptimumIntervals? lawIntervals, ExtrapolatedOptimum forecast, ExtrapolationMethod method)
        : base(optimum, lawOptimum, lawIntervals)
    {
        Forecast = forecast;
        Method = method;
    }

    /// <summary>The estimator of the forecast (drift by default).</summary>
    public ExtrapolationMethod Method { get; }

    /// <summary>N̂ with its interval (calibrated, or the method's block bootstrap), the distance and the warnings.</summary>
    public ExtrapolatedOptimum Forecast { get; }
}
