namespace Scaling.Resources;

/// <summary>Reads a <see cref="SensitivityOutput"/> off a plan, and names it.</summary>
public static class SensitivityOutputs
{
    /// <summary>The value of <paramref name="output"/> in <paramref name="plan"/>, or null when the plan has none.</summary>
    public static double? Of(this SensitivityOutput output, BudgetPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return output switch
        {
            SensitivityOutput.CostEuros => plan.Resources.CostEuros,
            SensitivityOutput.Days => plan.Resources.Days,
            SensitivityOutput.Gpus => plan.Resources.Gpus,
            SensitivityOutput.Parameters => plan.Optimum.Parameters,
            SensitivityOutput.KilowattHours => plan.Resources.KilowattHours,
            SensitivityOutput.Co2Tonnes => plan.Resources.Co2Tonnes,
            SensitivityOutput.WaterLitres => plan.Resources.Water?.Total,
            SensitivityOutput.EmbodiedCo2Tonnes => plan.Resources.EmbodiedCo2Tonnes,
            _ => throw new ArgumentOutOfRangeException(nameof(output), output, "Unknown output."),
        };
    }

    /// <summary>A short label with the unit, e.g. "cost (€)".</summary>
    public static string Label(this SensitivityOutput output) => output switch
    {
        SensitivityOutput.CostEuros => "cost (€)",
        SensitivityOutput.Days => "days",
        SensitivityOutput.Gpus => "GPUs",
        SensitivityOutput.Parameters => "model size N*",
        SensitivityOutput.KilowattHours => "energy (kWh)",
        SensitivityOutput.Co2Tonnes => "CO₂ (t)",
        SensitivityOutput.WaterLitres => "water (L)",
        SensitivityOutput.EmbodiedCo2Tonnes => "embodied CO₂ (t)",
        _ => throw new ArgumentOutOfRangeException(nameof(output), output, "Unknown output."),
    };
}
