using System.Globalization;
using System.Text.Json;
using Scaling.Tests.Cli.Commands.Hardware;

namespace Scaling.Tests.Cli.Commands.Plan;

public class PlanResourcesTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, output, error) = CliRunner.Run([.. args, "--json"]);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    [Fact]
    public void BudgetEur_BuysTheFlopsOfItsGpuHoursAndCostsTheBudget()
    {
        var json = Json("plan", "--budget-eur", "2e6", "--gpu", "H100-SXM");
        // €2M at the catalog's €3.00/h = 666,667 H100-hours × 3600 s × 989e12 × 0.40.
        double gpuHours = 2e6 / 3.00;
        Assert.Equal(gpuHours * 3600 * 989e12 * 0.40, json.GetProperty("flops").GetDouble(), 1e-9 * json.GetProperty("flops").GetDouble());
        Assert.Equal(2e6, json.GetProperty("costEuros").GetDouble(), 1e-3);
        Assert.Equal(2e6, json.GetProperty("budgetEuros").GetDouble());
        Assert.Equal(gpuHours, json.GetProperty("gpuHours").GetDouble(), 1e-6);
    }

    [Fact]
    public void FlopsWithGpu_AddsConsistentResourceFields()
    {
        var json = Json("plan", "--flops", "5.76e23", "--gpu", "a100-80gb", "--gpus", "1024");
        double parameters = json.GetProperty("parameters").GetDouble();
        double gpuHours = json.GetProperty("gpuHours").GetDouble();
        Assert.Equal("A100-80GB", json.GetProperty("gpu").GetString());
        Assert.Equal(1024, json.GetProperty("gpus").GetInt32());
        Assert.Equal(5.76e23 / (3600 * 312e12 * 0.40), gpuHours, 1e-6 * gpuHours);
        Assert.Equal(gpuHours / 1024 / 24, json.GetProperty("days").GetDouble(), 1e-9);
        Assert.Equal(gpuHours * 1.85, json.GetProperty("costEuros").GetDouble(), 1e-6 * gpuHours);
        // Defaults: 400 W, overhead 0, PUE 1.1, 400 g/kWh.
        double kwh = gpuHours * 0.4 * 1.1;
        Assert.Equal(kwh, json.GetProperty("energyKilowattHours").GetDouble(), 1e-6 * kwh);
        Assert.Equal(kwh * 400 / 1e6, json.GetProperty("co2Tonnes").GetDouble(), 1e-9 * kwh);
        Assert.Equal(16 * parameters, json.GetProperty("trainingMemoryBytes").GetDouble(), 1e-3 * parameters);
        var weights = json.GetProperty("weightsMemoryBytes");
        Assert.Equal(4 * parameters, weights.GetProperty("fp32").GetDouble(), 1e-3 * parameters);
        Assert.Equal(2 * parameters, weights.GetProperty("bf16").GetDouble(), 1e-3 * parameters);
        Assert.Equal(0.5 * parameters, weights.GetProperty("int4").GetDouble(), 1e-3 * parameters);
        Assert.False(json.GetProperty("activationsIncluded").GetBoolean());
    }

    [Fact]
    public void FlopsWithGpu_GivesWaterAndEmbodiedCarbonFromTheirOptions()
    {
        var json = Json("plan", "--flops", "5.76e23", "--gpu", "a100-80gb", "--gpus", "1024", "--pue", "1.2",
            "--wue", "0.3", "--water-intensity", "2", "--hardware-lifetime-years", "4", "--embodied-kg-per-gpu", "200");
        double gpuHours = json.GetProperty("gpuHours").GetDouble();
        double kwh = json.GetProperty("energyKilowattHours").GetDouble();
        var water = json.GetProperty("waterLitres");
        // Li et al. 2023: on site kWh / PUE × WUE, off site kWh × the grid's water intensity.
        Assert.Equal(kwh / 1.2 * 0.3, water.GetProperty("onSite").GetDouble(), 1e-9 * kwh);
        Assert.Equal(kwh * 2, water.GetProperty("offSite").GetDouble(), 1e-9 * kwh);
        Assert.Equal(water.GetProperty("onSite").GetDouble() + water.GetProperty("offSite").GetDouble(), water.GetProperty("total").GetDouble(), 1e-9 * kwh);
        // Luccioni et al. 2023: (200 kg per GPU + 2,500 kg per server of 8) over 4 years at 85%.
        Assert.Equal(gpuHours * (200 + 2500 / 8.0) / (4 * 8760 * 0.85) / 1000, json.GetProperty("embodiedCo2Tonnes").GetDouble(), 1e-9 * gpuHours);
        Assert.Equal(0.3, json.GetProperty("wueLitresPerKilowattHour").GetDouble());
        Assert.Equal(4, json.GetProperty("hardwareLifetimeYears").GetDouble());
    }

    [Fact]
    public void WithoutAPowerFigure_WaterIsNullButEmbodiedCarbonIsKnown()
    {
        var json = Json("plan", "--flops", "1e23", "--gpu", "TPUv5p");
        Assert.Equal(JsonValueKind.Null, json.GetProperty("waterLitres").ValueKind);
        Assert.True(json.GetProperty("embodiedCo2Tonnes").GetDouble() > 0);
    }

    [Fact]
    public void FlopsWithGpu_KeepsTheExistingFields()
    {
        var plain = Json("plan", "--flops", "5.76e23");
        var withGpu = Json("plan", "--flops", "5.76e23", "--gpu", "H100-SXM");
        foreach (var field in plain.EnumerateObject())
        {
            Assert.Equal(field.Value.GetRawText(), withGpu.GetProperty(field.Name).GetRawText());
        }
    }

    [Fact]
    public void FlopsWithoutGpu_HasNoResourceFields() =>
        Assert.False(Json("plan", "--flops", "5.76e23").TryGetProperty("gpus", out _));

    [Fact]
    public void Overrides_ReplaceTheCatalogValues()
    {
        var json = Json(
            "plan", "--flops", "1e24", "--gpu", "H100-SXM", "--gpus", "4096", "--eur-per-gpu-hour", "2", "--peak-tflops", "500",
            "--watts-per-gpu", "1000", "--pue", "1", "--overhead", "0.5", "--grid-gco2-per-kwh", "0", "--mfu", "0.5");
        double gpuHours = 1e24 / (3600 * 500e12 * 0.5);
        Assert.Equal(gpuHours, json.GetProperty("gpuHours").GetDouble(), 1e-6 * gpuHours);
        Assert.Equal(2 * gpuHours, json.GetProperty("costEuros").GetDouble(), 1e-6 * gpuHours);
        Assert.Equal(gpuHours * 1.0 * 1.5, json.GetProperty("energyKilowattHours").GetDouble(), 1e-6 * gpuHours);
        Assert.Equal(0, json.GetProperty("co2Tonnes").GetDouble());
    }

    [Fact]
    public void Days_PicksTheFewestGpusThatMeetTheDeadline()
    {
        var json = Json("plan", "--flops", "1e24", "--gpu", "H100-SXM", "--days", "30");
        Assert.Equal("meets-deadline", json.GetProperty("gpuCountReason").GetString());
        Assert.InRange(json.GetProperty("days").GetDouble(), 29, 30);
    }

    [Fact]
    public void SeedTableRecipe_Fp32_Takes80BytesPerParameter()
    {
        var json = Json("plan", "--parameters", "1e9", "--gpu", "A100-80GB", "--precision", "fp32", "--bytes-per-parameter", "seed-table");
        // The precision table of the article 'KI-Effizienztechniken': 80 GB per 1B parameters for FP32 training.
        Assert.Equal(80e9, json.GetProperty("trainingMemoryBytes").GetDouble(), 1e3);
        Assert.Equal(19.5e12, json.GetProperty("peakFlopsPerSecond").GetDouble());
    }

    [Fact]
    public void Prose_ReadsLikeAMemo()
    {
        var (code, output, _) = CliRunner.Run("plan", "--budget-eur", "2e6", "--gpu", "H100-SXM", "--days", "30");
        Assert.Equal(0, code);
        Assert.Contains("Memo: €2M buys", output, StringComparison.Ordinal);
        Assert.Contains("× H100-SXM in BF16", output, StringComparison.Ordinal);
        Assert.Contains("How long: 29.9 days on 928 GPUs", output, StringComparison.Ordinal);
        Assert.Contains("the fewest whole 8-GPU nodes that finish within the 30-day\n            deadline", output, StringComparison.Ordinal);
        Assert.Contains("How much: €2M at €3.00 per GPU-hour", output, StringComparison.Ordinal);
        Assert.Contains("t CO₂", output, StringComparison.Ordinal);
        Assert.Contains("40% MFU", output, StringComparison.Ordinal);
        Assert.Contains("Not included: activations", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Prose_GivesWaterAndEmbodiedCarbon()
    {
        var (code, output, error) = CliRunner.Run("plan", "--flops", "5.76e23", "--gpu", "H100-SXM", "--days", "60");
        Assert.True(code == 0, error);
        Assert.Contains("Water:    1.13M L", output, StringComparison.Ordinal);
        Assert.Contains("Embodied: 4.19 t CO₂", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Prose_WithoutPowerFigure_SaysEnergyIsUnknown()
    {
        var (code, output, _) = CliRunner.Run("plan", "--flops", "1e23", "--gpu", "TPUv5p");
        Assert.Equal(0, code);
        Assert.Contains("--watts-per-gpu", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Prose_UnderACommaDecimalCulture_PrintsInvariantNumbers()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var (code, output, _) = CliRunner.Run("plan", "--flops", "1e24", "--gpu", "H100-SXM", "--gpus", "2048", "--mfu", "0.45");
            Assert.Equal(0, code);
            Assert.Contains("2,048 × H100-SXM", output, StringComparison.Ordinal);
            Assert.Contains("45% MFU", output, StringComparison.Ordinal);
            Assert.Contains("€3.00", output, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void UserCatalog_CanBePlannedOn()
    {
        string path = HardwareCommandTests.TempCsv("name,bf16_tflops,memory_gb,watts,eur_per_gpu_hour\nMyChip,100,200,300,1\n");
        try
        {
            var json = Json("plan", "--flops", "3.6e20", "--gpu", "mychip", "--hardware", path, "--mfu", "1");
            Assert.Equal(1000, json.GetProperty("gpuHours").GetDouble(), 1e-9);
            Assert.Equal(1000, json.GetProperty("costEuros").GetDouble(), 1e-9);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--gpu", "H100-SXM, H200", "plan", "--flops", "1e24", "--gpu", "X100")]
    [InlineData("--mfu", "(0, 1]", "plan", "--flops", "1e24", "--gpu", "H100-SXM", "--mfu", "0")]
    [InlineData("--mfu", "(0, 1]", "plan", "--flops", "1e24", "--gpu", "H100-SXM", "--mfu", "1.2")]
    [InlineData("--budget-eur", "greater than 0", "plan", "--budget-eur", "-5", "--gpu", "H100-SXM")]
    [InlineData("--budget-eur", "greater than 0", "plan", "--budget-eur", "NaN", "--gpu", "H100-SXM")]
    [InlineData("--budget-eur", "--gpu", "plan", "--budget-eur", "2e6")]
    [InlineData("--mfu", "--gpu", "plan", "--flops", "1e24", "--mfu", "0.5")]
    [InlineData("--gpus-per-node", "whole number", "plan", "--flops", "1e24", "--gpu", "H100-SXM", "--gpus-per-node", "0")]
    [InlineData("--budget-eur", "not both", "plan", "--budget-eur", "2e6", "--flops", "1e24", "--gpu", "H100-SXM")]
    [InlineData("--gpus", "at least 16", "plan", "--parameters", "70e9", "--gpu", "H100-SXM", "--gpus", "4")]
    [InlineData("--days", "deadline", "plan", "--flops", "1e24", "--gpu", "H100-SXM", "--gpus", "64", "--days", "5")]
    [InlineData("--days", "shortest possible", "plan", "--flops", "1e27", "--gpu", "H100-SXM", "--days", "1", "--max-gpus", "10000")]
    [InlineData("--days", "greater than 0", "plan", "--flops", "1e24", "--gpu", "H100-SXM", "--days", "0")]
    [InlineData("--gpus", "whole number", "plan", "--flops", "1e24", "--gpu", "H100-SXM", "--gpus", "2.5")]
    [InlineData("--precision", "bf16", "plan", "--flops", "1e24", "--gpu", "A100-80GB", "--precision", "fp8")]
    [InlineData("--precision", "fp12", "plan", "--flops", "1e24", "--gpu", "A100-80GB", "--precision", "fp12")]
    [InlineData("--pue", "at least 1", "plan", "--flops", "1e24", "--gpu", "H100-SXM", "--pue", "0.9")]
    [InlineData("--overhead", "at least 0", "plan", "--flops", "1e24", "--gpu", "H100-SXM", "--overhead", "-0.1")]
    [InlineData("--grid-gco2-per-kwh", "at least 0", "plan", "--flops", "1e24", "--gpu", "H100-SXM", "--grid-gco2-per-kwh", "-1")]
    [InlineData("--bytes-per-parameter", "adamw16", "plan", "--flops", "1e24", "--gpu", "H100-SXM", "--bytes-per-parameter", "lots")]
    [InlineData("--bytes-per-parameter", "greater than 0", "plan", "--flops", "1e24", "--gpu", "H100-SXM", "--bytes-per-parameter", "-16")]
    [InlineData("--eur-per-gpu-hour", "greater than 0", "plan", "--flops", "1e24", "--gpu", "H100-SXM", "--eur-per-gpu-hour", "0")]
    [InlineData("--usable-memory", "(0, 1]", "plan", "--flops", "1e24", "--gpu", "H100-SXM", "--usable-memory", "1.5")]
    [InlineData("--wue", "at least 0", "plan", "--flops", "1e24", "--gpu", "H100-SXM", "--wue", "-0.5")]
    [InlineData("--water-intensity", "at least 0", "plan", "--flops", "1e24", "--gpu", "H100-SXM", "--water-intensity", "NaN")]
    [InlineData("--hardware-lifetime-years", "greater than 0", "plan", "--flops", "1e24", "--gpu", "H100-SXM", "--hardware-lifetime-years", "0")]
    [InlineData("--embodied-kg-per-gpu", "at least 0", "plan", "--flops", "1e24", "--gpu", "H100-SXM", "--embodied-kg-per-gpu", "-150")]
    [InlineData("--hardware-utilisation", "(0, 1]", "plan", "--flops", "1e24", "--gpu", "H100-SXM", "--hardware-utilisation", "1.2")]
    [InlineData("--wue", "--gpu", "plan", "--flops", "1e24", "--wue", "0.3")]
    public void BadResourceInput_ExitsWithCode2AndOneLineNamingTheOption(string option, string detail, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        PlanCommandTests.AssertOneLineError(code, output, error, option, detail);
    }

    [Fact]
    public void DefaultPlan_FinishesWithinTheDefaultScheduleOnWholeNodes()
    {
        // Gopher's budget on H100-SXM: on main 17 GPUs for 991 days; now the fewest whole nodes for 90 days.
        var (code, output, _) = CliRunner.Run("plan", "--flops", "5.76e23", "--gpu", "H100-SXM");
        Assert.Equal(0, code);
        Assert.Contains("How long: 87.8 days on 192 GPUs", output, StringComparison.Ordinal);
        Assert.Contains("the fewest whole 8-GPU nodes that finish within the default", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Warning", output, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanLongerThanAYear_WarnsInWords()
    {
        var (code, output, _) = CliRunner.Run("plan", "--flops", "5.76e23", "--gpu", "H100-SXM", "--gpus", "17");
        Assert.Equal(0, code);
        Assert.Contains("Warning:  2.72 years is longer than anyone would wait for one run", output, StringComparison.Ordinal);
    }

    [Fact]
    public void OneGpu_IsSingular()
    {
        // On main: "7.02 hours on 1 GPUs".
        var (code, output, _) = CliRunner.Run("plan", "--flops", "1e19", "--gpu", "H100-SXM");
        Assert.Equal(0, code);
        Assert.Contains("7.02 hours on 1 GPU (", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b1 GPUs", output);
    }
}
