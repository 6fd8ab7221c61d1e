using System.Text.Json;

namespace Scaling.Tests.Cli.Commands.Plan;

public class PlanArchitectureTests
{
    [Fact]
    public void Plan_Architecture_JsonAddsShapeLearningRateAndBatch()
    {
        var (code, output, _) = CliRunner.Run("plan", "--flops", "5.76e23", "--architecture", "--json");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        var shape = root.GetProperty("architecture");
        Assert.InRange(shape.GetProperty("parameters").GetDouble() / root.GetProperty("parameters").GetDouble(), 0.99, 1.01);
        Assert.True(root.GetProperty("learningRate").GetDouble() > 0);
        Assert.True(root.GetProperty("batchTokens").GetDouble() > 0);
        Assert.Equal("6n", root.GetProperty("flopsPerTokenCounting").GetString());
    }

    [Fact]
    public void Plan_ExactFlopsPerToken_SpendsTheBudgetOnFewerTokensThanSixN()
    {
        var (code, output, _) = CliRunner.Run("plan", "--flops", "5.76e23", "--architecture", "--flops-per-token", "exact", "--json");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        double tokens = root.GetProperty("tokens").GetDouble();
        double perToken = root.GetProperty("architecture").GetProperty("flopsPerToken").GetDouble();
        // The exact count spends the whole budget: D · FLOPs per token = C.
        Assert.Equal(5.76e23, tokens * perToken, 5.76e23 * 1e-12);
        Assert.True(tokens < root.GetProperty("tokensBy6N").GetDouble());
    }

    [Fact]
    public void Plan_Architecture_ProseShowsTheShapeAndTheLearningRate()
    {
        var (code, output, _) = CliRunner.Run("plan", "--flops", "1e22", "--architecture");
        Assert.Equal(0, code);
        Assert.Contains("Architecture for this plan:", output, StringComparison.Ordinal);
        Assert.Contains("Learning rate", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--flops-per-token", "plan", "--flops", "1e22", "--flops-per-token", "exact")]
    [InlineData("--flops-per-token", "plan", "--flops", "1e22", "--architecture", "--flops-per-token", "approx")]
    public void Plan_ArchitectureOptionsMisused_ExitTwoNamingTheOption(string option, params string[] args)
    {
        var (code, _, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Contains(option, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ArchitectureWithGpu_SaysPerGpuTrainingMemoryAndServingGpus()
    {
        var (code, output, _) = CliRunner.Run("plan", "--flops", "5.76e23", "--gpu", "H100-SXM", "--days", "90", "--architecture", "--json");
        Assert.Equal(0, code);
        var architecture = JsonDocument.Parse(output).RootElement.GetProperty("architecture");
        Assert.InRange(architecture.GetProperty("trainingBytesPerGpu").GetDouble(), 1e9, 72e9);
        Assert.True(architecture.GetProperty("servingGpus").GetProperty("int4").GetInt32() <= architecture.GetProperty("servingGpus").GetProperty("bf16").GetInt32());
    }

    [Fact]
    public void Plan_FewestGpusForTheTrainingState_SaysActivationsDoNotFit()
    {
        // The fewest GPUs that hold the training state alone (17 for 72B): with activations on top it cannot train.
        var (code, output, _) = CliRunner.Run("plan", "--flops", "5.76e23", "--gpu", "H100-SXM", "--gpus", "17", "--architecture");
        Assert.Equal(0, code);
        Assert.Contains("does NOT fit", output, StringComparison.Ordinal);
    }
}
