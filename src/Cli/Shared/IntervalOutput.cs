using Scaling.Fitting;

namespace Scaling.Cli.Shared;

/// <summary>
/// An interval as every fit prints it: estimate, standard error, lower and upper bound. The standard error is null when
/// there is none to give: a calibrated interval (not a bootstrap), or a bootstrap whose refits spread beyond what a
/// number holds (the output's warnings say so); JSON never holds ±∞ or NaN.
/// </summary>
internal sealed record IntervalOutput(double Estimate, double? StandardError, double Lower, double Upper)
{
    public static IntervalOutput From(Interval interval) =>
        new(interval.Estimate, double.IsFinite(interval.StandardError) ? interval.StandardError : null, interval.Lower, interval.Upper);

    public static IntervalOutput? FromOptional(Interval? interval) => interval is null ? null : From(interval);

    /// <summary>A calibrated interval: an estimate with its ends, no standard error.</summary>
    public static IntervalOutput Calibrated(double estimate, double lower, double upper) => new(estimate, null, lower, upper);
}
