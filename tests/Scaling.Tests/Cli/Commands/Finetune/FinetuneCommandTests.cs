using System.Text.Json;
using Scaling.Architecture;
using Scaling.FineTuning;
using Scaling.Hardware;
using Scaling.Resources;
using Scaling.Tests.Cli.Commands.Plan;

namespace Scaling.Tests.Cli.Commands.Finetune;

public class FinetuneCommandTests
{
    // LLaMA 65B (Touvron et al. 2023, Table 2) and GPT-3 175B (Brown et al. 2020, Table 2.1) as explicit shapes.
    private static readonly string[] Llama65B = ["--layers", "80", "--d-model", "8192", "--heads", "64", "--ffn", "22016"];
    private static readonly string[] Gpt3 = ["--layers", "96", "--d-model", "12288", "--heads", "96", "--ffn", "49152", "--vocabulary", "50257", "--conventions", "gpt2"];

    private static JsonElement Json(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(["finetune", .. args, "--json"]);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    [Theory]
    // Hu et al. 2021, Table 4 and App. D.4: GPT-3 175B with 4.7M (r_q = r_v = 1) and 37.7M (r_q = r_v = 8) trainable parameters.
    [InlineData("1", 4_718_592)]
    [InlineData("8", 37_748_736)]
    public void Lora_Gpt3_TrainsHuEtAlsParameterCounts(string rank, long trainable)
    {
        var json = Json([.. Gpt3, "--method", "lora", "--rank", rank, "--adapt", "q,v", "--tokens", "1e8"]);
        Assert.Equal(trainable, json.GetProperty("trainableParameters").GetInt64());
    }

    [Fact]
    public void QLora_Llama65B_FitsOneFortyEightGigabyteGpu()
    {
        // Dettmers et al. 2023: LLaMA 65B fine-tuned on a single 48 GB GPU (r = 64 on every linear layer, the defaults of --method qlora).
        var json = Json([.. Llama65B, "--method", "qlora", "--tokens", "1e8", "--gpu", "A100-80GB", "--memory-gb", "48", "--usable-memory", "1", "--context", "2048"]);
        Assert.Equal(1, json.GetProperty("gpus").GetInt32());
        Assert.True(json.GetProperty("memoryPerGpuBytes").GetDouble() < 48e9);
        Assert.Equal(64, json.GetProperty("adapterRanks").GetProperty("down").GetInt32());
    }

    [Fact]
    public void Json_HasTheIssuesFields_EqualToTheLibrarysPlan()
    {
        var json = Json([.. Llama65B, "--method", "full", "--tokens", "1e9", "--gpu", "A100-80GB"]);
        var shape = TransformerShape.Create(80, 8192, 64, ffnSize: 22016, vocabulary: 32000);
        var assumptions = new ResourceAssumptions(HardwareCatalog.Default.Get("A100-80GB")) { Recipe = TrainingStateRecipe.SixteenBitAdamW };
        var plan = FineTuningPlan.Create(shape, new FineTuningMethod.Full(), 1e9, assumptions, ActivationMemory.Bytes(shape, 4096, 1, Recomputation.Full));
        Assert.Equal(plan.TrainableParameters, json.GetProperty("trainableParameters").GetInt64());
        Assert.Equal(plan.MemoryPerGpuBytes, json.GetProperty("memoryPerGpuBytes").GetDouble(), 1e-6);
        Assert.Equal(plan.Gpus, json.GetProperty("gpus").GetInt32());
        Assert.Equal(plan.Resources.Days, json.GetProperty("days").GetDouble(), 1e-12);
        Assert.Equal(plan.Resources.CostEuros, json.GetProperty("costEuros").GetDouble(), 1e-9);
        Assert.Equal("adamw12", json.GetProperty("trainingStateRecipe").GetString());
    }

    [Fact]
    public void Transfer_SaysWhatTheDataIsWorthFromScratch()
    {
        var json = Json("--parameters", "7e9", "--method", "lora", "--tokens", "1e8", "--transfer", "text-to-python", "--characters-per-token", "4");
        var transfer = json.GetProperty("transfer");
        double n = transfer.GetProperty("nonEmbeddingParameters").GetDouble();
        // Hernandez et al. 2021, Table 1, in tokens of 4 characters: D_T = 1.9e4 · 4^(0.18−1) · D_F^0.18 · N^0.38.
        double expected = 1.9e4 * Math.Pow(4, 0.18 - 1) * Math.Pow(1e8, 0.18) * Math.Pow(n, 0.38);
        Assert.Equal(expected, transfer.GetProperty("transferredTokens").GetDouble(), expected * 1e-12);
        Assert.Equal(6 * n * (1e8 + expected), transfer.GetProperty("fromScratchFlops").GetDouble(), 6 * n * expected * 1e-12);
    }

    [Fact]
    public void Prose_NamesTheMethodMemoryAndCost()
    {
        var (code, output, error) = CliRunner.Run(["finetune", .. Llama65B, "--method", "qlora", "--tokens", "1e8"]);
        Assert.True(code == 0, error);
        Assert.Contains("QLoRA (q r=64, k r=64, v r=64, o r=64, gate r=64, up r=64, down r=64)", output, StringComparison.Ordinal);
        Assert.Contains("  How much: €", output, StringComparison.Ordinal);
        Assert.Contains("CO₂ embodied in the hardware", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--method", "full, lora or qlora", "--parameters", "7e9", "--tokens", "1e9")]
    [InlineData("--method", "full", "--parameters", "7e9", "--tokens", "1e9", "--method", "dora")]
    [InlineData("--rank", "adapters need", "--parameters", "7e9", "--tokens", "1e9", "--method", "full", "--rank", "8")]
    [InlineData("--rank", "whole number", "--parameters", "7e9", "--tokens", "1e9", "--method", "lora", "--rank", "0")]
    [InlineData("--adapt", "'x'", "--parameters", "7e9", "--tokens", "1e9", "--method", "lora", "--adapt", "q,x")]
    [InlineData("--tokens", "--tokens 1e9", "--parameters", "7e9", "--method", "lora")]
    [InlineData("--tokens", "at least 1", "--parameters", "7e9", "--method", "lora", "--tokens", "0.5")]
    [InlineData("--parameters", "exactly one", "--method", "lora", "--tokens", "1e9")]
    [InlineData("--budget-eur", "--tokens", "--parameters", "7e9", "--method", "lora", "--tokens", "1e9", "--budget-eur", "1e5")]
    [InlineData("--gpus", "at least", "--parameters", "70e9", "--method", "full", "--tokens", "1e9", "--gpu", "H100-SXM", "--gpus", "2")]
    [InlineData("--gpus", "--gpu NAME", "--parameters", "70e9", "--method", "full", "--tokens", "1e9", "--gpus", "2")]
    [InlineData("--micro-batch", "activations", "--parameters", "70e9", "--method", "lora", "--tokens", "1e9", "--micro-batch", "64", "--recompute", "none")]
    [InlineData("--characters-per-token", "--transfer", "--parameters", "7e9", "--method", "lora", "--tokens", "1e9", "--characters-per-token", "4")]
    [InlineData("--transfer", "--characters-per-token", "--parameters", "7e9", "--method", "lora", "--tokens", "1e9", "--transfer", "text-to-python")]
    [InlineData("--transfer", "text-to-python", "--parameters", "7e9", "--method", "lora", "--tokens", "1e9", "--transfer", "text-to-cobol")]
    [InlineData("--experts", "dense", "--layers", "32", "--d-model", "4096", "--heads", "32", "--experts", "8", "--active-experts", "2", "--method", "lora", "--tokens", "1e9")]
    public void BadInput_ExitsWithCode2AndOneLineNamingTheOption(string option, string detail, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(["finetune", .. args]);
        PlanCommandTests.AssertOneLineError(code, output, error, option, detail);
    }
}
