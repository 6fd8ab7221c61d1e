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
    [InlineData("""{"model_type": "mixtral", "num_local_experts": 8}""", "num_local_experts")]
    [InlineData("""{"model_type": "llama", "hidden_size": 4096}""", "num_attention_heads")]
    [InlineData("""{"model_type": "llama", "hidden_size": "4096", "intermediate_size": 1, "num_hidden_layers": 1, "num_attention_heads": 1, "vocab_size": 1}""", "hidden_size")]
    [InlineData("""{"model_type": "llama", "hidden_size": 4096, "intermediate_size": 11008, "num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 6, "vocab_size": 32000}""", "kvHeads")]
    [InlineData("not json", "config")]
    public void Parse_BadConfig_ThrowsNamingTheKeyAndTheFile(string json, string quantity)
    {
        var e = Assert.Throws<InvalidShapeException>(() => HuggingFaceConfig.Parse(json, "my.json"));
        Assert.Equal(quantity, e.Quantity);
        Assert.StartsWith("my.json: ", e.Message, StringComparison.Ordinal);
    }
}
