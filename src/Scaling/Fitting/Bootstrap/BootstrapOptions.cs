namespace Scaling.Fitting.Bootstrap;

/// <summary>Options of <see cref="ParametricBootstrap"/>.</summary>
/// <remarks>Example: <c>new BootstrapOptions { Resamples = 4000, Seed = 7, Flops = 5.76e23 }</c>.</remarks>
public sealed record BootstrapOptions
{
    /// <summary>How many resamples (Besiroglu et al. 2024 used 4,000; 1,000 is the default here).</summary>
    public int Resamples { get; init => field = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(Resamples), value, "Resamples must be at least 2; 1,000 is usual."); } = 1000;

    /// <summary>The seed; resample k draws from its own stream (seed, k), so results do not depend on threads.</summary>
    public Seed Seed { get; init; }

    /// <summary>A budget in FLOPs at which to give intervals for N*, D* and tokens per parameter; null for none.</summary>
    public double? Flops { get; init => field = value is { } flops ? Require.PositiveFinite(flops, nameof(Flops)) : null; }

    /// <summary>Coverage of the percentile intervals.</summary>
    public double Level { get; init => field = Require.Fraction(value, nameof(Level)); } = 0.95;

    /// <summary>Worker threads; −1 uses every core.</summary>
    public int MaxDegreeOfParallelism { get; init => field = FitOptionChecks.Parallelism(value, nameof(MaxDegreeOfParallelism)); } = -1;

}
