using Scaling.Hardware;
using Scaling.Resources;
using static Scaling.Reports.Workbooks.WorkbookNames;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// The hardware inputs and the resource formulas of the workbook, the same arithmetic as
/// <see cref="ResourcePlan"/>: GPU-hours = C/(3600·peak·MFU), cost = GPU-hours·price, GPUs to hold the training state
/// = ⌈N·bytes/(memory·usable)⌉, days = GPU-hours/GPUs/24, energy = GPU-hours·W/1000·(1+overhead)·PUE, CO₂ = kWh·g/10⁶.
/// </summary>
internal static class ResourceRows
{
    // GpuCount rounds ratios such as 140.00000000000003 down to 140; the sheet does the same.
    private const string Slack = "(1-1E-9)";

    public static IEnumerable<WorkbookRow> Inputs(ResourceAssumptions resources)
    {
        var accelerator = resources.Accelerator;
        var precision = resources.TrainingPrecision;
        yield return WorkbookRow.Input("GPU", GpuName, accelerator.Name, "-", WorkbookFormats.Text,
            $"From the catalog (data/benchmarks/hardware.csv): {accelerator.Source}. Change the numbers below to model another GPU.");
        yield return WorkbookRow.Input("Peak throughput per GPU", GpuPeakFlopsPerSecond, accelerator.PeakFlopsPerSecond(precision), "FLOP/s", WorkbookFormats.Scientific,
            $"Dense {Precisions.Name(precision).ToUpperInvariant()} peak from the vendor data sheet.") with { Bounds = (1e9, 1e18) };
        yield return WorkbookRow.Input("Model FLOPs utilisation (MFU)", Mfu, resources.Mfu, "fraction", WorkbookFormats.Percent,
            "Share of peak a real run sustains; PaLM reported 46%, Llama 3 38–43%.") with { Bounds = (1e-4, 1) };
        yield return WorkbookRow.Input("Price per GPU-hour", EurosPerGpuHour, resources.Rate.EurosPerGpuHour, "€/GPU-hour", "[$€-2] #,##0.00",
            $"A dated assumption ({accelerator.PriceDate}): {accelerator.PriceNote}.") with { Bounds = (0.001, 1000) };
        yield return WorkbookRow.Input("Memory per GPU", GpuMemoryGigabytes, accelerator.MemoryGigabytes, "GB", WorkbookFormats.Whole,
            "Decimal gigabytes (10^9 bytes).") with { Bounds = (1, 10000) };
        yield return WorkbookRow.Input("Usable memory", UsableMemoryFraction, resources.UsableMemoryFraction, "fraction", WorkbookFormats.Percent,
            "Share of GPU memory the training state may fill.") with { Bounds = (0.01, 1) };
        yield return WorkbookRow.Input("Training state per parameter", TrainingBytesPerParameter, resources.Recipe.BytesPerParameter(precision), "bytes", WorkbookFormats.Ratio,
            $"{resources.Recipe.Description}. Activations are not included.") with { Bounds = (0.5, 100) };
        yield return WorkbookRow.Input("GPUs given (0 = choose)", GpusGiven, resources.Gpus ?? 0, "GPUs", WorkbookFormats.Whole,
            "A fixed cluster size; 0 lets the plan choose the fewest that hold the training state (or meet the deadline).") with { Bounds = (0, 10_000_000) };
        yield return WorkbookRow.Input("Deadline (0 = none)", DeadlineDays, resources.DeadlineDays ?? 0, "days", WorkbookFormats.Ratio,
            "With GPUs given as 0: the fewest GPUs that finish within this many days.") with { Bounds = (0, 100_000) };
        yield return WorkbookRow.Input("Power per GPU", WattsPerGpu, resources.Energy?.WattsPerGpu ?? 0, "W", WorkbookFormats.Whole,
            "Board power from the data sheet; 0 when unknown (energy and CO₂ then read 'unknown').") with { Bounds = (0, 100_000) };
        yield return WorkbookRow.Input("Power overhead", PowerOverhead, resources.Overhead, "fraction", WorkbookFormats.Percent,
            "CPUs, network and storage on top of the GPUs.") with { Bounds = (0, 10) };
        yield return WorkbookRow.Input("PUE", Pue, resources.Pue, "-", "0.00",
            "Power usage effectiveness of the data centre (1.1 for a modern hyperscale site).") with { Bounds = (1, 5) };
        yield return WorkbookRow.Input("Grid carbon intensity", GridGramsPerKilowattHour, resources.GridGramsCo2PerKilowattHour, "gCO₂/kWh", WorkbookFormats.Whole,
            "Grams of CO₂ per kWh drawn; 0 for a carbon-free supply.") with { Bounds = (0, 2000) };
    }

    public static IEnumerable<WorkbookRow> Plan()
    {
        yield return WorkbookRow.Computed("GPU-hours", PlanGpuHours, $"{PlanFlops}/(3600*{GpuPeakFlopsPerSecond}*{Mfu})", "GPU-hours", WorkbookFormats.Whole,
            "C / (3600 · peak · MFU).");
        yield return WorkbookRow.Computed("Cost", PlanCostEuros, $"{PlanGpuHours}*{EurosPerGpuHour}", "€", WorkbookFormats.Euros, "GPU-hours · price.");
        yield return WorkbookRow.Computed("Training state", PlanTrainingMemoryBytes, $"{PlanParameters}*{TrainingBytesPerParameter}", "bytes", WorkbookFormats.Scientific,
            "N* · bytes per parameter (weights, gradients, optimiser state; no activations).");
        yield return WorkbookRow.Computed("GPUs to hold the training state", PlanMinimumGpus,
            $"MAX(1,CEILING({PlanTrainingMemoryBytes}/({GpuMemoryGigabytes}*1E9*{UsableMemoryFraction})*{Slack},1))", "GPUs", WorkbookFormats.Whole,
            "⌈state / (memory · usable)⌉.");
        yield return WorkbookRow.Computed("GPUs", PlanGpus,
            $"IF({GpusGiven}>0,{GpusGiven},IF({DeadlineDays}>0,MAX({PlanMinimumGpus},CEILING({PlanGpuHours}/(24*{DeadlineDays})*{Slack},1)),{PlanMinimumGpus}))",
            "GPUs", WorkbookFormats.Whole, "Given, or the fewest that meet the deadline, or the fewest that hold the state.");
        yield return WorkbookRow.Computed("Days", PlanDays, $"{PlanGpuHours}/{PlanGpus}/24", "days", WorkbookFormats.Ratio, "GPU-hours / GPUs / 24.");
        yield return WorkbookRow.Computed("Energy", PlanKilowattHours,
            $"IF({WattsPerGpu}>0,{PlanGpuHours}*{WattsPerGpu}/1000*(1+{PowerOverhead})*{Pue},\"unknown\")", "kWh", WorkbookFormats.Whole,
            "GPU-hours · W/1000 · (1 + overhead) · PUE.");
        yield return WorkbookRow.Computed("CO₂", PlanCo2Tonnes,
            $"IF({WattsPerGpu}>0,{PlanKilowattHours}*{GridGramsPerKilowattHour}/1E6,\"unknown\")", "t", "#,##0.0", "kWh · grid intensity / 10^6.");
    }
}
