using System.Globalization;
using Scaling.Hardware;
using Scaling.Resources;

namespace Scaling.Cli.Shared;

/// <summary>The resource block of <c>scaling plan --gpu</c> in prose: a short memo (its JSON is <c>ResourcesOutput</c>).</summary>
internal static class ResourceMemo
{
    /// <summary>The memo that follows the plan, starting with a blank line; empty without a plan.</summary>
    public static string Prose(BudgetPlan? plan)
    {
        if (plan is null)
        {
            return string.Empty;
        }

        var r = plan.Resources;
        var a = r.Assumptions;
        var accelerator = a.Accelerator;
        string precision = Precisions.Name(a.TrainingPrecision).ToUpperInvariant();
        var optimum = plan.Optimum;
        var lines = new List<string> { "\n\n" };

        string bought = plan.BudgetEuros is { } euros ? $"{Euros(euros)} buys {Humanize.Scientific(r.Flops)} FLOPs. " : string.Empty;
        lines.Add($"Memo: {bought}Train {Humanize.Count(optimum.Parameters)} parameters on {Humanize.Count(optimum.Tokens)} tokens "
            + $"on {Whole(r.Gpus)} × {accelerator.Name} in {precision}.");
        lines.Add($"  How long: {Days(r.Days)} on {Whole(r.Gpus)} GPUs ({Humanize.Count(r.GpuHours)} GPU-hours); {CountReason(r)}");
        if (r.GpuCountReason != GpuCountReason.MeetsDeadline && r.Days > 365)
        {
            lines.Add("            That is more than a year: give --days T for the GPUs that meet a deadline, or --gpus N.");
        }

        lines.Add($"  How much: {Euros(r.CostEuros)} at {Price(r.Rate.EurosPerGpuHour)} per GPU-hour ({PriceBasis(accelerator)}).");
        lines.Add("  Energy:   " + Energy(r));
        lines.Add("  Water:    " + Water(r));
        lines.Add($"  Embodied: {Tonnes(r.EmbodiedCo2Tonnes)} CO₂ of the hardware's manufacture ({Humanize.Significant(a.EmbodiedKilogramsPerGpu)} kg per GPU + "
            + $"{Humanize.Significant(a.EmbodiedKilogramsPerServer)} kg per server of {a.GpusPerNode}, over {Humanize.Significant(a.HardwareLifetimeYears)} years at "
            + $"{Percent(a.HardwareUtilisation)} use; Luccioni et al. 2023).");
        lines.Add($"  Memory:   training state {Bytes(r.Memory.TrainingStateBytes)} ({Humanize.Significant(r.Memory.TrainingBytesPerParameter)} bytes/parameter, {a.Recipe.Description}),");
        lines.Add($"            so at least {Whole(r.MinimumGpus)} × {Humanize.Significant(accelerator.MemoryGigabytes)} GB at {Percent(a.UsableMemoryFraction)} usable;");
        lines.Add($"            weights {Bytes(r.Memory.WeightsBytes(Precision.Bf16))} in BF16, {Bytes(r.Memory.WeightsBytes(Precision.Fp8))} in FP8, "
            + $"{Bytes(r.Memory.WeightsBytes(Precision.Int4))} in INT4; serving ≈ {Bytes(r.Memory.InferenceBytes(Precision.Bf16))} in BF16 (1.2 × weights).");
        lines.Add($"  Assumes:  {Humanize.Significant(r.Rate.PeakFlopsPerSecond / 1e12)} TFLOP/s dense {precision} peak at {Percent(r.Rate.Mfu)} MFU "
            + "(PaLM reported 46%, Llama 3 38-43%), C = 6·N·D, no failed runs.");
        lines.Add("  Not included: activations (batch size, sequence length and checkpointing decide them), evaluation, data");
        lines.Add("            preparation, restarts after failures, storage and networking.");
        return string.Concat(lines[0], string.Join('\n', lines.Skip(1)));
    }

    /// <summary>A price per hour with cents: €3.39.</summary>
    public static string Price(double euros) => "€" + euros.ToString("0.00", CultureInfo.InvariantCulture);

    private static string CountReason(ResourcePlan r) => r.GpuCountReason switch
    {
        GpuCountReason.Given => $"the count you gave (at least {Whole(r.MinimumGpus)} hold the training state).",
        GpuCountReason.FitsLayout => $"the fewest on which a parallel layout fits the states and activations (the training state alone needs {Whole(r.MinimumGpus)}).",
        GpuCountReason.MeetsDeadline when r.Assumptions.DeadlineDays is { } days => $"the fewest that finish within {Days(days)}.",
        _ => "the fewest that hold the training state (--days T or --gpus N for a faster plan).",
    };

    private static string PriceBasis(Accelerator accelerator) =>
        accelerator.PriceDate.Length == 0
            ? accelerator.PriceNote
            : $"dated assumption {accelerator.PriceDate}: {accelerator.PriceNote}; override with --eur-per-gpu-hour";

    private static string Water(ResourcePlan r)
    {
        var a = r.Assumptions;
        return r.Water is { } water
            ? $"{Litres(water.Total)} ({Litres(water.OnSite)} evaporated on site at WUE {Humanize.Significant(a.WueLitresPerKilowattHour)} L/kWh, "
                + $"{Litres(water.OffSite)} off site at {Humanize.Significant(a.WaterIntensityLitresPerKilowattHour)} L/kWh of grid water intensity; Li et al. 2023)."
            : "unknown without a power figure (give --watts-per-gpu W).";
    }

    private static string Litres(double litres) => litres >= 1e6 ? Humanize.Significant(litres / 1e6) + " million L" : Humanize.Count(litres) + " L";

    private static string Energy(ResourcePlan r)
    {
        if (r.KilowattHours is not { } kwh || r.Energy is not { } energy || r.Co2Tonnes is not { } tonnes || r.ClusterKilowatts is not { } kilowatts)
        {
            return $"unknown: the catalog has no power figure for {r.Assumptions.Accelerator.Name}; give --watts-per-gpu W.";
        }

        return $"{KilowattHours(kwh)} and {Tonnes(tonnes)} CO₂ ({Humanize.Significant(energy.WattsPerGpu)} W per GPU, overhead {Percent(energy.Overhead)}, "
            + $"PUE {Humanize.Exponent(energy.Pue)}, grid {Humanize.Significant(r.Carbon.GramsCo2PerKilowattHour)} g/kWh; the cluster draws {Power(kilowatts)}).";
    }

    public static string Euros(double euros) => "€" + (euros >= 1e3 && euros < 1e15 ? Humanize.Count(euros) : Humanize.Significant(euros));

    private static string Days(double days) => days < 1
        ? $"{Humanize.Significant(days * 24)} hours"
        : days >= 100 ? Math.Round(days).ToString("#,##0", CultureInfo.InvariantCulture) + " days" : $"{Humanize.Significant(days)} days";

    private static string Whole(int count) => count.ToString("#,##0", CultureInfo.InvariantCulture);

    private static string Percent(double fraction) => Humanize.Significant(fraction * 100) + "%";

    private static string Bytes(double bytes) =>
        bytes >= 1e12 ? Humanize.Significant(bytes / 1e12) + " TB"
        : bytes >= 1e9 ? Humanize.Significant(bytes / 1e9) + " GB"
        : Humanize.Significant(bytes / 1e6) + " MB";

    private static string KilowattHours(double kwh) =>
        kwh >= 1e6 ? Humanize.Significant(kwh / 1e6) + " GWh"
        : kwh >= 1e3 ? Humanize.Significant(kwh / 1e3) + " MWh"
        : Humanize.Significant(kwh) + " kWh";

    private static string Power(double kilowatts) =>
        kilowatts >= 1e3 ? Humanize.Significant(kilowatts / 1e3) + " MW" : Humanize.Significant(kilowatts) + " kW";

    private static string Tonnes(double tonnes) =>
        tonnes >= 1 ? Humanize.Count(tonnes) + " t" : Humanize.Significant(tonnes * 1000) + " kg";
}
