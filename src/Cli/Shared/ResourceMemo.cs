using Scaling.Hardware;
using Scaling.Resources;
using Scaling.Text;

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

        string bought = plan.BudgetEuros is { } euros ? $"{NumberText.Euros(euros)} buys {NumberText.Scientific(r.Flops)} FLOPs. " : string.Empty;
        string assumed = gpuAssumed ? $" (the default GPU; --gpu NAME for another)" : string.Empty;
        lines.Add($"Memo: {bought}Train {NumberText.Count(optimum.Parameters)} parameters on {NumberText.Count(optimum.Tokens)} tokens "
            + $"on {NumberText.Whole(r.Gpus)} × {accelerator.Name}{assumed} in {precision}.");
        lines.AddRange(Wrap($"  How long: {NumberText.Days(r.Days)} on {NumberText.Gpus(r.Gpus)} ({NumberText.Count(r.GpuHours)} GPU-hours): {r.GpuCountExplanation}{CountHint(r)}."));
        if (r.IsLongerThanAYear)
        {
            lines.AddRange(Wrap($"  Warning:  {NumberText.Significant(r.Days / ResourcePlan.LongPlanDays)} years is longer than anyone would wait for one run; give a deadline with --days T (90 is common), or more --gpus."));
        }

        lines.AddRange(Wrap($"  How much: {NumberText.Euros(r.CostEuros)} at {NumberText.Price(r.Rate.EurosPerGpuHour)} per GPU-hour ({PriceBasis(accelerator)})."));
        lines.AddRange(Wrap("  Energy:   " + Energy(r)));
        lines.AddRange(Wrap("  Water:    " + Water(r)));
        lines.AddRange(Wrap($"  Embodied: {NumberText.Tonnes(r.EmbodiedCo2Tonnes)} CO₂ of the hardware's manufacture ({NumberText.Significant(a.EmbodiedKilogramsPerGpu)} kg per GPU + "
            + $"{NumberText.Significant(a.EmbodiedKilogramsPerServer)} kg per server of {a.GpusPerNode}, over {NumberText.Significant(a.HardwareLifetimeYears)} years at "
            + $"{NumberText.Percent(a.HardwareUtilisation)} use; Luccioni et al. 2023)."));
        lines.Add($"  Memory:   training state {NumberText.Bytes(r.Memory.TrainingStateBytes)} ({NumberText.Significant(r.Memory.TrainingBytesPerParameter)} bytes/parameter, {a.Recipe.Description}),");
        lines.Add($"            so at least {NumberText.Whole(r.MinimumGpus)} × {NumberText.Significant(accelerator.MemoryGigabytes)} GB at {NumberText.Percent(a.UsableMemoryFraction)} usable;");
        lines.Add($"            weights {NumberText.Bytes(r.Memory.WeightsBytes(Precision.Bf16))} in BF16, {NumberText.Bytes(r.Memory.WeightsBytes(Precision.Fp8))} in FP8, "
            + $"{NumberText.Bytes(r.Memory.WeightsBytes(Precision.Int4))} in INT4; serving ≈ {NumberText.Bytes(r.Memory.InferenceBytes(Precision.Bf16))} in BF16 (1.2 × weights).");
        lines.Add($"  Assumes:  {NumberText.Significant(r.Rate.PeakFlopsPerSecond / 1e12)} TFLOP/s dense {precision} peak at {NumberText.Percent(r.Rate.Mfu)} MFU "
            + "(PaLM reported 46%, Llama 3 38-43%), C = 6·N·D, no failed runs.");
        lines.Add("  Not included: activations (batch size, sequence length and checkpointing decide them), evaluation, data");
        lines.Add("            preparation, restarts after failures, storage and networking.");
        return string.Concat(lines[0], string.Join('\n', lines.Skip(1)));
    }

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


    private static string PriceBasis(Accelerator accelerator) =>
        accelerator.PriceDate.Length == 0
            ? accelerator.PriceNote
            : $"dated assumption {accelerator.PriceDate}: {accelerator.PriceNote}; override with --eur-per-gpu-hour";

    private static string Water(ResourcePlan r)
    {
        var a = r.Assumptions;
        return r.Water is { } water
            ? $"{NumberText.Litres(water.Total)} ({NumberText.Litres(water.OnSite)} evaporated on site at WUE {NumberText.Significant(a.WueLitresPerKilowattHour)} L/kWh, "
                + $"{NumberText.Litres(water.OffSite)} off site at {NumberText.Significant(a.WaterIntensityLitresPerKilowattHour)} L/kWh of grid water intensity; Li et al. 2023)."
            : "unknown without a power figure (give --watts-per-gpu W).";
    }

    private static string Energy(ResourcePlan r)
    {
        if (r.KilowattHours is not { } kwh || r.Energy is not { } energy || r.Co2Tonnes is not { } tonnes || r.ClusterKilowatts is not { } kilowatts)
        {
            return $"unknown: the catalog has no power figure for {r.Assumptions.Accelerator.Name}; give --watts-per-gpu W.";
        }

        return $"{NumberText.KilowattHours(kwh)} and {NumberText.Tonnes(tonnes)} CO₂ ({NumberText.Significant(energy.WattsPerGpu)} W per GPU, overhead {NumberText.Percent(energy.Overhead)}, "
            + $"PUE {NumberText.Exponent(energy.Pue)}, grid {NumberText.Significant(r.Carbon.GramsCo2PerKilowattHour)} g/kWh; the cluster draws {NumberText.Kilowatts(kilowatts)}).";
    }
}
