using Scaling.Cli.Shared;
using Scaling.FineTuning;
using Scaling.Resources;
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
            $"Fine-tune {plan.Shape} ({Humanize.Count(plan.Shape.Parameters)} parameters) on {Humanize.Count(plan.Tokens)} tokens with {method}.",
            $"  Trains:   {Humanize.Count(plan.TrainableParameters)} parameters ({Percent(plan.TrainableParameters / (double)plan.Shape.Parameters)} of the model); "
                + $"{Humanize.Significant(plan.FlopsPerToken / plan.Shape.Parameters)}·N FLOPs per token ({(plan.Method is FineTuningMethod.Full ? "6·N" : "4·N + 6·N_trainable: no weight gradients for frozen weights")}), {Humanize.Scientific(plan.Flops)} in all.",
            $"  Memory:   {Bytes(m.FrozenWeightsBytes)} frozen weights + {Bytes(m.TrainableStateBytes)} trainable state ({a.Recipe.Name}: {a.Recipe.Description}) + "
                + $"{Bytes(m.ActivationBytes)} of activations per GPU ({setup.MicroBatch} × {Whole(setup.ContextTokens)} tokens, {setup.Recomputation.ToString().ToLowerInvariant()} recomputation);",
            $"            {Bytes(plan.MemoryPerGpuBytes)} on each of {Whole(plan.Gpus)} × {a.Accelerator.Name} ({Humanize.Significant(a.Accelerator.MemoryGigabytes)} GB, {Percent(a.UsableMemoryFraction)} usable), "
                + $"weights and state sharded; {CountReason(plan)}.",
            $"  How long: {Days(r.Days)} ({Humanize.Count(r.GpuHours)} GPU-hours at {Percent(r.Rate.Mfu)} MFU).",
            $"  How much: {ResourceMemo.Euros(r.CostEuros)} at {ResourceMemo.Price(r.Rate.EurosPerGpuHour)} per GPU-hour.",
            "  Footprint: " + Footprint(r),
        };
        if (worth is not null)
        {
            lines.Add($"  Transfer: pre-training is worth {Humanize.Count(worth.TransferredTokens)} tokens here ({worth.Law.Name}, Hernandez et al. 2021, N = {Humanize.Count(worth.Parameters)} without embeddings):");
            lines.Add($"            the fine-tuned model matches one trained from scratch on {Humanize.Count(worth.EffectiveTokens)} tokens ({Humanize.Ratio(worth.EffectiveTokens / worth.FineTuningTokens)}× the data), "
                + $"{ResourceMemo.Euros(worth.FromScratchEuros)} of compute; the pre-training itself is not counted.");
        }

        return string.Join('\n', lines);
    }

    private static string Footprint(ResourcePlan r) =>
        r.KilowattHours is { } kwh && r.Co2Tonnes is { } co2 && r.Water is { } water
            ? $"{Humanize.Significant(kwh)} kWh, {Tonnes(co2)} CO₂ from the grid, {Humanize.Count(water.Total)} L of water, {Tonnes(r.EmbodiedCo2Tonnes)} CO₂ embodied in the hardware."
            : $"energy, CO₂ and water unknown without a power figure (give --watts-per-gpu W); {Tonnes(r.EmbodiedCo2Tonnes)} CO₂ embodied in the hardware.";

    private static string CountReason(FineTuningPlan plan) => plan.GpuCountReason switch
    {
        GpuCountReason.Given => "the count you gave",
        GpuCountReason.MeetsDeadline => "the fewest that finish within the deadline",
        _ => "the fewest that hold it (--days T or --gpus N for a faster run)",
    };

    private static string Whole(int count) => count.ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture);

    private static string Percent(double fraction) => Humanize.Significant(fraction * 100) + "%";

    private static string Bytes(double bytes) => bytes >= 1e12 ? Humanize.Significant(bytes / 1e12) + " TB"
        : bytes >= 1e9 ? Humanize.Significant(bytes / 1e9) + " GB"
        : Humanize.Significant(bytes / 1e6) + " MB";

    private static string Tonnes(double tonnes) => tonnes >= 1 ? Humanize.Significant(tonnes) + " t" : Humanize.Significant(tonnes * 1000) + " kg";

    private static string Days(double days) => days < 1 ? Humanize.Significant(days * 24) + " hours" : Humanize.Significant(days) + " days";
}
