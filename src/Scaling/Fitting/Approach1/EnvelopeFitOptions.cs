using Scaling.Fitting.Bootstrap;
namespace Scaling.Fitting.Approach1;

/// <summary>
/// Options of <see cref="EnvelopeFitter"/> (Hoffmann et al. 2022, Approach 1).
/// </summary>
/// <remarks>
/// <example><code>
/// var fit = EnvelopeFitter.Fit(checkpoints, new EnvelopeFitOptions { GridPoints = 3000, Resamples = 500 });
/// </code></example>
/// </remarks>
public sealed record EnvelopeFitOptions : ResamplingOptions
{
    /// <summary>The defaults: 1,500 grid points, bracketed points only, 1,000 resamples, seed 0, 95% intervals.</summary>
    public static EnvelopeFitOptions Default { get; } = new();

    /// <summary>
    /// How many log-spaced compute values the envelope is evaluated at, from the smallest to the largest checkpoint
    /// compute. Default 1,500, as in Hoffmann et al. 2022, §3.1; at least 10.
    /// </summary>
    public int GridPoints
    {
        get;
        init => field = value >= 10
            ? value
            : throw new ArgumentOutOfRangeException(nameof(GridPoints), value, $"{nameof(GridPoints)} must be at least 10; 1,500 is the paper's choice.");
    } = 1500;

    /// <summary>
    /// When true (the default), an envelope point enters the power-law fits only if some run reaching that compute is
    /// smaller than the winning run and another is larger: otherwise the winner is merely the smallest or largest
    /// model available there, and the true optimum may lie beyond it.
    /// </summary>
    public bool BracketedOnly { get; init; } = true;
}
