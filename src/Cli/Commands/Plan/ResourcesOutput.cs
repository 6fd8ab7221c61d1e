using Scaling.Hardware;
using Scaling.Resources;

namespace Scaling.Cli.Commands.Plan;

/// <summary>The fields <c>scaling plan --gpu</c> adds: hardware, time, cost, energy, CO₂ and memory of the plan.</summary>
internal sealed record ResourcesOutput(
    double? BudgetEuros,
    string Gpu,
    string Precision,
    double PeakFlopsPerSecond,
    double Mfu,
    double EurPerGpuHour,
    string? PriceDate,
    string PriceNote,
    double GpuHours,
    double CostEuros,
    int Gpus,
    int MinimumGpus,
    string GpuCountReason,
    double? DeadlineDays,
    int MaxGpus,
    double Days,
    double? WattsPerGpu,
    double Overhead,
    double Pue,
    double? ClusterKilowatts,
    double? EnergyKilowattHours,
    double GridGramsCo2PerKilowattHour,
    double? Co2Tonnes,
    string TrainingStateRecipe,
    double TrainingBytesPerParameter,
    double UsableMemoryFraction,
    double MemoryBytesPerGpu,
    double TrainingMemoryBytes,
    Dictionary<string, double> WeightsMemoryBytes,
    Dictionary<string, double> InferenceMemoryBytes,
    bool ActivationsIncluded)
{
    private static readonly Scaling.Hardware.Precision[] MemoryPrecisions = [Scaling.Hardware.Precision.Fp32, Scaling.Hardware.Precision.Bf16, Scaling.Hardware.Precision.Fp16, Scaling.Hardware.Precision.Fp8, Scaling.Hardware.Precision.Int8, Scaling.Hardware.Precision.Int4];

    public static ResourcesOutput? From(BudgetPlan? plan)
    {
        if (plan is null)
        {
            return null;
        }

        var r = plan.Resources;
        var a = r.Assumptions;
        return new ResourcesOutput(
            plan.BudgetEuros,
            a.Accelerator.Name,
            Precisions.Name(a.TrainingPrecision),
            r.Rate.PeakFlopsPerSecond,
            r.Rate.Mfu,
            r.Rate.EurosPerGpuHour,
            a.EurosPerGpuHour is null ? a.Accelerator.PriceDate : null,
            a.EurosPerGpuHour is null ? a.Accelerator.PriceNote : "given by the user",
            r.GpuHours,
            r.CostEuros,
            r.Gpus,
            r.MinimumGpus,
            r.GpuCountReason switch
            {
                Scaling.Resources.GpuCountReason.Given => "given",
                Scaling.Resources.GpuCountReason.MeetsDeadline => "meets-deadline",
                _ => "holds-training-state",
            },
            a.DeadlineDays,
            a.MaxGpus,
            r.Days,
            r.Energy?.WattsPerGpu,
            a.Overhead,
            a.Pue,
            r.ClusterKilowatts,
            r.KilowattHours,
            a.GridGramsCo2PerKilowattHour,
            r.Co2Tonnes,
            a.Recipe.Name,
            r.Memory.TrainingBytesPerParameter,
            a.UsableMemoryFraction,
            a.Accelerator.MemoryBytes,
            r.Memory.TrainingStateBytes,
            MemoryPrecisions.ToDictionary(Precisions.Name, r.Memory.WeightsBytes),
            MemoryPrecisions.ToDictionary(Precisions.Name, r.Memory.InferenceBytes),
            ActivationsIncluded: false);
    }
}
