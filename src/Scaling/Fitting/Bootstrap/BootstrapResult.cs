namespace Scaling.Fitting.Bootstrap;

/// <summary>
/// The bootstrap of an Approach 3 fit: the intervals of the law's quantities and, with a budget, of the plan at it
/// (<see cref="Intervals"/>), and the resampled estimates they come from (<see cref="Samples"/>).
/// </summary>
public sealed record BootstrapResult
{
    /// <summary>How many resamples were drawn.</summary>
    public required int Resamples { get; init; }

    /// <summary>How many refits met the gradient tolerance (all finite refits enter the intervals).</summary>
    public required int Converged { get; init; }

    /// <summary>The seed.</summary>
    public required Seed Seed { get; init; }

    /// <summary>The budget of the plan intervals, or null.</summary>
    public required double? Flops { get; init; }

    /// <summary>The intervals by quantity; <see cref="BootstrapIntervals.Plan"/> is set when <see cref="Flops"/> is.</summary>
    public required BootstrapIntervals Intervals { get; init; }

    /// <summary>The resampled estimates of the law's quantities, in resample order (NaN where a refit gave no valid law).</summary>
    public BootstrapSamples Samples { get; init; } = BootstrapSamples.None;

    /// <summary>
    /// The refitted laws, one per resample whose refit gave a valid law (α, β > 0), in resample order: what
    /// <see cref="Laws.FittedLaw.Create"/> takes so that a plan at any budget can carry an interval.
    /// </summary>
    public IReadOnlyList<Laws.LossLaw> ResampledLaws() => Samples.Laws();
}
