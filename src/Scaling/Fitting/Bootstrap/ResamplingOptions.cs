namespace Scaling.Fitting.Bootstrap;

/// <summary>
/// The bootstrap settings Approaches 1 and 2 share: how many resamples, from which seed, at which coverage.
/// </summary>
public abstract record ResamplingOptions
{
    /// <summary>Bootstrap resamples B (0 for no intervals, otherwise at least 2). Default 1,000.</summary>
    public int Resamples
    {
        get;
        init => field = FitOptionChecks.Resamples(value, nameof(Resamples));
    } = 1000;

    /// <summary>Seed of the bootstrap; the same seed gives the same intervals. Default 0.</summary>
    public Seed Seed { get; init; }

    /// <summary>Coverage of the percentile intervals, in (0, 1]. Default 0.95.</summary>
    public double Level
    {
        get;
        init => field = Require.Fraction(value, nameof(Level));
    } = 0.95;
}
