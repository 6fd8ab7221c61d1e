namespace Scaling.Resources;

/// <summary>A number of a <see cref="BudgetPlan"/> whose sensitivity <see cref="PlanSensitivity"/> reports.</summary>
public enum SensitivityOutput
{
    /// <summary>Training cost in euros.</summary>
    CostEuros,

    /// <summary>Wall-clock days.</summary>
    Days,

    /// <summary>Accelerators used.</summary>
    Gpus,

    /// <summary>The compute-optimal model size N*.</summary>
    Parameters,

    /// <summary>Energy from the grid in kWh (null without a power figure).</summary>
    KilowattHours,

    /// <summary>CO₂ in tonnes (null without a power figure).</summary>
    Co2Tonnes,

    /// <summary>Water on and off site in litres (null without a power figure).</summary>
    WaterLitres,

    /// <summary>The hardware's embodied CO₂ in tonnes charged to the run.</summary>
    EmbodiedCo2Tonnes,
}
