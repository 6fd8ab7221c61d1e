using System.CommandLine;
using Scaling.Architecture;

namespace Scaling.Cli.Shared;

/// <summary>
/// The model-shape options shared by the commands that take a model (<c>architecture</c>, <c>mfu</c>, and any command
/// that costs a given model): exactly one of <c>--parameters N</c> (a proposed shape), <c>--config config.json</c>
/// (a Hugging Face config) or an explicit shape (<c>--layers --d-model --heads</c> with the optional widths,
/// conventions and mixture-of-experts flags), plus the training <c>--context</c>.
/// </summary>
/// <remarks>
/// The context is never taken from a config's <c>max_position_embeddings</c>, the longest context the model accepts
/// rather than the one it trained at: without <c>--context</c> it is <see cref="DefaultContext"/> tokens, and the
/// <see cref="ShapeChoice"/> says so.
/// </remarks>
internal sealed class ShapeOptions
{
    /// <summary>The training context when <c>--context</c> is not given.</summary>
    public const int DefaultContext = 4096;

    // The documented upper bounds of a shape (ShapeLimits), the same for these options and a config.json's keys.
    private const int MaxLayers = ShapeLimits.MaxLayers;
    private const int MaxWidth = ShapeLimits.MaxWidth;
    private const int MaxHeads = ShapeLimits.MaxHeads;
    private const int MaxVocabulary = ShapeLimits.MaxVocabulary;
    private const int MaxExperts = ShapeLimits.MaxExperts;

    /// <summary>The longest <c>--context</c>: 2^30 tokens.</summary>
    public const int MaxContext = ShapeLimits.MaxContext;

    /// <summary>A shape's field and the option that sets it: how <see cref="CliErrors"/> names a shape error.</summary>
    public static readonly IReadOnlyDictionary<string, string> OptionOfField = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["layers"] = "--layers", ["dModel"] = "--d-model", ["heads"] = "--heads", ["kvHeads"] = "--kv-heads",
        ["headSize"] = "--head-size", ["ffnSize"] = "--ffn", ["vocabulary"] = "--vocabulary", ["parameters"] = "--parameters",
        ["groupSize"] = "--group-size", ["experts"] = "--experts", ["activeExperts"] = "--active-experts",
        ["sharedExperts"] = "--shared-experts", ["expertFfnSize"] = "--expert-ffn", ["sharedExpertFfnSize"] = "--expert-ffn",
        ["denseLayers"] = "--dense-layers", ["context"] = "--context",
    };

    private readonly Option<double?> parameters = CliOptions.Number("--parameters", "N", "Propose a shape for this many parameters, e.g. 70e9.", "70e9", NumberRange.Positive);
    private readonly Option<InputFile?> config = CliOptions.File(
        "--config", "FILE", "Read a Hugging Face config.json (" + string.Join(", ", HuggingFaceConfig.SupportedModelTypes) + "); a missing key takes the family's Hugging Face default.", FileKind.Config);

    private readonly Option<int?> layers = CliOptions.Count("--layers", "L", "Transformer blocks.", "32", 1, MaxLayers);
    private readonly Option<int?> dModel = CliOptions.Count("--d-model", "D", "Residual width d_model.", "4096", 1, MaxWidth);
    private readonly Option<int?> heads = CliOptions.Count("--heads", "H", "Query heads.", "32", 1, MaxHeads);
    private readonly Option<int?> kvHeads = CliOptions.Count("--kv-heads", "K", "Key/value heads (grouped-query attention; default: --heads).", "8", 1, MaxHeads);
    private readonly Option<int?> headSize = CliOptions.Count("--head-size", "S", "Head size (default d_model / heads).", "128", 1, MaxWidth);
    private readonly Option<int?> ffn = CliOptions.Count("--ffn", "F", "Feed-forward size (default 8/3·d_model rounded to 256 when gated, else 4·d_model).", "11008", 1, 4 * MaxWidth);
    private readonly Option<int?> vocabulary = CliOptions.Count("--vocabulary", "V", "Vocabulary (default 32000).", "32000", 1, MaxVocabulary);
    private readonly Option<ParameterConventions?> conventions = CliOptions.Choice<ParameterConventions?>(
        "--conventions",
        "Parameter conventions of an explicit or proposed shape: llama (default), qwen2, gemma, gemma2, phi3, palm, gpt2, gpt-neox, hoffmann2022.",
        ("llama", ParameterConventions.Llama),
        ("qwen2", ParameterConventions.Qwen2),
        ("gemma", ParameterConventions.Gemma),
        ("gemma2", ParameterConventions.Gemma2),
        ("phi3", ParameterConventions.Phi3),
        ("palm", ParameterConventions.Palm),
        ("gpt2", ParameterConventions.Gpt2),
        ("gpt-neox", ParameterConventions.GptNeoX),
        ("hoffmann2022", ParameterConventions.Hoffmann2022));

    private readonly Option<int?> groupSize = CliOptions.Count("--group-size", "G", "With --parameters: query heads per key/value head (default 1).", "8", 1, MaxHeads);
    private readonly Option<int?> experts = CliOptions.Count("--experts", "E", "Mixture of experts: routed experts per layer (with an explicit shape).", "8", 1, MaxExperts);
    private readonly Option<int?> activeExperts = CliOptions.Count("--active-experts", "K", "With --experts: routed experts each token uses (top-k).", "2", 1, MaxExperts);
    private readonly Option<int?> sharedExperts = CliOptions.Count("--shared-experts", "S", "With --experts: always-active shared experts (default 0).", "1", 0, MaxExperts);
    private readonly Option<int?> expertFfn = CliOptions.Count("--expert-ffn", "F", "With --experts: one expert's feed-forward size (default --ffn).", "14336", 1, 4 * MaxWidth);
    private readonly Option<int?> denseLayers = CliOptions.Count("--dense-layers", "N", "With --experts: leading layers that keep the dense feed-forward (default 0).", "3", 0, MaxLayers);
    private readonly Option<int?> context = CliOptions.Count(
        "--context", "T", $"Training context (sequence length) in tokens (default {DefaultContext}; a config's max_position_embeddings is its longest context, not its training context).", "4096", 1, MaxContext);

    private IEnumerable<Option> All =>
        [parameters, config, layers, dModel, heads, kvHeads, headSize, ffn, vocabulary, conventions, groupSize, experts, activeExperts, sharedExperts, expertFfn, denseLayers, context];

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The shape the options describe; every error names the option.</summary>
    /// <exception cref="UsageException">The options do not describe exactly one shape, or a value cannot be a shape.</exception>
    /// <exception cref="InvalidShapeException">The values cannot be a shape (CliErrors names the option of its field, or the config's file and key).</exception>
    public ShapeChoice Read(ParseResult r)
    {
        bool explicitShape = r.GetValue(layers) is not null || r.GetValue(dModel) is not null || r.GetValue(heads) is not null;
        int given = (r.GetValue(parameters) is null ? 0 : 1) + (r.GetValue(config) is null ? 0 : 1) + (explicitShape ? 1 : 0);
        if (given != 1)
        {
            throw new UsageException("--parameters: give exactly one of --parameters N, --config config.json or --layers L --d-model D --heads H; for example --parameters 70e9.");
        }

        int? contextGiven = r.GetValue(context);
        int contextTokens = contextGiven ?? DefaultContext;
        var moeOptions = new Option[] { experts, activeExperts, sharedExperts, expertFfn, denseLayers };
        var moeGiven = moeOptions.FirstOrDefault(o => r.GetResult(o) is { Implicit: false });
        if (r.GetValue(config) is { } file)
        {
            var stray = new Option[] { conventions, groupSize, vocabulary, layers, kvHeads, headSize, ffn }.Concat(moeOptions).FirstOrDefault(o => r.GetResult(o) is { Implicit: false });
            if (stray is not null)
            {
                throw new UsageException($"--config: the config fixes the shape; drop {stray.Name}.");
            }

            var parsed = HuggingFaceConfig.Parse(file.ReadText(), file.Path);
            return new ShapeChoice(parsed.Shape, contextTokens, contextGiven is not null, parsed);
        }

        var chosen = r.GetValue(conventions) ?? ParameterConventions.Llama;
        if (r.GetValue(parameters) is { } n)
        {
            if (moeGiven is not null)
            {
                throw new UsageException($"{moeGiven.Name}: a mixture of experts needs an explicit shape (--layers, --d-model, --heads); --parameters proposes a dense one.");
            }

            var request = new ShapeRequest
            {
                Vocabulary = r.GetValue(vocabulary) ?? 32000,
                HeadSize = r.GetValue(headSize),
                GroupSize = r.GetValue(groupSize) ?? 1,
                Conventions = chosen,
            };
            return new ShapeChoice(ShapeDesigner.Propose(n, request), contextTokens, contextGiven is not null, null);
        }

        if (r.GetValue(layers) is not { } l || r.GetValue(dModel) is not { } d || r.GetValue(heads) is not { } h)
        {
            throw new UsageException("--layers: an explicit shape needs --layers, --d-model and --heads; for example --layers 32 --d-model 4096 --heads 32.");
        }

        var shape = TransformerShape.Create(l, d, h, r.GetValue(kvHeads), r.GetValue(headSize), r.GetValue(ffn), r.GetValue(vocabulary) ?? 32000, chosen);
        if (moeGiven is not null)
        {
            if (r.GetValue(experts) is not { } e || r.GetValue(activeExperts) is not { } k)
            {
                throw new UsageException("--experts: a mixture of experts needs --experts E and --active-experts k; for example --experts 8 --active-experts 2.");
            }

            int expertSize = r.GetValue(expertFfn) ?? shape.FfnSize;
            shape = shape.WithExperts(MixtureOfExperts.Create(e, k, expertSize, r.GetValue(sharedExperts) ?? 0, denseLayers: r.GetValue(denseLayers) ?? 0));
        }

        return new ShapeChoice(shape, contextTokens, contextGiven is not null, null);
    }
}
