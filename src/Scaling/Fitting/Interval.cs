using MathNet.Numerics.Statistics;

namespace Scaling.Fitting;

/// <summary>
/// An estimate with its bootstrap standard error and percentile interval.
/// </summary>
/// <remarks>
/// The percentile interval at level 0.95 is the 2.5th and 97.5th percentile of the resampled estimates
/// (Efron &amp; Tibshirani 1993, "An Introduction to the Bootstrap", §13.3); the standard error is their
/// sample standard deviation (ibid. §6.2).
/// </remarks>
public sealed record Interval
{
    private Interval(double estimate, double standardError, double lower, double upper, double level, int samples)
    {
        Estimate = estimate;
        StandardError = standardError;
        Lower = lower;
        Upper = upper;
        Level = level;
        Samples = samples;
    }

    /// <summary>The estimate from the full data.</summary>
    public double Estimate { get; }

    /// <summary>Standard deviation of the resampled estimates.</summary>
    public double StandardError { get; }

    /// <summary>Lower bound of the percentile interval.</summary>
    public double Lower { get; }

    /// <summary>Upper bound of the percentile interval.</summary>
    public double Upper { get; }

    /// <summary>Coverage level, e.g. 0.95.</summary>
    public double Level { get; }

    /// <summary>How many resampled estimates the interval rests on.</summary>
    public int Samples { get; }

    /// <summary>True when <paramref name="value"/> lies within [Lower, Upper].</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>
    /// The interval from the full-data <paramref name="estimate"/> and the resampled estimates (non-finite ones,
    /// from failed refits, are ignored; at least two finite ones are needed).
    /// </summary>
    public static Interval FromSamples(double estimate, IEnumerable<double> samples, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(samples);
        Require.Fraction(level, nameof(level));
        double[] sorted = samples.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length < 2)
        {
            throw new ArgumentException("samples: at least two finite resampled estimates are needed for an interval.", nameof(samples));
        }

        // Percentiles by linear interpolation between order statistics (Hyndman & Fan 1996, definition 7, as in R and
        // numpy's default; MathNet's plain Quantile is definition 8, so the definition is named).
        double tail = (1 - level) / 2;
        return new Interval(
            estimate,
            sorted.StandardDeviation(),
            SortedArrayStatistics.QuantileCustom(sorted, tail, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(sorted, 1 - tail, QuantileDefinition.R7),
            level,
            sorted.Length);
    }
}
