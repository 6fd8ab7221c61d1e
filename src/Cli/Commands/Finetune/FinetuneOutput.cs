using Scaling.Cli.Shared;
using Scaling.FineTuning;
using Scaling.Hardware;
using Scaling.Transfer;

namespace Scaling.Cli.Commands.Finetune;

/// <summary><c>scaling finetune --json</c>: the method, its memory, GPUs, time and cost, and (with <c>--transfer</c>) what the data is worth.</summary>
internal sealed record FinetuneOutput(
    string Method,
    IReadOnlyDictionary<string, int>? AdapterRanks,
    double Parameters,
    long TrainableParameters,
    double Tokens,
    double FlopsPerToken,
    double Flops,
    double FrozenWeightsBytes,
    double TrainableStateBytes,
    double ActivationBytes,
    double MemoryPerGpuBytes,
    string TrainingStateRecipe,
    int ContextTokens,
    int MicroBatch,
    string Recomputation,
    string Gpu,
    string Precision,
    double Mfu,
    int Gpus,
    string GpuCountReason,
    double GpuHours,
    double Days,
    double CostEuros,
    double? EnergyKilowattHours,
    double? Co2Tonnes,
    WaterLitresOutput? WaterLitres,
    double EmbodiedCo2Tonnes,
    TransferOutput? Transfer)
{
    public static FinetuneOutput From(FineTuningPlan plan, FinetuneSetup setup, TransferValue? worth)
    {
        var r = plan.Resources;
        var a = plan.Assumptions;
        var adapters = plan.Method switch
        {
            FineTuningMethod.Lora lora => lora.Adapters,
            FineTuningMethod.QLora qlora => qlora.Adapters,
            _ => null,
        };
        return new FinetuneOutput(
            plan.Method.Name,
            adapters?.Ranks.ToDictionary(p => LoraAdapters.ShortName(p.Key), p => p.Value),
            plan.Shape.Parameters,
            plan.TrainableParameters,
            plan.Tokens,
            plan.FlopsPerToken,
            plan.Flops,
            plan.Memory.FrozenWeightsBytes,
            plan.Memory.TrainableStateBytes,
            plan.Memory.ActivationBytes,
            plan.MemoryPerGpuBytes,
            a.Recipe.Name,
            setup.ContextTokens,
            setup.MicroBatch,
            setup.Recomputation.ToString().ToLowerInvariant(),
            a.Accelerator.Name,
            Precisions.Name(a.TrainingPrecision),
            r.Rate.Mfu,
            plan.Gpus,
            plan.GpuCountReason switch
            {
                Scaling.Resources.GpuCountReason.Given => "given",
                Scaling.Resources.GpuCountReason.MeetsDeadline => "meets-deadline",
                _ => "holds-training-state",
            },
            r.GpuHours,
            r.Days,
            r.CostEuros,
            r.KilowattHours,
            r.Co2Tonnes,
            WaterLitresOutput.From(r.Water),
            r.EmbodiedCo2Tonnes,
            TransferOutput.From(worth));
    }
}

/// <summary>What the fine-tuning tokens are worth in from-scratch training (Hernandez et al. 2021).</summary>
internal sealed record TransferOutput(
    string Law, double NonEmbeddingParameters, double TransferredTokens, double EffectiveTokens, double FromScratchFlops, double FromScratchEuros, double FineTuningFlops, double SavedEuros)
{
    public static TransferOutput? From(TransferValue? value) => value is null
        ? null
        : new(value.Law.Name, value.Parameters, value.TransferredTokens, value.EffectiveTokens, value.FromScratchFlops, value.FromScratchEuros, value.FineTuningFlops, value.SavedEuros);
}
