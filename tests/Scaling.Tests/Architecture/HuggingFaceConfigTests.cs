using Scaling.Architecture;

namespace Scaling.Tests.Architecture;

public class HuggingFaceConfigTests
{
    private static HuggingFaceConfig Read(string file) =>
        HuggingFaceConfig.Parse(File.ReadAllText(RepositoryFiles.Path("data/configs/" + file)), file);

    [Theory]
    // Published counts (sum of each model's safetensors, as its Hugging Face page reports them).
    [InlineData("llama-2-7b.json", 6_738_415_616L)]
    [InlineData("mistral-7b-v0.1.json", 7_241_732_096L)]
    [InlineData("qwen2-0.5b.json", 494_032_768L)]
    [InlineData("gpt2.json", 124_439_808L)]
    [InlineData("pythia-160m.json", 162_322_944L)]
    [InlineData("qwen2-7b.json", 7_615_616_512L)]
    [InlineData("gemma-7b.json", 8_537_680_896L)]
    [InlineData("gemma-2b.json", 2_506_172_416L)]
    [InlineData("phi-3-mini-4k.json", 3_821_079_552L)]

    // Mixtral-8x7B: the sum of the checkpoint's tensors (every expert resident), Mistral AI's 46.7B.
    [InlineData("mixtral-8x7b-v0.1.json", 46_702_792_704L)]
    public void Parse_PublicConfig_CountsExactlyThePublishedParameters(string file, long parameters) =>
        Assert.Equal(parameters, Read(file).Shape.Parameters);

    [Fact]
    public void Parse_Pythia160M_NonEmbeddingCountMatchesPythiaTable()
    {
        // Biderman et al. 2023 (Pythia), Table 1: 85,056,000 non-embedding parameters for Pythia-160M.
        Assert.Equal(85_056_000L, Read("pythia-160m.json").Shape.NonEmbeddingParameters);
    }

    [Fact]
    public void Parse_Mistral_ReadsGroupedQueryAttention()
    {
        var shape = Read("mistral-7b-v0.1.json").Shape;
        Assert.Equal((32, 8, 128), (shape.Heads, shape.KvHeads, shape.HeadSize));
    }

    [Theory]
    [InlineData("""{"model_type": "t5", "d_model": 512}""", "model_type")]
    [InlineData("""{"model_type": "deepseek_v2", "hidden_size": 2048}""", "num_experts_per_tok")]
    [InlineData("""{"model_type": "gemma2", "hidden_size": 4096}""", "num_attention_heads")]
    [InlineData("""{"model_type": "qwen2_moe", "decoder_sparse_step": 0}""", "decoder_sparse_step")]
    [InlineData("""{"model_type": "llama", "hidden_size": "4096", "intermediate_size": 1, "num_hidden_layers": 1, "num_attention_heads": 1, "vocab_size": 1}""", "hidden_size")]
    [InlineData("""{"model_type": "llama", "hidden_size": 4096, "intermediate_size": 11008, "num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 6, "vocab_size": 32000}""", "num_key_value_heads")]
    [InlineData("""{"model_type": "llama", "hidden_size": 4096, "intermediate_size": 11008, "num_hidden_layers": 10001, "num_attention_heads": 32, "vocab_size": 32000}""", "num_hidden_layers")]
    [InlineData("""{"model_type": "llama", "hidden_size": 4096, "intermediate_size": 11008, "num_hidden_layers": 32, "num_attention_heads": 32, "vocab_size": 0}""", "vocab_size")]
    public void Parse_BadConfig_ThrowsNamingTheKeyAndTheFile(string json, string quantity)
    {
        // A shape error names the config's key, not the shape's field (kvHeads), and the file (issue 24).
        var e = Assert.Throws<InvalidShapeException>(() => HuggingFaceConfig.Parse(json, "my.json"));
        Assert.Equal(quantity, e.Quantity);
        Assert.Equal("my.json", e.File);
        Assert.StartsWith($"my.json: key '{quantity}': ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("""{"model_type": "llama", "hidden_size": 1, "hidden_size": 2}""")]
    public void Parse_NotAConfigObject_ThrowsUnreadableFileNamingTheFile(string json)
    {
        var e = Assert.Throws<UnreadableFileException>(() => HuggingFaceConfig.Parse(json, "my.json"));
        Assert.Equal("my.json", e.Path);
    }

    [Fact]
    public void Parse_WidthsWithinTheLimitsThatOverflow64Bits_IsRefusedNotWrapped()
    {
        // Every key within ShapeLimits, yet 10,000 layers of 65,536 heads of 2^20 count about 2.9e21 parameters: a long
        // would wrap to a wrong, finite count (issue 24).
        string json = """{"model_type": "llama", "hidden_size": 1048576, "intermediate_size": 4194304, "num_hidden_layers": 10000, "num_attention_heads": 65536, "num_key_value_heads": 65536, "head_dim": 1048576, "vocab_size": 100000000}""";
        var e = Assert.Throws<InvalidShapeException>(() => HuggingFaceConfig.Parse(json, "my.json"));
        Assert.Equal("my.json", e.File);
    }

    [Theory]
    // Gemma Team 2024 (arXiv 2403.08295), Table 2: non-embedding parameters of Gemma 2B and 7B. (Its embedding column
    // counts a 256,128-row table; the released configs and checkpoints have 256,000.)
    [InlineData("gemma-2b.json", 1_981_884_416L)]
    [InlineData("gemma-7b.json", 7_751_248_896L)]
    public void Parse_Gemma_NonEmbeddingCountMatchesGemmaTable2(string file, long nonEmbedding) =>
        Assert.Equal(nonEmbedding, Read(file).Shape.NonEmbeddingParameters);

    [Fact]
    public void Parse_Gemma_TiesEmbeddingsAndTakesTheExplicitHeadSize()
    {
        var shape = Read("gemma-7b.json").Shape;
        Assert.Equal((true, 256, 3072), (shape.Conventions.TiedEmbeddings, shape.HeadSize, shape.DModel));
    }

    [Fact]
    public void Parse_MistralWithoutKvHeads_TakesMistralConfigsDefaultOfEight()
    {
        // transformers' MistralConfig: num_key_value_heads defaults to 8 (not one per query head).
        string json = File.ReadAllText(RepositoryFiles.Path("data/configs/mistral-7b-v0.1.json")).Replace("\"num_key_value_heads\": 8,", string.Empty, StringComparison.Ordinal);
        var config = HuggingFaceConfig.Parse(json, "mistral.json");
        Assert.Equal((8, 7_241_732_096L), (config.Shape.KvHeads, config.Shape.Parameters));
        Assert.Contains("num_key_value_heads = 8", config.DefaultedKeys);
    }

    [Fact]
    public void Parse_LlamaWithoutKvHeads_HasOneKvHeadPerQueryHead()
    {
        string json = File.ReadAllText(RepositoryFiles.Path("data/configs/llama-2-7b.json")).Replace("\"num_key_value_heads\": 32,", string.Empty, StringComparison.Ordinal);
        Assert.Equal(32, HuggingFaceConfig.Parse(json, "llama.json").Shape.KvHeads);
    }

    [Fact]
    public void Parse_Qwen2_KeepsMaxPositionEmbeddingsApartFromTheTrainingContext()
    {
        var config = Read("qwen2-7b.json");
        Assert.Equal(131_072, config.MaxContext);

        // At its maximum context the Hoffmann App. F count is 4.47 × 6N (what costing at max_position_embeddings gave).
        double ratio = TransformerFlops.PerToken(config.Shape, 131_072, FlopsCounting.Hoffmann2022) / (6.0 * config.Shape.Parameters);
        Assert.Equal(4.47, ratio, 2);
    }
}
