using System.Globalization;
using Scaling.Hardware;
using Scaling.Resources;

namespace Scaling.Cli.Shared;

/// <summary>The resource block of <c>scaling plan --gpu</c> in prose: a short memo (its JSON is <c>ResourcesOutput</c>).</summary>
internal static class ResourceMemo
{
    /// <summary>
    /// The memo that follows the plan, starting with a blank line; empty without a plan. <paramref name="gpuAssumed"/>:
    /// the accelerator is the default because <c>--gpu</c> was not given, which the memo says.
    /// </summary>
    public static string Prose(BudgetPlan? plan, bool gpuAssumed = false)
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
        string assumed = gpuAssumed ? $" (the default GPU; --gpu NAME for another)" : string.Empty;
        lines.Add($"Memo: {bought}Train {Humanize.Count(optimum.Parameters)} parameters on {Humanize.Count(optimum.Tokens)} tokens "
            + $"on {Whole(r.Gpus)} × {accelerator.Name}{assumed} in {precision}.");
        lines.AddRange(Wrap($"  How long: {Days(r.Days)} on {Gpus(r.Gpus)} ({Humanize.Count(r.GpuHours)} GPU-hours): {r.GpuCountExplanation}{CountHint(r)}."));
        if (r.IsLongerThanAYear)
        {
            lines.AddRange(Wrap($"  Warning:  {Humanize.Significant(r.Days / ResourcePlan.LongPlanDays)} years is longer than anyone would wait for one run; give a deadline with --days T (90 is common), or more --gpus."));
        }

        lines.AddRange(Wrap($"  How much: {Euros(r.CostEuros)} at {Price(r.Rate.EurosPerGpuHour)} per GPU-hour ({PriceBasis(accelerator)})."));
        lines.AddRange(Wrap("  Energy:   " + Energy(r)));
        lines.AddRange(Wrap("  Water:    " + Water(r)));
        lines.AddRange(Wrap($"  Embodied: {Tonnes(r.EmbodiedCo2Tonnes)} CO₂ of the hardware's manufacture ({Humanize.Significant(a.EmbodiedKilogramsPerGpu)} kg per GPU + "
            + $"{Humanize.Significant(a.EmbodiedKilogramsPerServer)} kg per server of {a.GpusPerNode}, over {Humanize.Significant(a.HardwareLifetimeYears)} years at "
            + $"{Percent(a.HardwareUtilisation)} use; Luccioni et al. 2023)."));
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

    // The options that change the count, after the reason in words.
    private static string CountHint(ResourcePlan r) => r.GpuCountReason switch
    {
        GpuCountReason.Given or GpuCountReason.MeetsDeadline or GpuCountReason.FitsLayout => string.Empty,
        GpuCountReason.AtMaxGpus => " (raise --max-gpus, or give --days T)",
        _ => " (--days T for another deadline, --gpus N for the cluster you have)",
    };

    // A memo line broken at spaces before MemoWidth, continued under the text of its label (12 columns in).
    private static IEnumerable<string> Wrap(string line)
    {
        const int MemoWidth = 118;
        const string Indent = "            ";
        while (line.Length > MemoWidth && line.LastIndexOf(' ', MemoWidth) is var cut && cut > Indent.Length)
        {
            yield return line[..cut];
            line = Indent + line[(cut + 1)..];
        }

        yield return line;
    }

    /// <summary>A count of GPUs with its noun: 1 GPU, 192 GPUs.</summary>
    public static string Gpus(int count) => count == 1 ? "1 GPU" : $"{Whole(count)} GPUs";

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

    private static string Days(double days)
    {
        string count = days < 1 ? Humanize.Significant(days * 24)
            : days >= 100 ? Math.Round(days).ToString("#,##0", CultureInfo.InvariantCulture)
            : Humanize.Significant(days);
        string unit = days < 1 ? "hour" : "day";
        return count == "1" ? $"1 {unit}" : $"{count} {unit}s";
    }

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
