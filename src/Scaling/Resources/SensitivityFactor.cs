namespace Scaling.Resources;

/// <summary>
/// One assumption of a plan moved to a low and a high setting, everything else held at the baseline: the plans at
/// both settings (null where the setting makes the plan impossible, e.g. a deadline that 30% MFU cannot meet).
/// </summary>
/// <param name="Name">The assumption, e.g. "MFU".</param>
/// <param name="LowSetting">The low setting as text, e.g. "30%".</param>
/// <param name="HighSetting">The high setting as text, e.g. "50%".</param>
/// <param name="Low">The plan at the low setting, or null when impossible.</param>
/// <param name="High">The plan at the high setting, or null when impossible.</param>
public sealed record SensitivityFactor(string Name, string LowSetting, string HighSetting, BudgetPlan? Low, BudgetPlan? High)
{
    /// <summary>The relative change of <paramref name="output"/> at the low setting against <paramref name="baseline"/>, e.g. 0.25 for +25%; null when unknown.</summary>
    public double? LowChange(SensitivityOutput output, BudgetPlan baseline) => Change(Low, output, baseline);

    /// <summary>The relative change of <paramref name="output"/> at the high setting against <paramref name="baseline"/>; null when unknown.</summary>
    public double? HighChange(SensitivityOutput output, BudgetPlan baseline) => Change(High, output, baseline);

    private static double? Change(BudgetPlan? plan, SensitivityOutput output, BudgetPlan baseline) =>
        plan is not null && output.Of(plan) is { } value && output.Of(baseline) is { } reference && reference != 0
            ? (value / reference) - 1
            : null;
}
