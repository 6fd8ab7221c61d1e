using System.Text.Json;

namespace Scaling.Tests.Cli.Commands.Architecture;

public class ArchitectureCommandTests
{
    [Fact]
    public void Architecture_Llama2Config_JsonCarriesTheExactCountAndKvCache()
    {
        var (code, output, error) = CliRunner.Run("architecture", "--config", RepositoryFiles.Path("data/configs/llama-2-7b.json"), "--json");
        Assert.Equal((0, string.Empty), (code, error));
        var root = JsonDocument.Parse(output).RootElement;
        // meta-llama/Llama-2-7b-hf: 6,738,415,616 parameters; KV cache 2·32·32·128·2 = 524,288 B/token in BF16.
        Assert.Equal(6_738_415_616L, root.GetProperty("parameters").GetInt64());
        Assert.Equal(524_288, root.GetProperty("kvCacheBytesPerToken").GetDouble());
        Assert.Equal(4096, root.GetProperty("context").GetInt32());
        Assert.Equal(6_738_415_616.0 / 2, root.GetProperty("weightsBytes").GetProperty("int4").GetDouble());
        foreach (string field in new[] { "nonEmbeddingParameters", "layers", "dModel", "heads", "kvHeads", "headSize", "ffnSize", "vocabulary", "flopsPerToken" })
        {
            Assert.True(root.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public void Architecture_ParametersWithTokens_ProposesAShapeWithLearningRateAndBatch()
    {
        var (code, output, _) = CliRunner.Run("architecture", "--parameters", "70e9", "--tokens", "1.4e12", "--json");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.InRange(root.GetProperty("parameters").GetDouble() / 70e9, 0.99, 1.01);
        Assert.InRange(root.GetProperty("learningRate").GetDouble(), 1e-5, 1e-2);
        Assert.True(root.GetProperty("batchTokens").GetDouble() > 1e6);
    }

    [Fact]
    public void Architecture_OvertrainedLikeLlama3_JsonCarriesThePtqPenaltyAndWarning()
    {
        // Llama 3 8B's 15T tokens on 8B parameters (1875 tokens/parameter): Kumar et al. 2024, Eq. 2 with Table 2.
        var (code, output, _) = CliRunner.Run("architecture", "--parameters", "8e9", "--tokens", "15e12", "--json");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        var ptq = root.GetProperty("ptq");
        double parameters = root.GetProperty("parameters").GetDouble();
        var expected = Scaling.Architecture.PrecisionLaw.Kumar2024.Outlook(parameters, 15e12);
        Assert.True(ptq.GetProperty("costly").GetBoolean());
        Assert.Equal(expected.Int4LossPenalty, ptq.GetProperty("int4LossPenalty").GetDouble(), 12);
        Assert.Equal(expected.Int8LossPenalty, ptq.GetProperty("int8LossPenalty").GetDouble(), 15);
        Assert.Contains("INT4", root.GetProperty("ptqWarning").GetString(), StringComparison.Ordinal);
        Assert.True(root.GetProperty("kaplanCriticalBatchTokens").GetDouble() > 1e6);
    }

    [Fact]
    public void Architecture_Prose_SaysWhatIsLeftOut()
    {
        var (code, output, _) = CliRunner.Run("architecture", "--layers", "80", "--d-model", "8192", "--heads", "64", "--kv-heads", "8", "--ffn", "28672");
        Assert.Equal(0, code);
        Assert.Contains("Left out:", output, StringComparison.Ordinal);
        Assert.Contains("327,680 B/token", output, StringComparison.Ordinal); // 2·80·8·128·2
    }

    [Theory]
    [InlineData("--kv-heads", "architecture", "--layers", "32", "--d-model", "4096", "--heads", "32", "--kv-heads", "5")]
    [InlineData("--parameters", "architecture", "--parameters", "70e9", "--layers", "3")]
    [InlineData("--conventions", "architecture", "--parameters", "7e9", "--conventions", "t5")]
    [InlineData("--config", "architecture", "--config", "/no/such/config.json")]
    public void Architecture_BadInput_ExitsTwoWithOneLineNamingTheOption(string option, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains(option, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Architecture_UncountedMoeLayout_ExitsTwoNamingTheFileAndKey()
    {
        string path = Path.Combine(Path.GetTempPath(), $"moe-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"model_type": "qwen2_moe", "mlp_only_layers": [0, 1]}""");
        try
        {
            var (code, _, error) = CliRunner.Run("architecture", "--config", path);
            Assert.Equal(2, code);
            Assert.Contains(path, error, StringComparison.Ordinal);
            Assert.Contains("mlp_only_layers", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Architecture_MixtralFlags_JsonCarriesTotalAndActiveParametersAndExperts()
    {
        // Mixtral-8x7B (Mistral AI 2023): 46,702,792,704 parameters in the checkpoint, 12.9B used per token.
        var (code, output, error) = CliRunner.Run(
            "architecture", "--layers", "32", "--d-model", "4096", "--heads", "32", "--kv-heads", "8", "--ffn", "14336", "--experts", "8", "--active-experts", "2", "--json");
        Assert.Equal((0, string.Empty), (code, error));
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(46_702_792_704L, root.GetProperty("parameters").GetInt64());
        Assert.Equal(12.9, Math.Round(root.GetProperty("activeParameters").GetInt64() / 1e9, 1));
        Assert.Equal((8, 2), (root.GetProperty("experts").GetInt32(), root.GetProperty("activeExperts").GetInt32()));
    }

    [Fact]
    public void Architecture_DeepSeekV3Config_ProseNamesTheLatentCacheAndTheActiveCount()
    {
        var (code, output, _) = CliRunner.Run("architecture", "--config", RepositoryFiles.Path("data/configs/deepseek-v3.json"));
        Assert.Equal(0, code);
        Assert.Contains("70,272 B/token", output, StringComparison.Ordinal); // 61 layers · (512 + 64) · 2 bytes
        Assert.Contains("671,026,419,200", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Architecture_Qwen2ConfigWithoutContext_CostsTheDefaultContextNotMaxPositionEmbeddings()
    {
        var (code, output, _) = CliRunner.Run("architecture", "--config", RepositoryFiles.Path("data/configs/qwen2-7b.json"), "--json");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal((4096, "default", 131_072), (root.GetProperty("context").GetInt32(), root.GetProperty("contextSource").GetString(), root.GetProperty("maxContext").GetInt32()));
        Assert.True(root.GetProperty("flopsPerToken").GetDouble() < 1.2 * 6 * root.GetProperty("parameters").GetDouble());
    }

    [Fact]
    public void Parameters7B_ProposesLayersThatSplitIntoPipelineStages()
    {
        // On main: 33 layers, which no pipeline splits evenly; now 32, as Llama 2 7B.
        var (code, output, _) = CliRunner.Run("architecture", "--parameters", "7e9", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        int layers = json.RootElement.GetProperty("layers").GetInt32();
        Assert.Equal(0, layers % 4);
        Assert.InRange(json.RootElement.GetProperty("parameters").GetDouble() / 7e9, 0.99, 1.01);
    }

    [Fact]
    public void ParametersWithoutTokens_SaysLearningRateAndBatchNeedTokens()
    {
        var (code, output, _) = CliRunner.Run("architecture", "--parameters", "7e9");
        Assert.Equal(0, code);
        Assert.Contains("Learning rate and batch size need the training tokens: add --tokens D", output, StringComparison.Ordinal);
    }
}
