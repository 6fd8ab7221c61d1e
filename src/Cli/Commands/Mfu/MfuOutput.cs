using Scaling.Architecture;
using Scaling.Cli.Shared;
using Scaling.Hardware;

namespace Scaling.Cli.Commands.Mfu;

/// <summary><c>scaling mfu --json</c>: the utilisation of a measured throughput and what it was computed from.</summary>
internal sealed record MfuOutput(
    double ModelFlopsUtilization,
    double? HardwareFlopsUtilization,
    string? Recompute,
    double FlopsPerToken,
    string FlopsPerTokenCounting,
    double TokensPerSecond,
    double AchievedFlopsPerSecondPerGpu,
    double PeakFlopsPerSecond,
    int Gpus,
    string Gpu,
    string Precision,
    long Parameters,
    long ActiveParameters,
    int Context,
    string ContextSource,
    string Conventions)
{
    public static MfuOutput From(FlopsUtilization m, ShapeChoice choice, Accelerator accelerator, Precision precision, Recomputation? recomputation) => new(
        m.ModelFlopsUtilization,
        recomputation is { } r ? m.HardwareFlopsUtilization(r) : null,
        recomputation is { } r2 ? MfuMemo.Name(r2) : null,
        m.FlopsPerToken,
        MfuMemo.CountingName(m.Counting),
        m.TokensPerSecond,
        m.AchievedFlopsPerSecondPerGpu,
        m.PeakFlopsPerSecond,
        m.Gpus,
        accelerator.Name,
        Precisions.Name(precision),
        m.Shape.Parameters,
        m.Shape.ActiveParameters,
        m.ContextTokens,
        choice.ContextGiven ? "given" : "default",
        m.Shape.Conventions.Name);
}
