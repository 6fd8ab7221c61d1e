using System.Globalization;
using Scaling.Architecture;
using Scaling.Cli.Shared;
using Scaling.Hardware;
using Scaling.Text;

namespace Scaling.Cli.Commands.Mfu;

/// <summary>The prose of <c>scaling mfu</c>.</summary>
internal static class MfuMemo
{
    public static string Prose(FlopsUtilization m, ShapeChoice choice, Accelerator accelerator, Precision precision, Recomputation? recomputation)
    {
        var i = CultureInfo.InvariantCulture;
        var s = m.Shape;
        string active = s.Experts is null ? $"{NumberText.Count(s.Parameters)} parameters" : $"{NumberText.Count(s.ActiveParameters)} active of {NumberText.Count(s.Parameters)} parameters";
        string hfu = recomputation is { } r
            ? $"\n  Hardware FLOPs utilisation with {Name(r)} recomputation counted: {NumberText.Percent(m.HardwareFlopsUtilization(r))}."
            : string.Empty;
        return $"MFU {NumberText.Percent(m.ModelFlopsUtilization)}: {NumberText.Count(m.TokensPerSecond)} tokens/s × {NumberText.Scientific(m.FlopsPerToken)} FLOPs/token ({CountingName(m.Counting)}) "
            + $"= {NumberText.Significant(m.AchievedFlopsPerSecondPerGpu / 1e12)} TFLOP/s per GPU of {NumberText.Significant(m.PeakFlopsPerSecond / 1e12)} "
            + $"({accelerator.Name}, dense {Precisions.Name(precision).ToUpperInvariant()}) on {NumberText.Gpus(m.Gpus)}.\n"
            + $"  Model: {s} ({s.Conventions.Name} conventions), {active}; {choice.ContextNote}.\n"
            + "  MFU counts the model's FLOPs only (PaLM, Chowdhery et al. 2022, App. B): recomputation, padding and restarts are not in it."
            + hfu;
    }

    /// <summary>The name of a recomputation as the options spell it.</summary>
    public static string Name(Recomputation r) => r switch
    {
        Recomputation.Full => "full",
        Recomputation.Selective => "selective",
        _ => "none",
    };

    /// <summary>The name of a FLOP count as <c>--flops-per-token</c> spells it.</summary>
    public static string CountingName(FlopsCounting c) => c switch
    {
        FlopsCounting.Palm2022 => "palm",
        FlopsCounting.Hoffmann2022 => "hoffmann",
        FlopsCounting.Kaplan2020 => "kaplan",
        _ => "6n",
    };

}
