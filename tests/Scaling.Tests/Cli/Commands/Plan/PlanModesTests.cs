using System.Text.Json;

namespace Scaling.Tests.Cli.Commands.Plan;

/// <summary><c>scaling plan --unique-tokens</c> and <c>--inference-tokens</c> (issue 8).</summary>
public class PlanModesTests
{
    [Fact]
    public void UniqueTokens_Json_AddsFieldsAndKeepsThePlainOnes()
    {
        var root = RunJson("plan", "--flops", "1e24", "--unique-tokens", "100e9", "--json");
        Assert.Equal("muennighoff2023", root.GetProperty("law").GetString());
        double parameters = root.GetProperty("parameters").GetDouble();
        double tokens = root.GetProperty("tokens").GetDouble();
        Assert.Equal(1e24, 6 * parameters * tokens, 1e24 * 1e-9);
        Assert.Equal(tokens / 100e9, root.GetProperty("epochs").GetDouble(), 9);
        Assert.True(root.GetProperty("effectiveTokens").GetDouble() < tokens);
        Assert.True(root.GetProperty("loss").GetDouble() > root.GetProperty("unconstrainedLoss").GetDouble());

        // 27 epochs: both warnings apply (Muennighoff et al. 2023, §5: returns fall past ~4 epochs).
        var warnings = root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.Contains("epochs is past", StringComparison.Ordinal));
    }

    [Fact]
    public void UniqueTokens_Abundant_RecoversTheUnconstrainedPlan()
    {
        var constrained = RunJson("plan", "--flops", "1e23", "--unique-tokens", "1e16", "--json");
        var plain = RunJson("plan", "--flops", "1e23", "--law", "muennighoff2023", "--json");
        double expected = plain.GetProperty("parameters").GetDouble();
        Assert.Equal(expected, constrained.GetProperty("parameters").GetDouble(), expected * 1e-6);
        Assert.Empty(constrained.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public void UniqueTokens_Prose_WarnsPastFourEpochs()
    {
        var (code, output, error) = CliRunner.Run("plan", "--flops", "1e24", "--unique-tokens", "100e9");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("epochs over 100B unique tokens", output, StringComparison.Ordinal);
        Assert.Contains("Warning:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void InferenceTokens_ReproducesSardanaExample()
    {
        // Sardana et al. 2024 (arXiv 2401.00448): the Chinchilla-optimal 13B model of the unrounded Hoffmann
        // law (D0 6.17e11) serving 2e12 tokens is beaten by ≈7.1e9 parameters on ≈1.30e12 tokens, saving ≈16%.
        double budget = 6 * 13e9 * 6.17e11;
        var root = RunJson("plan", "--flops", budget.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            "--inference-tokens", "2e12", "--law", "hoffmann2022-unrounded", "--json");
        Assert.Equal(7.1e9, root.GetProperty("parameters").GetDouble(), 7.1e9 * 0.03);
        Assert.Equal(1.30e12, root.GetProperty("tokens").GetDouble(), 1.30e12 * 0.03);
        Assert.Equal(0.16, root.GetProperty("savingFraction").GetDouble(), 0.01);
        Assert.Equal(budget, root.GetProperty("budgetFlops").GetDouble(), budget * 1e-9);
        double total = root.GetProperty("flops").GetDouble() + root.GetProperty("inferenceFlops").GetDouble();
        Assert.Equal(total, root.GetProperty("totalFlops").GetDouble(), total * 1e-12);
    }

    [Fact]
    public void InferenceTokens_Zero_IsTheChinchillaPlan()
    {
        var root = RunJson("plan", "--flops", "1e24", "--inference-tokens", "0", "--json");
        double chinchilla = root.GetProperty("chinchillaParameters").GetDouble();
        Assert.Equal(chinchilla, root.GetProperty("parameters").GetDouble(), chinchilla * 1e-6);
        Assert.Equal(0, root.GetProperty("savingFraction").GetDouble(), 9);
    }

    [Fact]
    public void InferenceTokens_CheaperInference_ShrinksTheSavings()
    {
        var full = RunJson("plan", "--flops", "1e24", "--inference-tokens", "5e12", "--json");
        var cheap = RunJson("plan", "--flops", "1e24", "--inference-tokens", "5e12", "--inference-cost-weight", "0.25", "--json");
        Assert.True(cheap.GetProperty("parameters").GetDouble() >= full.GetProperty("parameters").GetDouble());
        Assert.True(cheap.GetProperty("savingFraction").GetDouble() <= full.GetProperty("savingFraction").GetDouble());
    }

    [Fact]
    public void InferenceTokens_EuroForm_PricesServingAtItsOwnUtilisation()
    {
        var root = RunJson("plan", "--budget-eur", "2e6", "--gpu", "H100-SXM", "--inference-tokens", "5e12", "--inference-mfu", "0.2", "--json");

        // Serving at half the training MFU (0.40 by default) makes an inference FLOP cost two training FLOPs.
        Assert.Equal(2.0, root.GetProperty("inferenceCostWeight").GetDouble(), 12);
        double eurosPerFlop = root.GetProperty("costEuros").GetDouble() / root.GetProperty("flops").GetDouble();
        double servingEuros = 2.0 * root.GetProperty("inferenceFlops").GetDouble() * eurosPerFlop;
        double total = root.GetProperty("costEuros").GetDouble() + servingEuros;
        Assert.Equal(total, root.GetProperty("totalCostEuros").GetDouble(), total * 1e-9);
        Assert.True(root.GetProperty("totalCostEuros").GetDouble() < root.GetProperty("chinchillaTotalCostEuros").GetDouble());

        // The Chinchilla model is what 2e6 euros of training buys.
        double budgetFlops = root.GetProperty("budgetFlops").GetDouble();
        Assert.Equal(2e6, budgetFlops * eurosPerFlop, 2e6 * 1e-9);
    }

    [Fact]
    public void InferenceOption_WithUniqueTokens_NamesTheOptionGiven()
    {
        var (code, output, error) = CliRunner.Run("plan", "--flops", "1e24", "--unique-tokens", "1e11", "--inference-mfu", "0.3");
        PlanCommandTests.AssertOneLineError(code, output, error, "--inference-mfu", "--unique-tokens");
    }

    [Fact]
    public void InferenceMfu_WithoutGpu_IsOneLineError()
    {
        var (code, output, error) = CliRunner.Run("plan", "--flops", "1e24", "--inference-tokens", "1e12", "--inference-mfu", "0.3");
        PlanCommandTests.AssertOneLineError(code, output, error, "--inference-mfu", "--gpu");
    }

    [Theory]
    [InlineData("--unique-tokens", "-5", "--unique-tokens", "-5")]
    [InlineData("--unique-tokens", "NaN", "--unique-tokens", "NaN")]
    [InlineData("--inference-tokens", "-1", "--inference-tokens", "-1")]
    [InlineData("--inference-tokens", "lots", "--inference-tokens", "lots")]
    public void BadModeValue_IsOneLineError(string option, string value, string named, string detail)
    {
        var (code, output, error) = CliRunner.Run("plan", "--flops", "1e24", option, value);
        PlanCommandTests.AssertOneLineError(code, output, error, named, detail);
    }

    [Fact]
    public void Mode_WithoutFlops_IsOneLineError()
    {
        var (code, output, error) = CliRunner.Run("plan", "--parameters", "7e9", "--unique-tokens", "1e11");
        PlanCommandTests.AssertOneLineError(code, output, error, "--unique-tokens", "--flops");
    }

    [Fact]
    public void BothModes_IsOneLineError()
    {
        var (code, output, error) = CliRunner.Run("plan", "--flops", "1e24", "--unique-tokens", "1e11", "--inference-tokens", "1e12");
        PlanCommandTests.AssertOneLineError(code, output, error, "--unique-tokens", "not both");
    }

    [Fact]
    public void AllocationRule_IsOneLineError()
    {
        var (code, output, error) = CliRunner.Run("plan", "--flops", "1e24", "--inference-tokens", "1e12", "--law", "tokens20");
        PlanCommandTests.AssertOneLineError(code, output, error, "--inference-tokens", "allocation rule");
    }

    private static JsonElement RunJson(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
