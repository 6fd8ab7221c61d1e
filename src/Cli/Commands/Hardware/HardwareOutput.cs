using Scaling.Hardware;

namespace Scaling.Cli.Commands.Hardware;

/// <summary>One accelerator of <c>scaling hardware --json</c>; the dense peaks are keyed by precision (fp32, bf16, …).</summary>
internal sealed record HardwareOutput(
    string Name,
    string Vendor,
    Dictionary<string, double> PeakTeraflops,
    double MemoryGigabytes,
    double? Watts,
    double EurPerGpuHour,
    string PriceDate,
    string PriceNote,
    string Source,
    string DefaultPrecision)
{
    public static HardwareOutput From(Accelerator a) => new(
        a.Name,
        a.Vendor,
        a.SupportedPrecisions.ToDictionary(Precisions.Name, a.PeakTeraflops),
        a.MemoryGigabytes,
        a.Watts,
        a.EurosPerGpuHour,
        a.PriceDate,
        a.PriceNote,
        a.Source,
        Precisions.Name(a.DefaultTrainingPrecision));
}
