namespace Scaling.Fitting.Approach2;

/// <summary>What became of one IsoFLOP group in <see cref="IsoFlopFitter"/>.</summary>
public enum IsoFlopProfileStatus
{
    /// <summary>The parabola has a minimum inside the sampled sizes; the group is used.</summary>
    Fitted,

    /// <summary>The minimum lies outside the sampled sizes (N_opt is extrapolated); the group is used, with a warning.</summary>
    MinimumOutsideSampledRange,

    /// <summary>Fewer than three distinct model sizes; the group is skipped.</summary>
    TooFewSizes,

    /// <summary>The parabola opens downward (no minimum); the group is skipped.</summary>
    OpensDownward,
}
