using System.Text.Json;

namespace Scaling.Architecture;

/// <summary>
/// A Hugging Face <c>config.json</c> read as a <see cref="TransformerShape"/>: the Llama family (<c>llama</c>,
/// <c>mistral</c>, <c>qwen2</c>), <c>gpt2</c> and <c>gpt_neox</c>. The core parses text it is given; reading the file
/// belongs to the caller.
/// </summary>
/// <remarks>
/// Keys read: Llama family <c>hidden_size</c>, <c>intermediate_size</c>, <c>num_hidden_layers</c>,
/// <c>num_attention_heads</c>, <c>num_key_value_heads</c> (default: the heads), <c>head_dim</c> (default
/// hidden/heads), <c>vocab_size</c>, <c>tie_word_embeddings</c> (default false); GPT-2 <c>n_embd</c>, <c>n_layer</c>,
/// <c>n_head</c>, <c>n_inner</c> (default 4·n_embd), <c>n_positions</c>, <c>vocab_size</c>; GPT-NeoX as Llama
/// without key/value heads. A config with mixture-of-experts or latent-attention keys is refused rather than miscounted.
/// <example><code>
/// var config = HuggingFaceConfig.Parse(File.ReadAllText("config.json"), "config.json");
/// config.Shape.Parameters; // 6,738,415,616 for meta-llama/Llama-2-7b-hf
/// </code></example>
/// </remarks>
public sealed record HuggingFaceConfig
{
    private static readonly string[] Supported = ["llama", "mistral", "qwen2", "gpt2", "gpt_neox"];

    // Keys of architectures whose parameters this count would get wrong.
    private static readonly string[] Unsupported =
        ["num_local_experts", "num_experts", "n_routed_experts", "moe_intermediate_size", "kv_lora_rank", "q_lora_rank"];

    private HuggingFaceConfig(string modelType, TransformerShape shape, int? contextLength)
    {
        ModelType = modelType;
        Shape = shape;
        ContextLength = contextLength;
    }

    /// <summary>The config's <c>model_type</c>, e.g. <c>llama</c>.</summary>
    public string ModelType { get; }

    /// <summary>The shape with the family's conventions.</summary>
    public TransformerShape Shape { get; }

    /// <summary>The trained context (<c>max_position_embeddings</c> or <c>n_positions</c>), when the config gives one.</summary>
    public int? ContextLength { get; }

    /// <summary>Parses config.json text; <paramref name="source"/> names it in messages (the file name the user gave).</summary>
    /// <exception cref="InvalidShapeException">Not JSON, an unsupported <c>model_type</c>, a missing or non-integer
    /// key, a mixture-of-experts or latent-attention key, or a shape that cannot exist; the message starts with
    /// <paramref name="source"/> and names the key.</exception>
    public static HuggingFaceConfig Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidShapeException("config", double.NaN, $"{source}: not valid JSON ({e.Message.Split('.')[0]}); give a Hugging Face config.json.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidShapeException("config", double.NaN, $"{source}: expected a JSON object (a Hugging Face config.json).");
            }

            foreach (string key in Unsupported)
            {
                if (root.TryGetProperty(key, out var v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.False))
                {
                    throw new InvalidShapeException(key, double.NaN, $"{source}: key '{key}' marks a mixture-of-experts or latent-attention model, which this count does not cover; give a dense model's config.");
                }
            }

            string type = root.TryGetProperty("model_type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;
            var reader = new Reader(root, source);
            try
            {
                return type switch
                {
                    "llama" or "mistral" or "qwen2" => LlamaFamily(type, reader),
                    "gpt2" => Gpt2(reader),
                    "gpt_neox" => GptNeoX(reader),
                    _ => throw new InvalidShapeException("model_type", double.NaN, $"{source}: model_type '{type}' is not supported; use a config of {string.Join(", ", Supported)}."),
                };
            }
            catch (InvalidShapeException e) when (!e.Message.StartsWith(source + ":", StringComparison.Ordinal))
            {
                throw new InvalidShapeException(e.Quantity, e.Value, $"{source}: {e.Message}");
            }
        }
    }

    private static HuggingFaceConfig LlamaFamily(string type, Reader r)
    {
        if (r.Bool("attention_bias", false) || r.Bool("mlp_bias", false))
        {
            throw new InvalidShapeException("attention_bias", double.NaN, $"{r.Source}: attention_bias/mlp_bias true is not counted; give a config without them.");
        }

        var conventions = (type == "qwen2" ? ParameterConventions.Qwen2 : ParameterConventions.Llama) with
        {
            TiedEmbeddings = r.Bool("tie_word_embeddings", false),
        };
        int heads = r.Int("num_attention_heads");
        var shape = TransformerShape.Create(
            r.Int("num_hidden_layers"), r.Int("hidden_size"), heads, r.OptionalInt("num_key_value_heads") ?? heads,
            r.OptionalInt("head_dim"), r.Int("intermediate_size"), r.Int("vocab_size"), conventions);
        return new HuggingFaceConfig(type, shape, r.OptionalInt("max_position_embeddings"));
    }

    private static HuggingFaceConfig Gpt2(Reader r)
    {
        int positions = r.Int("n_positions");
        var conventions = ParameterConventions.Gpt2 with { LearnedPositions = positions, TiedEmbeddings = r.Bool("tie_word_embeddings", true) };
        int d = r.Int("n_embd");
        var shape = TransformerShape.Create(r.Int("n_layer"), d, r.Int("n_head"), ffnSize: r.OptionalInt("n_inner") ?? (4 * d), vocabulary: r.Int("vocab_size"), conventions: conventions);
        return new HuggingFaceConfig("gpt2", shape, positions);
    }

    private static HuggingFaceConfig GptNeoX(Reader r)
    {
        var conventions = ParameterConventions.GptNeoX with { TiedEmbeddings = r.Bool("tie_word_embeddings", false) };
        var shape = TransformerShape.Create(
            r.Int("num_hidden_layers"), r.Int("hidden_size"), r.Int("num_attention_heads"), ffnSize: r.Int("intermediate_size"), vocabulary: r.Int("vocab_size"), conventions: conventions);
        return new HuggingFaceConfig("gpt_neox", shape, r.OptionalInt("max_position_embeddings"));
    }

    private sealed class Reader(JsonElement root, string source)
    {
        public string Source => source;

        public int Int(string key) =>
            OptionalInt(key) ?? throw new InvalidShapeException(key, double.NaN, $"{source}: key '{key}' is missing; a config of this model_type needs it.");

        public int? OptionalInt(string key)
        {
            if (!root.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int value))
            {
                throw new InvalidShapeException(key, double.NaN, $"{source}: key '{key}' must be a whole number, got {v.GetRawText()}.");
            }

            return value;
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
                _ => throw new InvalidShapeException(key, double.NaN, $"{source}: key '{key}' must be true or false, got {v.GetRawText()}."),
            };
        }
    }

    /// <summary>The supported <c>model_type</c> values.</summary>
    public static IReadOnlyList<string> SupportedModelTypes => Supported;
}
