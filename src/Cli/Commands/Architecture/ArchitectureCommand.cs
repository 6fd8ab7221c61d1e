using System.CommandLine;
using Scaling.Architecture;
using Scaling.Cli.Shared;
using Scaling.Hardware;
using Scaling.Resources;

namespace Scaling.Cli.Commands.Architecture;

/// <summary>
/// <c>scaling architecture</c>: a transformer's exact parameters, FLOPs per token, memory, KV cache and training
/// hyperparameters — from a parameter count (a proposed shape), a Hugging Face config.json, or an explicit shape.
/// </summary>
internal static class ArchitectureCommand
{
    // Documented upper bounds, far beyond any model trained (Llama 3.1 405B: 126 layers, d_model 16,384, 128 heads,
    // FFN 53,248, a 128,256-token vocabulary and a 131,072-token context; Meta 2024, "The Llama 3 Herd of Models",
    // Table 3), and small enough that every count, FLOP and byte stays finite and exact to the digit in a double.
    private const int MaxLayers = 10_000;
    private const int MaxWidth = 1 << 20;
    private const int MaxHeads = 1 << 16;
    private const int MaxVocabulary = 100_000_000;
    private const int MaxContext = 1 << 30;

    // About 7,000 times Llama 3's 15T tokens (Meta 2024): past it the hyperparameter laws extrapolate beyond meaning.
    private const double MaxTokens = 1e17;

    public static Command Create(CliConsole console)
    {
        var parameters = CliOptions.Number("--parameters", "N", "Propose a shape for this many parameters, e.g. 70e9.", "70e9", NumberRange.Positive);
        var config = CliOptions.File("--config", "FILE", "Read a Hugging Face config.json (llama, mistral, qwen2, gpt2, gpt_neox).", FileKind.Config);
        var layers = CliOptions.Count("--layers", "L", "Transformer blocks.", "32", 1, MaxLayers);
        var dModel = CliOptions.Count("--d-model", "D", "Residual width d_model.", "4096", 1, MaxWidth);
        var heads = CliOptions.Count("--heads", "H", "Query heads.", "32", 1, MaxHeads);
        var kvHeads = CliOptions.Count("--kv-heads", "K", "Key/value heads (grouped-query attention; default: --heads).", "8", 1, MaxHeads);
        var headSize = CliOptions.Count("--head-size", "S", "Head size (default d_model / heads).", "128", 1, MaxWidth);
        var ffn = CliOptions.Count("--ffn", "F", "Feed-forward size (default 8/3·d_model rounded to 256 when gated, else 4·d_model).", "11008", 1, 4 * MaxWidth);
        var vocabulary = CliOptions.Count("--vocabulary", "V", "Vocabulary (default 32000).", "32000", 1, MaxVocabulary);
        var conventions = CliOptions.Choice<ParameterConventions?>(
            "--conventions",
            "Parameter conventions of an explicit or proposed shape: llama (default), qwen2, gpt2, gpt-neox, hoffmann2022.",
            ("llama", ParameterConventions.Llama),
            ("qwen2", ParameterConventions.Qwen2),
            ("gpt2", ParameterConventions.Gpt2),
            ("gpt-neox", ParameterConventions.GptNeoX),
            ("hoffmann2022", ParameterConventions.Hoffmann2022));
        var groupSize = CliOptions.Count("--group-size", "G", "With --parameters: query heads per key/value head (default 1).", "8", 1, MaxHeads);
        var context = CliOptions.Count("--context", "T", "Context (sequence) length in tokens (default 4096, or the config's).", "4096", 1, MaxContext);
        var precision = CliOptions.TrainingPrecision("Training and serving precision for state and KV cache (default bf16).");
        var tokens = CliOptions.Number(
            "--tokens", "D", "Training tokens: adds learning rate and batch (DeepSeek LLM Eq. 1; Step Law) and a quantisation warning; at most 1e17.", "1.4e12", NumberRange.AtLeastOne, MaxTokens);
        var json = CliOptions.Json();
        var command = new Command("architecture", "A model's shape, exact parameters, FLOPs per token, memory, KV cache and hyperparameters.")
        {
            parameters, config, layers, dModel, heads, kvHeads, headSize, ffn, vocabulary, conventions, groupSize, context, precision, tokens, json,
        };
        command.SetAction(result =>
        {
            var request = new ShapeOptions(
                result.GetValue(parameters), result.GetValue(config), result.GetValue(layers), result.GetValue(dModel), result.GetValue(heads),
                result.GetValue(kvHeads), result.GetValue(headSize), result.GetValue(ffn), result.GetValue(vocabulary), result.GetValue(conventions),
                result.GetValue(groupSize));
            var (shape, configContext) = Named(() => Shape(request));
            int contextTokens = result.GetValue(context) ?? configContext ?? 4096;
            var profile = ArchitectureProfile.Create(
                shape, contextTokens, result.GetValue(tokens), TrainingStateRecipe.MixedPrecisionAdamW, result.GetValue(precision) ?? Precision.Bf16);
            console.Out.WriteLine(result.GetValue(json) ? CliJson.Write(ArchitectureOutput.From(profile), CliJsonContext.Default.ArchitectureOutput) : ArchitectureMemo.Prose(profile));
            return ExitCodes.Success;
        });
        return command;
    }

    // The shape options as given; null where the option was left out.
    private sealed record ShapeOptions(
        double? Parameters, InputFile? Config, int? Layers, int? DModel, int? Heads, int? KvHeads, int? HeadSize, int? Ffn, int? Vocabulary,
        ParameterConventions? Conventions, int? GroupSize);

    private static (TransformerShape Shape, int? Context) Shape(ShapeOptions o)
    {
        bool explicitShape = o.Layers is not null || o.DModel is not null || o.Heads is not null;
        int given = (o.Parameters is null ? 0 : 1) + (o.Config is null ? 0 : 1) + (explicitShape ? 1 : 0);
        if (given != 1)
        {
            throw new UsageException("--parameters: give exactly one of --parameters N, --config config.json or --layers L --d-model D --heads H; for example --parameters 70e9.");
        }

        if (o.Config is not null)
        {
            if (o.Conventions is not null || o.GroupSize is not null || o.Vocabulary is not null)
            {
                throw new UsageException("--config: the config fixes the shape; drop --conventions, --group-size and --vocabulary.");
            }

            var parsed = HuggingFaceConfig.Parse(o.Config.ReadText(), o.Config.Path);
            return (parsed.Shape, null);
        }

        var conventions = o.Conventions ?? ParameterConventions.Llama;
        if (o.Parameters is { } n)
        {
            var request = new ShapeRequest
            {
                Vocabulary = o.Vocabulary ?? 32000,
                HeadSize = o.HeadSize,
                GroupSize = o.GroupSize ?? 1,
                Conventions = conventions,
            };
            return (ShapeDesigner.Propose(n, request), null);
        }

        if (o.Layers is not { } layers || o.DModel is not { } dModel || o.Heads is not { } heads)
        {
            throw new UsageException("--layers: an explicit shape needs --layers, --d-model and --heads; for example --layers 32 --d-model 4096 --heads 32.");
        }

        return (TransformerShape.Create(layers, dModel, heads, o.KvHeads, o.HeadSize, o.Ffn, o.Vocabulary ?? 32000, conventions), null);
    }

    // A shape error names the core's field; the user typed an option.
    private static readonly Dictionary<string, string> Options = new()
    {
        ["layers"] = "--layers", ["dModel"] = "--d-model", ["heads"] = "--heads", ["kvHeads"] = "--kv-heads",
        ["headSize"] = "--head-size", ["ffnSize"] = "--ffn", ["vocabulary"] = "--vocabulary", ["parameters"] = "--parameters",
        ["groupSize"] = "--group-size",
    };

    private static T Named<T>(Func<T> build)
    {
        try
        {
            return build();
        }
        catch (InvalidShapeException e) when (Options.ContainsKey(e.Quantity))
        {
            string message = e.Message.StartsWith(e.Quantity, StringComparison.Ordinal) ? e.Message[e.Quantity.Length..].TrimStart(':', ' ') : e.Message;
            throw new UsageException($"{Options[e.Quantity]}: {message}");
        }
    }
}
