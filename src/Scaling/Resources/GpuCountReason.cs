namespace Scaling.Resources;

/// <summary>Why a <see cref="ResourcePlan"/> uses the number of accelerators it does.</summary>
public enum GpuCountReason
{
    /// <summary>The fewest that hold the training state (no count and no deadline were given).</summary>
    HoldsTrainingState,

    /// <summary>The count the user gave.</summary>
    Given,

    /// <summary>The fewest that finish within the deadline (and hold the training state).</summary>
    MeetsDeadline,

    /// <summary>The fewest (from the memory or deadline count up) on which a tensor, pipeline, data and expert layout fits.</summary>
    FitsLayout,
}
