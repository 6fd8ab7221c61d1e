using System.Globalization;
using System.Text.Json;
using Scaling.Text;

namespace Scaling.Architecture;

/// <summary>
/// A Hugging Face <c>config.json</c> read as a <see cref="TransformerShape"/>: the Llama family (<c>llama</c>,
/// <c>mistral</c>, <c>qwen2</c>, <c>phi3</c>, <c>gemma</c>, <c>gemma2</c>), the mixtures of experts <c>mixtral</c>,
/// <c>qwen2_moe</c>, <c>deepseek_v2</c> and <c>deepseek_v3</c> (multi-head latent attention), <c>gpt2</c> and
/// <c>gpt_neox</c>. The core parses text it is given; reading the file belongs to the caller.
/// </summary>
/// <remarks>
/// A key the config leaves out takes the default of the family's configuration class in Hugging Face transformers
/// (<c>configuration_&lt;model_type&gt;.py</c>), as the library itself would: a Mistral config without
/// <c>num_key_value_heads</c> has 8 key/value heads (MistralConfig), not one per query head. Such keys are listed in
/// <see cref="DefaultedKeys"/>. <c>max_position_embeddings</c> is the longest context the model accepts, not the
/// context it was trained at, so it is kept apart (<see cref="MaxContext"/>) and never taken as the training context.
/// <example><code>
/// var config = HuggingFaceConfig.Parse(File.ReadAllText("config.json"), "config.json");
/// config.Shape.Parameters; // 6,738,415,616 for meta-llama/Llama-2-7b-hf
/// </code></example>
/// </remarks>
public sealed record HuggingFaceConfig
{
    private static readonly string[] Supported =
        ["llama", "mistral", "qwen2", "phi3", "gemma", "gemma2", "mixtral", "qwen2_moe", "deepseek_v2", "deepseek_v3", "gpt2", "gpt_neox"];

    // The defaults of each family's configuration class in Hugging Face transformers (configuration_<type>.py), for
    // the keys that fix the parameter count; a key absent here is required. num_key_value_heads absent: one per head.
    private static readonly Dictionary<string, Dictionary<string, int>> FamilyDefaults = new()
    {
        ["llama"] = new() { ["vocab_size"] = 32000, ["hidden_size"] = 4096, ["intermediate_size"] = 11008, ["num_hidden_layers"] = 32, ["num_attention_heads"] = 32 },
        ["mistral"] = new() { ["vocab_size"] = 32000, ["hidden_size"] = 4096, ["intermediate_size"] = 14336, ["num_hidden_layers"] = 32, ["num_attention_heads"] = 32, ["num_key_value_heads"] = 8 },
        ["qwen2"] = new() { ["vocab_size"] = 151936, ["hidden_size"] = 4096, ["intermediate_size"] = 22016, ["num_hidden_layers"] = 32, ["num_attention_heads"] = 32, ["num_key_value_heads"] = 32 },
        ["phi3"] = new() { ["vocab_size"] = 32064, ["hidden_size"] = 3072, ["intermediate_size"] = 8192, ["num_hidden_layers"] = 32, ["num_attention_heads"] = 32 },
        ["gemma"] = new() { ["vocab_size"] = 256000, ["hidden_size"] = 3072, ["intermediate_size"] = 24576, ["num_hidden_layers"] = 28, ["num_attention_heads"] = 16, ["num_key_value_heads"] = 16, ["head_dim"] = 256 },
        ["gemma2"] = new(),
        ["mixtral"] = new()
        {
            ["vocab_size"] = 32000, ["hidden_size"] = 4096, ["intermediate_size"] = 14336, ["num_hidden_layers"] = 32, ["num_attention_heads"] = 32, ["num_key_value_heads"] = 8,
            ["num_local_experts"] = 8, ["num_experts_per_tok"] = 2,
        },
        ["qwen2_moe"] = new()
        {
            ["vocab_size"] = 151936, ["hidden_size"] = 2048, ["intermediate_size"] = 5632, ["num_hidden_layers"] = 24, ["num_attention_heads"] = 16, ["num_key_value_heads"] = 16,
            ["decoder_sparse_step"] = 1, ["moe_intermediate_size"] = 1408, ["shared_expert_intermediate_size"] = 5632, ["num_experts_per_tok"] = 4, ["num_experts"] = 60,
        },
        ["deepseek_v2"] = new()
        {
            ["vocab_size"] = 32000, ["hidden_size"] = 4096, ["intermediate_size"] = 11008, ["num_hidden_layers"] = 32, ["num_attention_heads"] = 32,
            ["first_k_dense_replace"] = 0, ["kv_lora_rank"] = 512, ["q_lora_rank"] = 1536, ["n_routed_experts"] = 64, ["n_shared_experts"] = 2,
            ["qk_nope_head_dim"] = 128, ["qk_rope_head_dim"] = 64, ["v_head_dim"] = 128, ["moe_intermediate_size"] = 1407,
        },
        ["deepseek_v3"] = new()
        {
            ["vocab_size"] = 129280, ["hidden_size"] = 7168, ["intermediate_size"] = 18432, ["num_hidden_layers"] = 61, ["num_attention_heads"] = 128,
            ["first_k_dense_replace"] = 3, ["kv_lora_rank"] = 512, ["q_lora_rank"] = 1536, ["n_routed_experts"] = 256, ["n_shared_experts"] = 1, ["num_experts_per_tok"] = 8,
            ["qk_nope_head_dim"] = 128, ["qk_rope_head_dim"] = 64, ["v_head_dim"] = 128, ["moe_intermediate_size"] = 2048,
        },
        ["gpt2"] = new() { ["vocab_size"] = 50257, ["n_positions"] = 1024, ["n_embd"] = 768, ["n_layer"] = 12, ["n_head"] = 12 },
        ["gpt_neox"] = new() { ["vocab_size"] = 50432, ["hidden_size"] = 6144, ["num_hidden_layers"] = 44, ["num_attention_heads"] = 64, ["intermediate_size"] = 24576 },
    };

    // Tied embeddings by default: GemmaConfig and GPT2Config tie, the others do not.
    private static readonly HashSet<string> TiedByDefault = ["gemma", "gemma2", "gpt2"];

    private HuggingFaceConfig(string modelType, TransformerShape shape, int? maxContext, IReadOnlyList<string> defaulted)
    {
        ModelType = modelType;
        Shape = shape;
        MaxContext = maxContext;
        DefaultedKeys = defaulted;
    }

    /// <summary>The config's <c>model_type</c>, e.g. <c>llama</c>.</summary>
    public string ModelType { get; }

    /// <summary>The shape with the family's conventions.</summary>
    public TransformerShape Shape { get; }

    /// <summary>
    /// The longest context the model accepts (<c>max_position_embeddings</c> or <c>n_positions</c>), when the config
    /// gives one. Not the training context: Qwen2-7B accepts 131,072 tokens but costs 4.47 × 6N per token there.
    /// </summary>
    public int? MaxContext { get; }

    /// <summary>Keys the config left out that took the family's Hugging Face default, e.g. <c>num_key_value_heads = 8</c>.</summary>
    public IReadOnlyList<string> DefaultedKeys { get; }

    /// <summary>The supported <c>model_type</c> values.</summary>
    public static IReadOnlyList<string> SupportedModelTypes => Supported;

    /// <summary>Parses config.json text; <paramref name="source"/> names it in messages (the file name the user gave).</summary>
    /// <exception cref="UnreadableFileException">Not JSON (or a key given twice), or not a JSON object.</exception>
    /// <exception cref="InvalidShapeException">An unsupported <c>model_type</c>; a key missing that the family has no
    /// default for, not a whole number, or outside <see cref="ShapeLimits"/>; or a shape that cannot exist (heads that do
    /// not split into the key/value heads, a count beyond 64 bits). <see cref="InvalidShapeException.File"/> is
    /// <paramref name="source"/> and the quantity is the key at fault.</exception>
    public static HuggingFaceConfig Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        JsonDocument document;
        try
        {
            // Duplicate keys are refused: which of two "hidden_size"s a reader keeps is arbitrary, so neither is trusted.
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            int line = (int)(e.LineNumber ?? -1) + 1;
            int column = (int)(e.BytePositionInLine ?? -1) + 1;
            throw new UnreadableFileException(source, line, column, Expected, $"not valid JSON: {FirstSentence(e.Message)}; give a Hugging Face config.json.", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new UnreadableFileException(source, 1, 0, Expected, "expected a JSON object (a Hugging Face config.json).");
            }

            string type = root.TryGetProperty("model_type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() ?? string.Empty : string.Empty;
            if (!FamilyDefaults.TryGetValue(type, out var defaults))
            {
                throw new InvalidShapeException("model_type", double.NaN, $"'{type}' is not supported; use a config of {string.Join(", ", Supported)}.", "a supported model type", source);
            }

            var reader = new Reader(root, source, defaults);
            try
            {
                var (shape, context) = type switch
                {
                    "gpt2" => Gpt2(reader),
                    "gpt_neox" => GptNeoX(reader),
                    "mixtral" or "qwen2_moe" => LlamaFamily(type, reader, Experts(type, reader), null),
                    "deepseek_v2" or "deepseek_v3" => LlamaFamily(type, reader, Experts(type, reader), Latent(reader)),
                    _ => LlamaFamily(type, reader, null, null),
                };
                return new HuggingFaceConfig(type, shape, context, reader.Defaulted);
            }
            catch (InvalidShapeException e) when (e.File is null)
            {
                // A shape's field at fault (kvHeads) is the family's key in this file (num_key_value_heads).
                throw new InvalidShapeException(KeyOf(type, e.Quantity), e.Value, e.Problem, e.Limit, source);
            }
        }
    }

    private const string Expected = "a Hugging Face config.json: a JSON object with model_type and the shape's keys";

    // "'h' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 0." → its first sentence; the place is the exception's own.
    private static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.');

    // The key of the family that sets a shape's field (a count beyond 64 bits is put on the layers, which multiply it).
    private static string KeyOf(string type, string field) => (type, field) switch
    {
        ("gpt2", "layers" or "parameters") => "n_layer",
        ("gpt2", "dModel" or "headSize") => "n_embd",
        ("gpt2", "heads" or "kvHeads") => "n_head",
        ("gpt2", "ffnSize") => "n_inner",
        ("gpt2", "learnedPositions") => "n_positions",
        (_, "layers" or "parameters") => "num_hidden_layers",
        (_, "dModel") => "hidden_size",
        (_, "heads") => "num_attention_heads",
        (_, "kvHeads") => "num_key_value_heads",
        (_, "headSize") => "head_dim",
        (_, "ffnSize") => "intermediate_size",
        (_, "vocabulary") => "vocab_size",
        ("mixtral", "experts") => "num_local_experts",
        ("qwen2_moe", "experts") => "num_experts",
        (_, "experts") => "n_routed_experts",
        (_, "activeExperts") => "num_experts_per_tok",
        (_, "sharedExperts") => "n_shared_experts",
        ("mixtral", "expertFfnSize") => "intermediate_size",
        (_, "expertFfnSize") => "moe_intermediate_size",
        (_, "sharedExpertFfnSize") => "shared_expert_intermediate_size",
        ("qwen2_moe", "denseLayers") => "decoder_sparse_step",
        (_, "denseLayers") => "first_k_dense_replace",
        (_, "queryRank") => "q_lora_rank",
        (_, "kvRank") => "kv_lora_rank",
        (_, "nopeHeadSize") => "qk_nope_head_dim",
        (_, "ropeHeadSize") => "qk_rope_head_dim",
        (_, "valueHeadSize") => "v_head_dim",
        _ => field,
    };

    // The range a key may take: the options' bounds (ShapeLimits); 0 only where the family allows none.
    private static (int Min, int Max) Range(string key) => key switch
    {
        "num_hidden_layers" or "n_layer" or "decoder_sparse_step" => (1, ShapeLimits.MaxLayers),
        "first_k_dense_replace" => (0, ShapeLimits.MaxLayers),
        "hidden_size" or "n_embd" or "head_dim" or "kv_lora_rank" or "q_lora_rank" or "qk_nope_head_dim" or "qk_rope_head_dim" or "v_head_dim" => (1, ShapeLimits.MaxWidth),
        "num_attention_heads" or "num_key_value_heads" or "n_head" => (1, ShapeLimits.MaxHeads),
        "intermediate_size" or "n_inner" or "moe_intermediate_size" or "shared_expert_intermediate_size" => (1, ShapeLimits.MaxFfn),
        "vocab_size" => (1, ShapeLimits.MaxVocabulary),
        "max_position_embeddings" or "n_positions" => (1, ShapeLimits.MaxContext),
        "num_local_experts" or "num_experts" or "n_routed_experts" or "num_experts_per_tok" => (1, ShapeLimits.MaxExperts),
        "n_shared_experts" => (0, ShapeLimits.MaxExperts),
        _ => (1, int.MaxValue),
    };

    private static (TransformerShape, int?) LlamaFamily(string type, Reader r, MixtureOfExperts? experts, LatentAttention? latent)
    {
        if (r.Bool("attention_bias", false) || r.Bool("mlp_bias", false))
        {
            throw new InvalidShapeException("attention_bias", double.NaN, "attention_bias/mlp_bias true is not counted; give a config without them.", "no biases", r.Source);
        }

        var family = type switch
        {
            "qwen2" => ParameterConventions.Qwen2,
            "qwen2_moe" => r.Bool("qkv_bias", true) ? ParameterConventions.Qwen2 with { Name = type } : ParameterConventions.Llama with { Name = type },
            "gemma" => ParameterConventions.Gemma,
            "gemma2" => ParameterConventions.Gemma2,
            "phi3" => ParameterConventions.Phi3,
            "llama" => ParameterConventions.Llama,
            _ => ParameterConventions.Llama with { Name = type },
        };
        var conventions = family with { TiedEmbeddings = r.Bool("tie_word_embeddings", TiedByDefault.Contains(type)) };
        int heads = r.Int("num_attention_heads");
        var shape = TransformerShape.Create(
            r.Int("num_hidden_layers"), r.Int("hidden_size"), heads, r.OptionalInt("num_key_value_heads") ?? heads,
            r.OptionalInt("head_dim"), r.Int("intermediate_size"), r.Int("vocab_size"), conventions, experts, latent);
        return (shape, r.OptionalInt("max_position_embeddings", useDefault: false));
    }

    private static MixtureOfExperts Experts(string type, Reader r) => type switch
    {
        // Mixtral (Jiang et al. 2024): every layer's FFN is num_local_experts experts of intermediate_size.
        "mixtral" => MixtureOfExperts.Create(r.Int("num_local_experts"), r.Int("num_experts_per_tok"), r.Int("intermediate_size")),

        // Qwen-MoE: one shared expert of shared_expert_intermediate_size with a sigmoid gate of d; MoE in every
        // decoder_sparse_step-th layer outside mlp_only_layers, the others dense of intermediate_size.
        "qwen2_moe" => MixtureOfExperts.Create(
            r.Int("num_experts"), r.Int("num_experts_per_tok"), r.Int("moe_intermediate_size"), sharedExperts: 1,
            sharedExpertFfnSize: r.Int("shared_expert_intermediate_size"), denseLayers: QwenDenseLayers(r), sharedExpertGate: true),

        // DeepSeekMoE (V2 arXiv 2405.04434 §2.2; V3 arXiv 2412.19437 §2.1.2): n_shared_experts shared experts of
        // moe_intermediate_size; V3's router carries a bias per expert (auxiliary-loss-free balancing).
        _ => MixtureOfExperts.Create(
            r.Int("n_routed_experts"), r.Int("num_experts_per_tok"), r.Int("moe_intermediate_size"), sharedExperts: r.OptionalInt("n_shared_experts") ?? 0,
            denseLayers: r.Int("first_k_dense_replace"), routerBias: type == "deepseek_v3"),
    };

    private static int QwenDenseLayers(Reader r)
    {
        int layers = r.Int("num_hidden_layers");
        int step = r.Int("decoder_sparse_step");
        if (step <= 0)
        {
            throw new InvalidShapeException("decoder_sparse_step", step, $"must be at least 1, got {step.ToString(CultureInfo.InvariantCulture)}.", "at least 1", r.Source);
        }

        if (r.IntList("mlp_only_layers") is { Count: > 0 })
        {
            throw new InvalidShapeException("mlp_only_layers", double.NaN, "(dense layers at chosen positions) is not counted; give a config without it.", "absent", r.Source);
        }

        // transformers' Qwen2MoeDecoderLayer: layer i is sparse when (i + 1) % decoder_sparse_step == 0.
        return layers - (layers / step);
    }

    private static LatentAttention Latent(Reader r) => LatentAttention.Create(
        r.OptionalInt("q_lora_rank"), r.Int("kv_lora_rank"), r.Int("qk_nope_head_dim"), r.Int("qk_rope_head_dim"), r.Int("v_head_dim"));

    private static (TransformerShape, int?) Gpt2(Reader r)
    {
        int positions = r.Int("n_positions");
        var conventions = ParameterConventions.Gpt2 with { LearnedPositions = positions, TiedEmbeddings = r.Bool("tie_word_embeddings", true) };
        int d = r.Int("n_embd");
        var shape = TransformerShape.Create(r.Int("n_layer"), d, r.Int("n_head"), ffnSize: r.OptionalInt("n_inner") ?? (4 * d), vocabulary: r.Int("vocab_size"), conventions: conventions);
        return (shape, positions);
    }

    private static (TransformerShape, int?) GptNeoX(Reader r)
    {
        var conventions = ParameterConventions.GptNeoX with { TiedEmbeddings = r.Bool("tie_word_embeddings", false) };
        var shape = TransformerShape.Create(
            r.Int("num_hidden_layers"), r.Int("hidden_size"), r.Int("num_attention_heads"), ffnSize: r.Int("intermediate_size"), vocabulary: r.Int("vocab_size"), conventions: conventions);
        return (shape, r.OptionalInt("max_position_embeddings", useDefault: false));
    }

    private sealed class Reader(JsonElement root, string source, Dictionary<string, int> defaults)
    {
        private readonly List<string> defaulted = [];

        public string Source => source;

        public IReadOnlyList<string> Defaulted => defaulted;

        public int Int(string key) =>
            OptionalInt(key) ?? throw new InvalidShapeException(key, double.NaN, "is missing; a config of this model_type needs it.", "present", source);

        public int? OptionalInt(string key, bool useDefault = true)
        {
            // An explicit null is the configuration class's None (DeepSeek-V2-Lite's q_lora_rank: no query latent), not
            // a missing key: only an absent key takes the family's default, as transformers' keyword defaults do.
            if (root.TryGetProperty(key, out var given) && given.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (!root.TryGetProperty(key, out var v))
            {
                if (useDefault && defaults.TryGetValue(key, out int fallback))
                {
                    string entry = string.Create(CultureInfo.InvariantCulture, $"{key} = {fallback}");
                    if (!defaulted.Contains(entry))
                    {
                        defaulted.Add(entry);
                    }

                    return fallback;
                }

                return null;
            }

            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out long value))
            {
                throw new InvalidShapeException(key, double.NaN, $"must be a whole number, got {v.GetRawText()}.", "a whole number", source);
            }

            // Bounded like the options that set the same field, so that every count stays exact.
            var (min, max) = Range(key);
            string limit = string.Create(CultureInfo.InvariantCulture, $"from {NumberText.Whole(min)} to {NumberText.Whole(max)}");
            return value >= min && value <= max
                ? (int)value
                : throw new InvalidShapeException(key, value, string.Create(CultureInfo.InvariantCulture, $"must be a whole number {limit}, got {value}."), limit, source);
        }

        public IReadOnlyList<int>? IntList(string key)
        {
            if (!root.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.Number || !x.TryGetInt32(out _)))
            {
                throw new InvalidShapeException(key, double.NaN, $"must be a list of whole numbers, got {v.GetRawText()}.", "whole numbers", source);
            }

            return v.EnumerateArray().Select(x => x.GetInt32()).ToList();
        }

        public bool Bool(string key, bool fallback)
        {
            if (!root.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return fallback;
            }

            return v.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new InvalidShapeException(key, double.NaN, $"must be true or false, got {v.GetRawText()}.", "true or false", source),
            };
        }
    }
}
