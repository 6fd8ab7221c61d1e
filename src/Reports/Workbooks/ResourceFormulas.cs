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

    /// <summary>The GPUs given, or the fewest that meet the deadline, or the fewest that hold the training state.</summary>
    public static string Gpus(string minimumGpus, string gpuHours) =>
        $"IF({GpusGiven}>0,{GpusGiven},IF({DeadlineDays}>0,MAX({minimumGpus},CEILING({gpuHours}/(24*{DeadlineDays})*{Slack},1)),{minimumGpus}))";

    /// <summary>GPU-hours / GPUs / 24.</summary>
    public static string Days(string gpuHours, string gpus) => $"{gpuHours}/{gpus}/24";

    /// <summary>GPU-hours · W/1000 · (1 + overhead) · PUE, or "unknown" without a power figure.</summary>
    public static string KilowattHours(string gpuHours, string pue = Pue) =>
        $"IF({WattsPerGpu}>0,{gpuHours}*{WattsPerGpu}/1000*(1+{PowerOverhead})*{pue},\"unknown\")";

    /// <summary>kWh · grid intensity / 10⁶, or "unknown" without a power figure.</summary>
    public static string Co2Tonnes(string kilowattHours, string gramsPerKilowattHour = GridGramsPerKilowattHour) =>
        $"IF({WattsPerGpu}>0,{kilowattHours}*{gramsPerKilowattHour}/1E6,\"unknown\")";
}
