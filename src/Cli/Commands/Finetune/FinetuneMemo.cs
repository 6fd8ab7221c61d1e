using Scaling.FineTuning;
using Scaling.Resources;
using Scaling.Text;
using Scaling.Transfer;

namespace Scaling.Cli.Commands.Finetune;

/// <summary><c>scaling finetune</c> in prose (its JSON is <see cref="FinetuneOutput"/>).</summary>
internal static class FinetuneMemo
{
    public static string Prose(FineTuningPlan plan, FinetuneSetup setup, TransferValue? worth)
    {
        var r = plan.Resources;
        var a = plan.Assumptions;
        var m = plan.Memory;
        string method = plan.Method switch
        {
            FineTuningMethod.Lora lora => $"LoRA ({lora.Adapters}) on frozen 16-bit weights (Hu et al. 2021)",
            FineTuningMethod.QLora qlora => $"QLoRA ({qlora.Adapters}) on frozen 4-bit NF4 weights with double quantisation (Dettmers et al. 2023)",
            _ => "full fine-tuning: every weight trains",
        };
        var lines = new List<string>
        {
            $"Fine-tune {plan.Shape} ({NumberText.Count(plan.Shape.Parameters)} parameters) on {NumberText.Count(plan.Tokens)} tokens with {method}.",
            $"  Trains:   {NumberText.Count(plan.TrainableParameters)} parameters ({NumberText.Percent(plan.TrainableParameters / (double)plan.Shape.Parameters)} of the model); "
                + $"{NumberText.Significant(plan.FlopsPerToken / plan.Shape.Parameters)}·N FLOPs per token ({(plan.Method is FineTuningMethod.Full ? "6·N" : "4·N + 6·N_trainable: no weight gradients for frozen weights")}), {NumberText.Scientific(plan.Flops)} in all.",
            $"  Memory:   {NumberText.Bytes(m.FrozenWeightsBytes)} frozen weights + {NumberText.Bytes(m.TrainableStateBytes)} trainable state ({a.Recipe.Name}: {a.Recipe.Description}) + "
                + $"{NumberText.Bytes(m.ActivationBytes)} of activations per GPU ({setup.MicroBatch} × {NumberText.Whole(setup.ContextTokens)} tokens, {setup.Recomputation.ToString().ToLowerInvariant()} recomputation);",
            $"            {NumberText.Bytes(plan.MemoryPerGpuBytes)} on each of {NumberText.Whole(plan.Gpus)} × {a.Accelerator.Name} ({NumberText.Significant(a.Accelerator.MemoryGigabytes)} GB, {NumberText.Percent(a.UsableMemoryFraction)} usable), "
                + $"weights and state sharded; {CountReason(plan)}.",
            $"  How long: {NumberText.Days(r.Days)} ({NumberText.Count(r.GpuHours)} GPU-hours at {NumberText.Percent(r.Rate.Mfu)} MFU).",
            $"  How much: {NumberText.Euros(r.CostEuros)} at {NumberText.Price(r.Rate.EurosPerGpuHour)} per GPU-hour.",
            "  Footprint: " + Footprint(r),
        };
        if (worth is not null)
        {
            lines.Add($"  Transfer: pre-training is worth {NumberText.Count(worth.TransferredTokens)} tokens here ({worth.Law.Name}, Hernandez et al. 2021, N = {NumberText.Count(worth.Parameters)} without embeddings):");
            lines.Add($"            the fine-tuned model matches one trained from scratch on {NumberText.Count(worth.EffectiveTokens)} tokens ({NumberText.Ratio(worth.EffectiveTokens / worth.FineTuningTokens)}× the data), "
                + $"{NumberText.Euros(worth.FromScratchEuros)} of compute; the pre-training itself is not counted.");
        }

        return string.Join('\n', lines);
    }

    private static string Footprint(ResourcePlan r) =>
        r.KilowattHours is { } kwh && r.Co2Tonnes is { } co2 && r.Water is { } water
            ? $"{NumberText.Significant(kwh)} kWh, {NumberText.Tonnes(co2)} CO₂ from the grid, {NumberText.Count(water.Total)} L of water, {NumberText.Tonnes(r.EmbodiedCo2Tonnes)} CO₂ embodied in the hardware."
            : $"energy, CO₂ and water unknown without a power figure (give --watts-per-gpu W); {NumberText.Tonnes(r.EmbodiedCo2Tonnes)} CO₂ embodied in the hardware.";

    private static string CountReason(FineTuningPlan plan) => plan.GpuCountReason switch
    {
        GpuCountReason.Given => "the count you gave",
        GpuCountReason.MeetsDeadline => "the fewest that finish within the deadline",
        _ => "the fewest that hold it (--days T or --gpus N for a faster run)",
    };
}
