namespace Scaling.Distillation;

/// <summary>What a budget should buy: a distilled student, the student trained directly, or no answer.</summary>
public enum DistillationVerdict
{
    /// <summary>The distilled student reaches a lower loss than the student trained directly on the whole budget.</summary>
    Distil,

    /// <summary>Training the student directly on the whole budget reaches the lower loss.</summary>
    TrainDirectly,

    /// <summary>No distillation law was given, so the distilled loss is unknown.</summary>
    Unknown,

    /// <summary>The teacher's share alone uses the whole budget: nothing is left for the student.</summary>
    TeacherExceedsBudget,

    /// <summary>The teacher's size or tokens, needed to price this scenario, are unknown.</summary>
    TeacherCostUnknown,
}
