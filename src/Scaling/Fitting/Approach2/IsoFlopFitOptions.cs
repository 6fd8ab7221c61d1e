using Scaling.Fitting.Bootstrap;
namespace Scaling.Fitting.Approach2;

/// <summary>
/// Options of <see cref="IsoFlopFitter"/> (Hoffmann et al. 2022, Approach 2).
/// </summary>
/// <remarks>
/// <example><code>
/// var fit = IsoFlopFitter.Fit(runs, new IsoFlopFitOptions { Resamples = 2000, Seed = 7 });
/// </code></example>
/// </remarks>
public sealed record IsoFlopFitOptions : ResamplingOptions
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
}
