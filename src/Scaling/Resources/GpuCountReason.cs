namespace Scaling.Resources;

/// <summary>Why a <see cref="ResourcePlan"/> uses the number of accelerators it does.</summary>
public enum GpuCountReason
{
    /// <summary>The fewest that hold the training state: the schedule (or no schedule) needs no more.</summary>
    HoldsTrainingState,

    /// <summary>The count the user gave.</summary>
    Given,

    /// <summary>The fewest that finish within the deadline given (and hold the training state).</summary>
    MeetsDeadline,

    /// <summary>The fewest (from the memory or deadline count up) on which a tensor, pipeline, data and expert layout fits.</summary>
    FitsLayout,

    /// <summary>The fewest whole nodes that finish within the default schedule (<see cref="ResourceAssumptions.ScheduleDays"/>).</summary>
    MeetsSchedule,

    /// <summary>The most the plan may derive (<see cref="ResourceAssumptions.MaxGpus"/>): the schedule would need more, so the plan runs longer.</summary>
    AtMaxGpus,
}
