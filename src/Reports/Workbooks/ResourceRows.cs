using Scaling.Resources;
using Scaling.Text;
using static Scaling.Reports.Workbooks.WorkbookNames;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// The hardware inputs and the resource formulas of the workbook, the same arithmetic as
/// <see cref="ResourcePlan"/>: GPU-hours = C/(3600·peak·MFU), cost = GPU-hours·price, GPUs to hold the training state
/// = ⌈N·bytes/(memory·usable)⌉, days = GPU-hours/GPUs/24, energy = GPU-hours·W/1000·(1+overhead)·PUE, CO₂ = kWh·g/10⁶,
/// water = kWh/PUE·WUE + kWh·L/kWh, embodied CO₂ = GPU-hours·kg per GPU-slot/(lifetime·8760·utilisation)/1000.
/// The GPU's peak, memory, power and price are looked up on the <c>Catalog</c> sheet from the GPU input, so choosing
/// another GPU changes them; a price or power typed into its override cell wins over the catalog.
/// </summary>
internal static class ResourceRows
{
    /// <summary>Plans longer than this many days get a warning on <c>Summary</c> and a red cell on <c>Plan</c>.</summary>
    public const double LongPlanDays = ResourcePlan.LongPlanDays;

    public static IEnumerable<WorkbookRow> Inputs(PlanWorkbookContent content, ResourceAssumptions resources)
    {
        var accelerator = resources.Accelerator;
        string Lookup(CatalogSheet.Column column) => CatalogSheet.Lookup(content, resources, column);
        yield return WorkbookRow.Input("GPU", GpuName, accelerator.Name, "-", WorkbookFormats.Text,
            "Pick from the list: peak, memory, power and price below follow from the Catalog sheet (data/benchmarks/hardware.csv).")
            with { ListRange = CatalogSheet.NamesRange(content, resources) };
        yield return WorkbookRow.Computed("Training precision", GpuPrecision, Lookup(CatalogSheet.Column.Precision), "-", WorkbookFormats.Text,
            "The plan's precision where the GPU has a dense peak for it, else the GPU's own (Catalog).");
        yield return WorkbookRow.Computed("Peak throughput per GPU", GpuPeakFlopsPerSecond, Lookup(CatalogSheet.Column.PeakFlopsPerSecond), "TFLOP/s", WorkbookFormats.Tera,
            "Dense peak at that precision from the vendor data sheet (Catalog); the cell holds FLOP/s.");
        yield return WorkbookRow.Input("Model FLOPs utilisation (MFU)", Mfu, resources.Mfu, "fraction", WorkbookFormats.Percent,
            "Share of peak a real run sustains; PaLM reported 46%, Llama 3 38–43%.") with { Bounds = (1e-4, 1) };
        yield return WorkbookRow.Input("Your price per GPU-hour (0 = catalog)", EurosPerGpuHourGiven, resources.EurosPerGpuHour ?? 0, "€/GPU-hour", WorkbookFormats.EurosAndCents,
            "A quoted price overrides the catalog's dated assumption.") with { Bounds = (0, 1000) };
        // The note follows the GPU picked above: its catalog date and basis, not the report's GPU's.
        yield return WorkbookRow.Computed("Price per GPU-hour", EurosPerGpuHour,
            $"IF({EurosPerGpuHourGiven}>0,{EurosPerGpuHourGiven},{Lookup(CatalogSheet.Column.EurosPerGpuHour)})", "€/GPU-hour", WorkbookFormats.EurosAndCents,
            $"Your price, else the catalog's dated assumption ({accelerator.PriceDate} for {accelerator.Name}: {accelerator.PriceNote}).")
            with
            {
                NoteFormula = $"IF({EurosPerGpuHourGiven}>0,\"Your price.\",\"The catalog's dated assumption (\"&{Lookup(CatalogSheet.Column.PriceDate)}&\" for \"&{GpuName}&\": \"&{Lookup(CatalogSheet.Column.PriceNote)}&\"); type a quoted price above to override it.\")",
            };
        yield return WorkbookRow.Computed("Memory per GPU", GpuMemoryGigabytes, Lookup(CatalogSheet.Column.MemoryGigabytes), "GB", WorkbookFormats.Whole,
            "Decimal gigabytes (10^9 bytes), from the Catalog.");
        yield return WorkbookRow.Input("Usable memory", UsableMemoryFraction, resources.UsableMemoryFraction, "fraction", WorkbookFormats.Percent,
            "Share of GPU memory the training state may fill.") with { Bounds = (0.01, 1) };
        yield return WorkbookRow.Input("Training state per parameter", TrainingBytesPerParameter, resources.Recipe.BytesPerParameter(resources.TrainingPrecision), "bytes", WorkbookFormats.Ratio,
            $"{resources.Recipe.Description}. Activations are not included.") with { Bounds = (0.5, 100) };
        yield return WorkbookRow.Input("GPUs given (0 = choose)", GpusGiven, resources.Gpus ?? 0, "GPUs", WorkbookFormats.Whole,
            "A fixed cluster size; 0 lets the plan choose by the deadline or the schedule below.") with { Bounds = (0, 10_000_000) };
        yield return WorkbookRow.Input("Deadline (0 = none)", DeadlineDays, resources.DeadlineDays ?? 0, "days", WorkbookFormats.Ratio,
            "With GPUs given as 0: the fewest whole nodes that finish within this many days.") with { Bounds = (0, 100_000) };
        yield return WorkbookRow.Input("Schedule (0 = none)", ScheduleDays, resources.ScheduleDays ?? 0, "days", WorkbookFormats.Ratio,
            "Without GPUs or a deadline: the fewest whole nodes that finish within this many days, at least those the training state needs. "
            + "90 days is one pre-training run as teams carry it out (Llama 3 405B: 54 days, arXiv 2407.21783; BLOOM: about 3.5 months, arXiv 2211.05100).") with { Bounds = (0, 100_000) };
        yield return WorkbookRow.Input("GPUs per node (server)", GpusPerNode, resources.GpusPerNode, "GPUs", WorkbookFormats.Whole,
            "A count the plan chooses comes in whole nodes (below one node, a power of two); they share a server's embodied emissions. 8 for an HGX server (BLOOM ran 8), 1 for no rounding.") with { Bounds = (1, 1024) };
        yield return WorkbookRow.Input("Largest cluster", MaxGpus, resources.MaxGpus, "GPUs", WorkbookFormats.Whole,
            "The most GPUs the plan may choose (about the largest clusters reported); past it the schedule runs longer.") with { Bounds = (1, 10_000_000) };
        yield return WorkbookRow.Input("Your power per GPU (0 = catalog)", WattsPerGpuGiven, resources.WattsPerGpu ?? 0, "W", WorkbookFormats.Whole,
            "A measured board power overrides the data sheet's.") with { Bounds = (0, 100_000) };
        yield return WorkbookRow.Computed("Power per GPU", WattsPerGpu,
            $"IF({WattsPerGpuGiven}>0,{WattsPerGpuGiven},{Lookup(CatalogSheet.Column.Watts)})", "W", WorkbookFormats.WholeOrUnknown,
            "Your power, else the data sheet's board power (Catalog); – when unknown (energy and CO₂ then read 'unknown').");
        yield return WorkbookRow.Input("Power overhead", PowerOverhead, resources.Overhead, "fraction", WorkbookFormats.Percent,
            "CPUs, network and storage on top of the GPUs.") with { Bounds = (0, 10) };
        yield return WorkbookRow.Input("PUE", Pue, resources.Pue, "-", "0.00",
            "Power usage effectiveness of the data centre (1.1 for a modern hyperscale site).") with { Bounds = (1, 5) };
        yield return WorkbookRow.Input("Grid carbon intensity", GridGramsPerKilowattHour, resources.GridGramsCo2PerKilowattHour, "gCO₂/kWh", WorkbookFormats.Whole,
            "Grams of CO₂ per kWh drawn; 0 for a carbon-free supply.") with { Bounds = (0, 2000) };
    }

    public static IEnumerable<WorkbookRow> Footprint(ResourceAssumptions resources)
    {
        yield return WorkbookRow.Input("Water usage effectiveness (on site)", WueLitresPerKilowattHour, resources.WueLitresPerKilowattHour, "L/kWh", "0.00",
            FormattableString.Invariant($"Litres the cooling evaporates per kWh of server energy; default {WaterModel.DefaultWueLitresPerKilowattHour} ({WaterModel.DefaultsSource}, {WaterModel.DefaultsDate}). 0 for dry cooling."))
            with { Bounds = (0, 20) };
        yield return WorkbookRow.Input("Water intensity of electricity (off site)", WaterIntensityLitresPerKilowattHour, resources.WaterIntensityLitresPerKilowattHour, "L/kWh", "0.000",
            FormattableString.Invariant($"Litres the power plants consume per kWh drawn; default {WaterModel.DefaultWaterIntensityLitresPerKilowattHour} ({WaterModel.DefaultsSource}, {WaterModel.DefaultsDate})."))
            with { Bounds = (0, 100) };
        yield return WorkbookRow.Input("Embodied CO₂ per GPU", EmbodiedKilogramsPerGpu, resources.EmbodiedKilogramsPerGpu, "kg CO₂eq", WorkbookFormats.Whole,
            FormattableString.Invariant($"Manufacturing emissions of one GPU; default {NumberText.Significant(EmbodiedCarbon.DefaultKilogramsPerGpu)} kg, Luccioni et al. 2023's A100 (BLOOM, JMLR 24:253)."))
            with { Bounds = (0, 100_000) };
        yield return WorkbookRow.Input("Embodied CO₂ per server (without GPUs)", EmbodiedKilogramsPerServer, resources.EmbodiedKilogramsPerServer, "kg CO₂eq", WorkbookFormats.Whole,
            FormattableString.Invariant($"Manufacturing emissions of one server's CPUs, memory, board and chassis; default {NumberText.Significant(EmbodiedCarbon.DefaultKilogramsPerServer)} kg (Luccioni et al. 2023)."))
            with { Bounds = (0, 1_000_000) };
        yield return WorkbookRow.Input("Hardware lifetime", HardwareLifetimeYears, resources.HardwareLifetimeYears, "years", WorkbookFormats.Ratio,
            FormattableString.Invariant($"Years before the hardware is replaced; default {NumberText.Significant(EmbodiedCarbon.DefaultLifetimeYears)} (Luccioni et al. 2023)."))
            with { Bounds = (0.1, 50) };
        yield return WorkbookRow.Input("Hardware utilisation", HardwareUtilisation, resources.HardwareUtilisation, "fraction", WorkbookFormats.Percent,
            FormattableString.Invariant($"Share of its life the hardware runs jobs; default {NumberText.Percent(EmbodiedCarbon.DefaultUtilisation)} (Luccioni et al. 2023)."))
            with { Bounds = (0.01, 1) };
    }

    public static IEnumerable<WorkbookRow> Plan()
    {
        yield return WorkbookRow.Computed("GPU-hours", PlanGpuHours, ResourceFormulas.GpuHours(PlanFlops), "GPU-hours", WorkbookFormats.Whole,
            "C / (3600 · peak · MFU).");
        yield return WorkbookRow.Computed("Cost", PlanCostEuros, ResourceFormulas.Cost(PlanGpuHours), "", WorkbookFormats.Euros, "GPU-hours · price.");
        yield return WorkbookRow.Computed("Training state", PlanTrainingMemoryBytes, $"{PlanParameters}*{TrainingBytesPerParameter}", "TB", WorkbookFormats.TeraOneDecimal,
            "N* · bytes per parameter (weights, gradients, optimiser state; no activations); the cell holds bytes.");
        yield return WorkbookRow.Computed("GPUs to hold the training state", PlanMinimumGpus, ResourceFormulas.MinimumGpus(PlanParameters), "GPUs", WorkbookFormats.Whole,
            "⌈state / (memory · usable)⌉.");
        yield return WorkbookRow.Computed("GPUs", PlanGpus, ResourceFormulas.Gpus(PlanMinimumGpus, PlanGpuHours),
            "GPUs", WorkbookFormats.Whole, "Given, or the fewest whole nodes that meet the deadline, else the schedule (never fewer than hold the state).");
        yield return WorkbookRow.Computed("Days", PlanDays, ResourceFormulas.Days(PlanGpuHours, PlanGpus), "days", "#,##0.0",
            $"GPU-hours / GPUs / 24; red beyond {NumberText.Days(LongPlanDays)}.");
        yield return WorkbookRow.Computed("Energy", PlanKilowattHours, ResourceFormulas.KilowattHours(PlanGpuHours), "MWh", WorkbookFormats.Mega,
            "GPU-hours · W/1000 · (1 + overhead) · PUE; the cell holds kWh.");
        yield return WorkbookRow.Computed("CO₂", PlanCo2Tonnes, ResourceFormulas.Co2Tonnes(PlanKilowattHours), "t", "#,##0.0", "kWh · grid intensity / 10^6.");
        yield return WorkbookRow.Computed("Water on site", PlanWaterOnSiteLitres, ResourceFormulas.WaterOnSiteLitres(PlanKilowattHours), "L", WorkbookFormats.Whole,
            "kWh / PUE · WUE: the cooling water evaporated (Li et al. 2023).");
        yield return WorkbookRow.Computed("Water off site", PlanWaterOffSiteLitres, ResourceFormulas.WaterOffSiteLitres(PlanKilowattHours), "L", WorkbookFormats.Whole,
            "kWh · water intensity: the water the power plants consume (Li et al. 2023).");
        yield return WorkbookRow.Computed("Water", PlanWaterLitres, ResourceFormulas.WaterLitres(PlanKilowattHours), "L", WorkbookFormats.Whole,
            "On site plus off site.");
        yield return WorkbookRow.Computed("Embodied CO₂", PlanEmbodiedCo2Tonnes, ResourceFormulas.EmbodiedCo2Tonnes(PlanGpuHours), "t", "#,##0.0",
            "GPU-hours · (kg per GPU + kg per server / GPUs per server) / (lifetime · 8760 h · utilisation) / 1000 (Luccioni et al. 2023).");
    }
}
