namespace Scaling.Fitting;

/// <summary>Options of <see cref="ParametricBootstrap"/>.</summary>
/// <remarks>Example: <c>new BootstrapOptions { Resamples = 4000, Seed = 7, Flops = 5.76e23 }</c>.</remarks>
public sealed record BootstrapOptions
{
    /// <summary>How many resamples (Besiroglu et al. 2024 used 4,000; 1,000 is the default here).</summary>
    public int Resamples { get; init; } = 1000;

    /// <summary>The seed; resample k draws from its own stream (seed, k), so results do not depend on threads.</summary>
    public Seed Seed { get; init; }

    /// <summary>A budget in FLOPs at which to give intervals for N*, D* and tokens per parameter; null for none.</summary>
    public double? Flops { get; init; }

    /// <summary>Coverage of the percentile intervals.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>Worker threads; −1 uses every core.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Resamples, 2, nameof(Resamples));
        Require.Fraction(Level, nameof(Level));
        if (Flops is { } flops)
        {
            Require.PositiveFinite(flops, nameof(Flops));
        }

        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "MaxDegreeOfParallelism must be -1 (all cores) or at least 1.");
        }
    }
}
