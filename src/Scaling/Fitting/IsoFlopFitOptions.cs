namespace Scaling.Fitting;

/// <summary>
/// Options of <see cref="IsoFlopFitter"/> (Hoffmann et al. 2022, Approach 2).
/// </summary>
/// <remarks>
/// <example><code>
/// var fit = IsoFlopFitter.Fit(runs, new IsoFlopFitOptions { Resamples = 2000, Seed = 7 });
/// </code></example>
/// </remarks>
public sealed record IsoFlopFitOptions
{
    /// <summary>The defaults: 10% grouping tolerance, 1,000 resamples, seed 0, 95% intervals.</summary>
    public static IsoFlopFitOptions Default { get; } = new();

    /// <summary>
    /// How far the training compute 6·N·D of runs without a declared budget may spread within one IsoFLOP group,
    /// relative to the group's smallest: a group starting at C₀ takes every run with C ≤ (1 + tolerance)·C₀.
    /// Default 0.10; must lie in (0, 1].
    /// </summary>
    public double RelativeFlopsTolerance
    {
        get;
        init => field = Require.Fraction(value, nameof(RelativeFlopsTolerance));
    } = 0.10;

    /// <summary>Bootstrap resamples B (0 for no intervals, otherwise at least 2). Default 1,000.</summary>
    public int Resamples
    {
        get;
        init => field = FitOptionChecks.Resamples(value, nameof(Resamples));
    } = 1000;

    /// <summary>Seed of the bootstrap; the same seed gives the same intervals. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Coverage of the percentile intervals, in (0, 1]. Default 0.95.</summary>
    public double Level
    {
        get;
        init => field = Require.Fraction(value, nameof(Level));
    } = 0.95;
}
