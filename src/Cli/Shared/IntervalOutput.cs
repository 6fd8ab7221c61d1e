using Scaling.Fitting;

namespace Scaling.Cli.Shared;

/// <summary>An interval as every fit prints it: estimate, standard error, lower and upper bound.</summary>
internal sealed record IntervalOutput(double Estimate, double StandardError, double Lower, double Upper)
{
    public static IntervalOutput From(Interval interval) => new(interval.Estimate, interval.StandardError, interval.Lower, interval.Upper);

    public static IntervalOutput? FromOptional(Interval? interval) => interval is null ? null : From(interval);
}
