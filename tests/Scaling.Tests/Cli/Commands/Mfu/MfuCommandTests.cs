using System.Text.Json;

namespace Scaling.Tests.Cli.Commands.Mfu;

public class MfuCommandTests
{
    // PaLM 540B (Chowdhery et al. 2022, Table 1 and App. B): 118 layers, d_model 18,432, 48 heads of 256, multi-query,
    // FFN 4·d_model, a 256k vocabulary, 2,048-token sequences; 238.3k tokens/s on 6,144 TPU v4.
    private static readonly string[] Palm =
    [
        "mfu", "--layers", "118", "--d-model", "18432", "--heads", "48", "--kv-heads", "1", "--head-size", "256", "--ffn", "73728",
        "--vocabulary", "256000", "--context", "2048", "--tokens-per-second", "238.3e3", "--gpus", "6144", "--gpu", "TPUv4",
    ];

    [Fact]
    public void Mfu_Palm540BWithPalmConventions_Is46Point2Percent()
    {
        var (code, output, error) = CliRunner.Run([.. Palm, "--conventions", "palm", "--json"]);
        Assert.Equal((0, string.Empty), (code, error));
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(46.2, Math.Round(root.GetProperty("modelFlopsUtilization").GetDouble() * 100, 1));
        Assert.Equal(540.35, Math.Round(root.GetProperty("parameters").GetDouble() / 1e9, 2));
    }

    [Fact]
    public void Mfu_Palm540BWithLlamaConventions_Overcounts()
    {
        var (code, output, _) = CliRunner.Run([.. Palm, "--json"]);
        Assert.Equal(0, code);
        Assert.Equal(46.6, Math.Round(JsonDocument.Parse(output).RootElement.GetProperty("modelFlopsUtilization").GetDouble() * 100, 1));
    }

    [Fact]
    public void Mfu_Prose_StatesTheCountAndTheHardwareUtilisationWithRecomputation()
    {
        var (code, output, _) = CliRunner.Run([.. Palm, "--conventions", "palm", "--recompute", "full"]);
        Assert.Equal(0, code);
        Assert.StartsWith("MFU 46.2%", output, StringComparison.Ordinal);
        Assert.Contains("Hardware FLOPs utilisation with full recomputation", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Mfu_MixtralConfig_CountsTheActivePath()
    {
        var (code, output, _) = CliRunner.Run(
            "mfu", "--config", RepositoryFiles.Path("data/configs/mixtral-8x7b-v0.1.json"), "--tokens-per-second", "1e5", "--gpus", "64", "--gpu", "H100-SXM", "--flops-per-token", "6n", "--json");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        double expected = 6.0 * root.GetProperty("activeParameters").GetDouble() * 1e5 / 64 / 989e12;
        Assert.Equal(expected, root.GetProperty("modelFlopsUtilization").GetDouble(), 12);
    }
}
