using static Scaling.Reports.Workbooks.WorkbookNames;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// The resource arithmetic of <see cref="Scaling.Resources.ResourcePlan"/> as Excel formula text over any cells, so the
/// <c>Plan</c>, <c>Scenarios</c> and <c>Sensitivity</c> sheets share one definition. Each argument is a cell
/// reference or expression; the other inputs come from the named cells on <c>Inputs</c>.
/// </summary>
internal static class ResourceFormulas
{
    // GpuCount rounds ratios such as 140.00000000000003 down to 140; the sheet does the same.
    private const string Slack = "(1-1E-9)";

    /// <summary>C / (3600 · peak · MFU).</summary>
    public static string GpuHours(string flops, string mfu = Mfu) => $"{flops}/(3600*{GpuPeakFlopsPerSecond}*{mfu})";

    /// <summary>GPU-hours · price.</summary>
    public static string Cost(string gpuHours, string eurosPerGpuHour = EurosPerGpuHour) => $"{gpuHours}*{eurosPerGpuHour}";

    /// <summary>The FLOPs a euro budget buys: euros / price · 3600 · peak · MFU.</summary>
    public static string FlopsForEuros(string euros, string mfu = Mfu, string eurosPerGpuHour = EurosPerGpuHour) =>
        $"{euros}/{eurosPerGpuHour}*3600*{GpuPeakFlopsPerSecond}*{mfu}";

    /// <summary>⌈N · bytes per parameter / (memory · usable)⌉, at least 1.</summary>
    public static string MinimumGpus(string parameters) =>
        $"MAX(1,CEILING({parameters}*{TrainingBytesPerParameter}/({GpuMemoryGigabytes}*1E9*{UsableMemoryFraction})*{Slack},1))";

    /// <summary>
    /// The GPUs given; or the fewest whole nodes that meet the deadline; or, on the schedule, the fewest whole nodes
    /// that finish within it (the largest cluster allowed when it would need more); never fewer than hold the
    /// training state — <see cref="Scaling.Resources.ResourcePlan"/>'s rule.
    /// </summary>
    public static string Gpus(string minimumGpus, string gpuHours)
    {
        string forDeadline = $"CEILING({gpuHours}/(24*{DeadlineDays})*{Slack},1)";
        string forSchedule = $"CEILING({gpuHours}/(24*{ScheduleDays})*{Slack},1)";
        string largest = $"MAX({minimumGpus},FLOOR({MaxGpus}/{GpusPerNode},1)*{GpusPerNode})";
        return $"IF({GpusGiven}>0,{GpusGiven},IF({DeadlineDays}>0,{WholeNodes($"MAX({minimumGpus},{forDeadline})")},"
            + $"IF({ScheduleDays}>0,IF({forSchedule}<={minimumGpus},{WholeNodes(minimumGpus)},IF({forSchedule}>{MaxGpus},{largest},{WholeNodes(forSchedule)})),"
            + $"{WholeNodes(minimumGpus)})))";
    }

    /// <summary>
    /// A count rounded up to whole nodes, below one node to a power of two, but not past the largest cluster:
    /// <see cref="Scaling.Resources.GpuCount.ToWholeNodes"/>.
    /// </summary>
    public static string WholeNodes(string gpus) =>
        $"MAX({gpus},MIN(IF({gpus}>={GpusPerNode},CEILING({gpus}/{GpusPerNode},1)*{GpusPerNode},MIN({GpusPerNode},POWER(2,CEILING(LOG({gpus},2)-1E-9,1)))),{MaxGpus}))";

    /// <summary>GPU-hours / GPUs / 24.</summary>
    public static string Days(string gpuHours, string gpus) => $"{gpuHours}/{gpus}/24";

    /// <summary>GPU-hours · W/1000 · (1 + overhead) · PUE, or "unknown" without a power figure.</summary>
    public static string KilowattHours(string gpuHours, string pue = Pue) =>
        $"IF({WattsPerGpu}>0,{gpuHours}*{WattsPerGpu}/1000*(1+{PowerOverhead})*{pue},\"unknown\")";

    /// <summary>kWh · grid intensity / 10⁶, or "unknown" without a power figure.</summary>
    public static string Co2Tonnes(string kilowattHours, string gramsPerKilowattHour = GridGramsPerKilowattHour) =>
        $"IF({WattsPerGpu}>0,{kilowattHours}*{gramsPerKilowattHour}/1E6,\"unknown\")";

    /// <summary>On-site water: kWh / PUE · WUE (Li et al. 2023), or "unknown" without a power figure.</summary>
    public static string WaterOnSiteLitres(string kilowattHours, string pue = Pue) =>
        $"IF({WattsPerGpu}>0,{kilowattHours}/{pue}*{WueLitresPerKilowattHour},\"unknown\")";

    /// <summary>Off-site water: kWh · the grid's water intensity (Li et al. 2023), or "unknown" without a power figure.</summary>
    public static string WaterOffSiteLitres(string kilowattHours) =>
        $"IF({WattsPerGpu}>0,{kilowattHours}*{WaterIntensityLitresPerKilowattHour},\"unknown\")";

    /// <summary>On- and off-site water together, or "unknown" without a power figure.</summary>
    public static string WaterLitres(string kilowattHours, string pue = Pue) =>
        $"IF({WattsPerGpu}>0,{kilowattHours}/{pue}*{WueLitresPerKilowattHour}+{kilowattHours}*{WaterIntensityLitresPerKilowattHour},\"unknown\")";

    /// <summary>
    /// Embodied CO₂ charged to the GPU-hours: hours · (kg per GPU + kg per server / GPUs per server) / (lifetime
    /// years · 8760 · utilisation) / 1000 (Luccioni et al. 2023).
    /// </summary>
    public static string EmbodiedCo2Tonnes(string gpuHours) =>
        $"{gpuHours}*({EmbodiedKilogramsPerGpu}+{EmbodiedKilogramsPerServer}/{GpusPerNode})/({HardwareLifetimeYears}*8760*{HardwareUtilisation})/1000";
}
