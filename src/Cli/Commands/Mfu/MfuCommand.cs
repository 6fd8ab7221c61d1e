using System.CommandLine;
using Scaling.Architecture;
using Scaling.Cli.Shared;
using Scaling.Hardware;

namespace Scaling.Cli.Commands.Mfu;

/// <summary>
/// <c>scaling mfu</c>: model FLOPs utilisation from a measured throughput (Chowdhery et al. 2022, PaLM, App. B) — the
/// model given by a config or the architecture command's shape flags, the tokens per second of the whole job, its GPU
/// count and accelerator. PaLM 540B: <c>--conventions palm</c>, 238.3k tokens/s on 6,144 TPU v4 → 46.2%.
/// </summary>
internal static class MfuCommand
{
    // The job sizes of the largest reported runs are ~10^5 accelerators (Llama 3: 16,384 H100); tokens per second
    // of any job stay far below 1e12.
    private const double MaxTokensPerSecond = 1e12;

    public static Command Create(CliConsole console)
    {
        var shapeOptions = new ShapeOptions();
        var tokensPerSecond = CliOptions.Number("--tokens-per-second", "R", "Measured training throughput of the whole job in tokens per second, e.g. 238.3e3.", "238.3e3", NumberRange.Positive, MaxTokensPerSecond);
        var gpus = CliOptions.Count("--gpus", "N", "Accelerators of the job.", "6144", 1, int.MaxValue);
        var gpu = new Option<string>("--gpu") { Description = "Accelerator (see 'scaling hardware'), whose dense peak at --precision sets the denominator.", HelpName = "NAME" };
        var hardware = HardwareOption.Create();
        var precision = CliOptions.TrainingPrecision("Training precision whose dense peak counts (default: the accelerator's, bf16 on most).");
        var peakTflops = CliOptions.Number("--peak-tflops", "T", "Override the dense peak TFLOP/s at --precision.", "989", NumberRange.Positive);
        var counting = CliOptions.Choice<FlopsCounting?>(
            "--flops-per-token",
            "Model FLOPs per token: palm (default; 6N + 12·L·H·Q·T, PaLM App. B), hoffmann (App. F), kaplan (Table 1) or 6n.",
            ("palm", FlopsCounting.Palm2022),
            ("hoffmann", FlopsCounting.Hoffmann2022),
            ("kaplan", FlopsCounting.Kaplan2020),
            ("6n", FlopsCounting.SixN));
        var recompute = CliOptions.Choice<Recomputation?>(
            "--recompute",
            "Activation recomputation of the run, for the hardware FLOPs utilisation: none, selective or full (MFU never counts it).",
            ("none", Recomputation.None),
            ("selective", Recomputation.Selective),
            ("full", Recomputation.Full));
        var json = CliOptions.Json();
        var command = new Command("mfu", "Model FLOPs utilisation from a measured throughput, for a config or a shape.")
        {
            tokensPerSecond, gpus, gpu, hardware, precision, peakTflops, counting, recompute, json,
        };
        shapeOptions.AddTo(command);
        command.SetAction(result =>
        {
            double rate = result.GetValue(tokensPerSecond) ?? throw new UsageException("--tokens-per-second: give the measured throughput of the whole job, e.g. --tokens-per-second 238.3e3.");
            int count = result.GetValue(gpus) ?? throw new UsageException("--gpus: give the accelerators of the job, e.g. --gpus 6144.");
            string name = result.GetValue(gpu) ?? throw new UsageException("--gpu: give the accelerator, e.g. --gpu H100-SXM (see 'scaling hardware').");
            var catalog = HardwareOption.Catalog(result.GetValue(hardware));
            var accelerator = catalog.Find(name)
                ?? throw new UsageException($"--gpu: unknown accelerator '{name}'; known: {string.Join(", ", catalog.Names)} (or add a row with --hardware FILE).");
            var trainingPrecision = result.GetValue(precision) ?? accelerator.DefaultTrainingPrecision;
            if (result.GetValue(peakTflops) is { } teraflops)
            {
                accelerator = accelerator.WithPeakTeraflops(trainingPrecision, teraflops);
            }

            if (!accelerator.Supports(trainingPrecision))
            {
                throw new UsageException(
                    $"--precision: {accelerator.Name} has no dense {Precisions.Name(trainingPrecision)} peak in the catalog; use one of "
                    + $"{string.Join(", ", accelerator.SupportedPrecisions.Select(Precisions.Name))}, or give it with --peak-tflops.");
            }

            var choice = shapeOptions.Read(result);
            var measured = FlopsUtilization.FromTokens(
                choice.Shape, choice.ContextTokens, rate, count, accelerator.PeakFlopsPerSecond(trainingPrecision), result.GetValue(counting) ?? FlopsCounting.Palm2022);
            var recomputation = result.GetValue(recompute);
            console.Out.WriteLine(result.GetValue(json)
                ? CliJson.Write(MfuOutput.From(measured, choice, accelerator, trainingPrecision, recomputation), CliJsonContext.Default.MfuOutput)
                : MfuMemo.Prose(measured, choice, accelerator, trainingPrecision, recomputation));
            return ExitCodes.Success;
        });
        return command;
    }
}
