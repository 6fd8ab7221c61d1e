using System.CommandLine;
using Scaling.Architecture;
using Scaling.Hardware;
using Scaling.Resources;

namespace Scaling.Cli;

/// <summary>
/// <c>scaling architecture</c>: a transformer's exact parameters, FLOPs per token, memory, KV cache and training
/// hyperparameters — from a parameter count (a proposed shape), a Hugging Face config.json, or an explicit shape.
/// </summary>
internal static class ArchitectureCommand
{
    private static readonly string[] ConventionNames = ["llama", "qwen2", "gpt2", "gpt-neox", "hoffmann2022"];

    public static Command Create(CliConsole console)
    {
        var parameters = new Option<string>("--parameters") { Description = "Propose a shape for this many parameters, e.g. 70e9.", HelpName = "N" };
        var config = new Option<string>("--config") { Description = "Read a Hugging Face config.json (llama, mistral, qwen2, gpt2, gpt_neox).", HelpName = "FILE" };
        var layers = new Option<string>("--layers") { Description = "Transformer blocks.", HelpName = "L" };
        var dModel = new Option<string>("--d-model") { Description = "Residual width d_model.", HelpName = "D" };
        var heads = new Option<string>("--heads") { Description = "Query heads.", HelpName = "H" };
        var kvHeads = new Option<string>("--kv-heads") { Description = "Key/value heads (grouped-query attention; default: --heads).", HelpName = "K" };
        var headSize = new Option<string>("--head-size") { Description = "Head size (default d_model / heads).", HelpName = "S" };
        var ffn = new Option<string>("--ffn") { Description = "Feed-forward size (default 8/3·d_model rounded to 256 when gated, else 4·d_model).", HelpName = "F" };
        var vocabulary = new Option<string>("--vocabulary") { Description = "Vocabulary (default 32000).", HelpName = "V" };
        var conventions = new Option<string>("--conventions") { Description = "Parameter conventions of an explicit or proposed shape: llama (default), qwen2, gpt2, gpt-neox, hoffmann2022.", HelpName = "NAME" };
        var groupSize = new Option<string>("--group-size") { Description = "With --parameters: query heads per key/value head (default 1).", HelpName = "G" };
        var context = new Option<string>("--context") { Description = "Context (sequence) length in tokens (default 4096, or the config's).", HelpName = "T" };
        var precision = new Option<string>("--precision") { Description = "Training and serving precision for state and KV cache (default bf16).", HelpName = "P" };
        var tokens = new Option<string>("--tokens") { Description = "Training tokens: adds learning rate and batch (DeepSeek LLM Eq. 1; Step Law) and a quantisation warning.", HelpName = "D" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of prose." };
        var command = new Command("architecture", "A model's shape, exact parameters, FLOPs per token, memory, KV cache and hyperparameters.")
        {
            parameters, config, layers, dModel, heads, kvHeads, headSize, ffn, vocabulary, conventions, groupSize, context, precision, tokens, json,
        };
        command.SetAction(result =>
        {
            string? Text(Option<string> o) => result.GetValue(o);
            int? Int(Option<string> o, string example) => Text(o) is { } t ? CliParse.PositiveInteger(o.Name, t, example) : null;

            var (shape, configContext) = Named(() => Shape(
                Text(parameters), Text(config), Int(layers, "32"), Int(dModel, "4096"), Int(heads, "32"), Int(kvHeads, "8"), Int(headSize, "128"),
                Int(ffn, "11008"), Int(vocabulary, "32000"), Text(conventions), Int(groupSize, "8")));
            int contextTokens = Int(context, "4096") ?? configContext ?? 4096;
            var trainingPrecision = Text(precision) is { } p ? ParsePrecision(p) : Precision.Bf16;
            double? trainingTokens = Text(tokens) is { } d ? CliParse.Positive("--tokens", d, "1.4e12") : null;
            var profile = ArchitectureProfile.Create(shape, contextTokens, trainingTokens, TrainingStateRecipe.MixedPrecisionAdamW, trainingPrecision);
            console.Out.WriteLine(result.GetValue(json) ? ArchitectureReport.Json(profile).ToJsonString() : ArchitectureReport.Prose(profile));
            return ExitCodes.Success;
        });
        return command;
    }

    private static (TransformerShape Shape, int? Context) Shape(
        string? parameters, string? config, int? layers, int? dModel, int? heads, int? kvHeads, int? headSize, int? ffn, int? vocabulary, string? conventionsName, int? groupSize)
    {
        bool explicitShape = layers is not null || dModel is not null || heads is not null;
        int given = (parameters is null ? 0 : 1) + (config is null ? 0 : 1) + (explicitShape ? 1 : 0);
        if (given != 1)
        {
            throw new UsageException("--parameters: give exactly one of --parameters N, --config config.json or --layers L --d-model D --heads H; for example --parameters 70e9.");
        }

        if (config is not null)
        {
            if (conventionsName is not null || groupSize is not null || vocabulary is not null)
            {
                throw new UsageException("--config: the config fixes the shape; drop --conventions, --group-size and --vocabulary.");
            }

            var parsed = HuggingFaceConfig.Parse(ReadConfig(config), config);
            return (parsed.Shape, parsed.ContextLength);
        }

        var conventions = Conventions(conventionsName);
        if (parameters is not null)
        {
            double n = CliParse.Positive("--parameters", parameters, "70e9");
            var request = new ShapeRequest
            {
                Vocabulary = vocabulary ?? 32000,
                HeadSize = headSize,
                GroupSize = groupSize ?? 1,
                Conventions = conventions,
            };
            return (ShapeDesigner.Propose(n, request), null);
        }

        if (layers is null || dModel is null || heads is null)
        {
            throw new UsageException("--layers: an explicit shape needs --layers, --d-model and --heads; for example --layers 32 --d-model 4096 --heads 32.");
        }

        return (TransformerShape.Create(layers.Value, dModel.Value, heads.Value, kvHeads, headSize, ffn, vocabulary ?? 32000, conventions), null);
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

    private static ParameterConventions Conventions(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "llama" => ParameterConventions.Llama,
        "qwen2" => ParameterConventions.Qwen2,
        "gpt2" => ParameterConventions.Gpt2,
        "gpt-neox" => ParameterConventions.GptNeoX,
        "hoffmann2022" => ParameterConventions.Hoffmann2022,
        _ => throw new UsageException($"--conventions '{name}' is not known; use one of {string.Join(", ", ConventionNames)}."),
    };

    private static Precision ParsePrecision(string text)
    {
        try
        {
            return Precisions.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException("--precision: " + e.Message);
        }
    }

    private static string ReadConfig(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"--config: file '{path}' not found; give the path of a Hugging Face config.json.");
        }

        return File.ReadAllText(path);
    }
}
