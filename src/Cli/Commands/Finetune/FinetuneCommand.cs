using System.CommandLine;
using System.CommandLine.Parsing;
using Scaling.Architecture;
using Scaling.Cli.Shared;
using Scaling.FineTuning;
using Scaling.Resources;
using Scaling.Transfer;

namespace Scaling.Cli.Commands.Finetune;

/// <summary>
/// <c>scaling finetune</c>: fine-tune a pre-trained model instead of pre-training one — every weight, LoRA adapters on
/// frozen 16-bit weights (Hu et al. 2021) or QLoRA adapters on frozen 4-bit weights (Dettmers et al. 2023): trainable
/// parameters, memory per GPU, GPUs, and the time, cost, energy, water and CO₂ of a token count; with
/// <c>--transfer</c>, what the fine-tuning data is worth in from-scratch training (Hernandez et al. 2021).
/// </summary>
internal static class FinetuneCommand
{
    /// <summary>The accelerator when <c>--gpu</c> is not given.</summary>
    public const string DefaultGpu = "H100-SXM";

    /// <summary>The default rank of LoRA (a rank Hu et al. 2021 report competitive on GPT-3, §7.2) and of QLoRA (Dettmers et al. 2023, §4: r = 64).</summary>
    public const int DefaultLoraRank = 8, DefaultQLoraRank = 64;

    // About 7,000 times Llama 3's 15T tokens (Meta 2024), as architecture --tokens.
    private const double MaxTokens = 1e17;

    public static Command Create(CliConsole console)
    {
        var shapeOptions = new ShapeOptions();
        var method = CliOptions.Choice<string?>(
            "--method",
            "full (every weight trains), lora (adapters on frozen 16-bit weights; Hu et al. 2021) or qlora (adapters on frozen 4-bit NF4 weights; Dettmers et al. 2023).",
            ("full", "full"), ("lora", "lora"), ("qlora", "qlora"));
        var rank = CliOptions.Count("--rank", "R", $"Adapter rank (default {DefaultLoraRank} for lora, {DefaultQLoraRank} for qlora).", "16", 1, 1 << 16);
        var adapt = new Option<string>("--adapt")
        {
            Description = "Matrices that carry adapters, comma-separated: q, k, v, o, gate, up, down, or all (default q,v for lora, all for qlora).",
            HelpName = "LIST",
        };
        var tokens = CliOptions.Number("--tokens", "D", "Fine-tuning tokens (at most 1e17).", "1e9", NumberRange.AtLeastOne, MaxTokens);
        var microBatch = CliOptions.Count("--micro-batch", "B", "Sequences per GPU per step, whose activations each GPU holds (default 1).", "4", 1, 1 << 20);
        var recompute = CliOptions.Choice<Recomputation?>(
            "--recompute",
            "Activation recomputation (Korthikanti et al. 2022): full (gradient checkpointing, default), selective or none.",
            ("full", Recomputation.Full), ("selective", Recomputation.Selective), ("none", Recomputation.None));
        var transfer = CliOptions.Choice<TransferLaw?>(
            "--transfer",
            "What the fine-tuning data is worth in from-scratch tokens and euros (Hernandez et al. 2021, Table 1): text-to-python or text-code-to-python.",
            TransferLaw.Presets.Select(l => (l.Name, (TransferLaw?)l)).ToArray());
        var charactersPerToken = CliOptions.Number(
            "--characters-per-token", "C", "With --transfer: characters per token of the fine-tuning text (the law counts characters), e.g. 4.19 for English web text (Kaplan et al. 2020, WebText2).", "4.19", NumberRange.Positive);
        var json = CliOptions.Json();
        var resources = new ResourceOptions { DefaultGpu = DefaultGpu };

        var command = new Command("finetune", "Fine-tune instead of pre-training: full, LoRA or QLoRA — trainable parameters, memory per GPU, GPUs, days and cost.");
        shapeOptions.AddTo(command);
        foreach (var option in new Option[] { method, rank, adapt, tokens, microBatch, recompute, transfer, charactersPerToken, json })
        {
            command.Options.Add(option);
        }

        resources.AddTo(command);
        command.SetAction(result =>
        {
            if (Given(result, "--budget-eur"))
            {
                throw new UsageException("--budget-eur: fine-tuning plans a token count, not a budget; give --tokens D.");
            }

            var choice = shapeOptions.Read(result);
            if (choice.Shape.Experts is not null || choice.Shape.Latent is not null)
            {
                string option = choice.Config is not null ? "--config" : "--experts";
                throw new UsageException($"{option}: finetune plans dense models with standard attention; a mixture of experts or latent attention is not modelled, so give a dense shape.");
            }

            var chosen = Method(result.GetValue(method), result.GetValue(rank), result.GetValue(adapt));
            double fineTuningTokens = result.GetValue(tokens) ?? throw new UsageException("--tokens: give the fine-tuning tokens, for example --tokens 1e9.");
            var request = resources.ReadWithDefaultGpu(result);
            var assumptions = Given(result, "--bytes-per-parameter") ? request.Assumptions : request.Assumptions with { Recipe = TrainingStateRecipe.SixteenBitAdamW };
            var recomputation = result.GetValue(recompute) ?? Recomputation.Full;
            int batch = result.GetValue(microBatch) ?? 1;
            double activations = ActivationMemory.Bytes(choice.Shape, choice.ContextTokens, batch, recomputation);
            var plan = FineTuningPlan.Create(choice.Shape, chosen, fineTuningTokens, assumptions, activations);
            var worth = Transfer(result.GetValue(transfer), result.GetValue(charactersPerToken), fineTuningTokens, choice.Shape, plan.Resources.Rate);
            var setup = new FinetuneSetup(choice.ContextTokens, batch, recomputation);
            console.Out.WriteLine(result.GetValue(json)
                ? CliJson.Write(FinetuneOutput.From(plan, setup, worth), CliJsonContext.Default.FinetuneOutput)
                : FinetuneMemo.Prose(plan, setup, worth));
            return ExitCodes.Success;
        });
        return command;
    }

    private static FineTuningMethod Method(string? name, int? rank, string? adapt)
    {
        switch (name)
        {
            case null:
                throw new UsageException("--method: give full, lora or qlora; for example --method lora.");
            case "full":
                if (rank is not null || adapt is not null)
                {
                    throw new UsageException($"{(rank is not null ? "--rank" : "--adapt")}: full fine-tuning trains every weight; adapters need --method lora or qlora.");
                }

                return new FineTuningMethod.Full();
            case "lora":
                return new FineTuningMethod.Lora(Adapters(rank ?? DefaultLoraRank, adapt, [AdaptedMatrix.Query, AdaptedMatrix.Value]));
            default:
                return new FineTuningMethod.QLora(Adapters(rank ?? DefaultQLoraRank, adapt, Enum.GetValues<AdaptedMatrix>()));
        }
    }

    private static LoraAdapters Adapters(int rank, string? adapt, AdaptedMatrix[] defaults)
    {
        if (adapt is null)
        {
            return LoraAdapters.Create(rank, defaults);
        }

        var names = adapt.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 1 && string.Equals(names[0], "all", StringComparison.OrdinalIgnoreCase))
        {
            return LoraAdapters.AllLinear(rank);
        }

        var byName = Enum.GetValues<AdaptedMatrix>().ToDictionary(LoraAdapters.ShortName, StringComparer.OrdinalIgnoreCase);
        string? unknown = names.Length == 0 ? adapt : names.FirstOrDefault(n => !byName.ContainsKey(n));
        if (unknown is not null)
        {
            throw new UsageException($"--adapt: '{unknown}' is not a matrix; give a comma-separated list of q, k, v, o, gate, up, down, or all.");
        }

        var matrices = names.Select(n => byName[n]).ToArray();
        return LoraAdapters.Create(rank, matrices);
    }

    private static TransferValue? Transfer(TransferLaw? law, double? charactersPerToken, double tokens, TransformerShape shape, ComputeRate rate)
    {
        if (law is null)
        {
            return charactersPerToken is null ? null : throw new UsageException("--characters-per-token: only applies with --transfer LAW.");
        }

        if (charactersPerToken is not { } perToken)
        {
            throw new UsageException("--transfer: the law counts characters; give --characters-per-token C, for example 4.19 (English web text, Kaplan et al. 2020).");
        }

        // Hernandez et al. 2021 count N without embeddings.
        return TransferValue.Of(law.InTokens(perToken), tokens, shape.NonEmbeddingParameters, rate);
    }

    private static bool Given(ParseResult result, string name) =>
        result.CommandResult.Children.OfType<OptionResult>().Any(o => o.Option.Name == name && !o.Implicit);
}

/// <summary>What the activations were counted for: the context, the micro-batch and the recomputation.</summary>
internal sealed record FinetuneSetup(int ContextTokens, int MicroBatch, Recomputation Recomputation);
