namespace Scaling.Resources;

/// <summary>
/// The names a resource plan gives the quantity at fault in an <see cref="InfeasiblePlanException"/>, so an edge can
/// name its own input (e.g. the CLI's <c>--gpus</c>) by looking the name up instead of reading the message.
/// </summary>
public static class ResourceQuantities
{
    /// <summary>The given GPU count (<see cref="ResourceAssumptions.Gpus"/>) cannot hold the training state.</summary>
    public const string Gpus = "gpus";

    /// <summary>The deadline (<see cref="ResourceAssumptions.DeadlineDays"/>) cannot be met.</summary>
    public const string DeadlineDays = "deadlineDays";

    /// <summary>The maximum GPU count (<see cref="ResourceAssumptions.MaxGpus"/>) is too small for the training state.</summary>
    public const string MaxGpus = "maxGpus";

    /// <summary>The utilisation, power or price assumptions make a number of the plan overflow.</summary>
    public const string Assumptions = "assumptions";
}
