using FsCheck;
using FsCheck.Fluent;
using Scaling.Hardware;
using Scaling.Resources;

namespace Scaling.Tests.Resources;

public class EmbodiedCarbonTests
{
    // Luccioni et al. 2023, "Estimating the Carbon Footprint of BLOOM" (JMLR 24:253): 384 A100-80GB in 48 servers,
    // 1,082,990 GPU-hours for the final training run.
    private const double BloomGpuHours = 1_082_990;

    [Fact]
    public void Co2Tonnes_BloomsSetup_IsThePapers11Point2Tonnes()
    {
        // Luccioni et al. 2023: embodied emissions 11.2 t CO₂eq (150 kg per GPU, 2,500 kg per server of 8, six years at 85%).
        double tonnes = EmbodiedCarbon.Create().Co2Tonnes(BloomGpuHours);
        Assert.Equal(11.2, tonnes, 0.05);
    }

    [Fact]
    public void BloomsFootprint_DynamicIdleAndEmbodied_AddUpToThePapers50Point5Tonnes()
    {
        // Luccioni et al. 2023: dynamic 24.7 t (1,082,990 GPU-hours at 400 W on France's 57 gCO₂eq/kWh grid), idle
        // 14.6 t (256,646 kWh of idle infrastructure power on the same grid), embodied 11.2 t; 50.5 t in all.
        var grid = CarbonIntensity.Create(57);
        double dynamic = grid.Co2Tonnes(EnergyModel.Create(400, overhead: 0, pue: 1).KilowattHours(BloomGpuHours));
        double idle = grid.Co2Tonnes(256_646);
        double embodied = EmbodiedCarbon.Create().Co2Tonnes(BloomGpuHours);
        Assert.Equal(24.7, dynamic, 0.05);
        Assert.Equal(14.6, idle, 0.05);
        Assert.Equal(50.5, dynamic + idle + embodied, 0.1);
    }

    [Fact]
    public void Parts_GpusAndServers_AddUpToTheWhole()
    {
        var model = EmbodiedCarbon.Create();
        Assert.Equal(model.Co2Tonnes(BloomGpuHours), model.GpuCo2Tonnes(BloomGpuHours) + model.ServerCo2Tonnes(BloomGpuHours), 1e-9);
    }

    [MathProperty]
    public Property Co2Tonnes_IsLinearInGpuHoursAndKilograms_AndInverseInLifetimeAndUtilisation() =>
        Prop.ForAll(
            Generators.LogUniform(0, 9).ToArbitrary(),
            (from years in Generators.Uniform(1, 10) from utilisation in Generators.Uniform(0.05, 1) select (years, utilisation)).ToArbitrary(),
            Generators.Uniform(1, 4).ToArbitrary(),
            (hours, life, factor) =>
            {
                var (years, utilisation) = life;
                var model = EmbodiedCarbon.Create(150, 2500, 8, years, utilisation);
                double t = model.Co2Tonnes(hours);
                bool linearHours = Close(model.Co2Tonnes(hours * factor), t * factor);
                bool linearKilograms = Close(EmbodiedCarbon.Create(150 * factor, 2500 * factor, 8, years, utilisation).Co2Tonnes(hours), t * factor);
                bool inverseLife = Close(EmbodiedCarbon.Create(150, 2500, 8, years * factor, utilisation).Co2Tonnes(hours), t / factor);
                bool inverseUse = Close(EmbodiedCarbon.Create(150, 2500, 8, years, utilisation / factor).Co2Tonnes(hours), t * factor);
                return (linearHours && linearKilograms && inverseLife && inverseUse).Label($"t = {t}");
            });

    [MathProperty]
    public Property Co2Tonnes_FallsAsMoreGpusShareAServer() =>
        Prop.ForAll(Gen.Choose(1, 63).ToArbitrary(), gpus =>
            (EmbodiedCarbon.Create(gpusPerServer: gpus + 1).Co2Tonnes(1e6) < EmbodiedCarbon.Create(gpusPerServer: gpus).Co2Tonnes(1e6)).Label($"{gpus} GPUs per server"));

    [Fact]
    public void ResourcePlan_EmbodiedCo2_FollowsTheAssumptions()
    {
        var assumptions = new ResourceAssumptions(HardwareCatalog.Default.Get("A100-80GB")) { HardwareLifetimeYears = 4, EmbodiedKilogramsPerGpu = 300 };
        var plan = ResourcePlan.Create(1e23, 7e9, assumptions);
        Assert.Equal(EmbodiedCarbon.Create(300, 2500, 8, 4, 0.85).Co2Tonnes(plan.GpuHours), plan.EmbodiedCo2Tonnes, 1e-12);
    }

    [Theory]
    [InlineData(-1, 2500, 8, 6, 0.85, "kilogramsPerGpu")]
    [InlineData(150, -1, 8, 6, 0.85, "kilogramsPerServer")]
    [InlineData(150, 2500, 0, 6, 0.85, "gpusPerServer")]
    [InlineData(150, 2500, 8, 0, 0.85, "lifetimeYears")]
    [InlineData(150, 2500, 8, 6, 1.5, "utilisation")]
    public void Create_InvalidValue_NamesTheField(double perGpu, double perServer, int gpus, double years, double utilisation, string field) =>
        Assert.Equal(field, Assert.Throws<ArgumentOutOfRangeException>(() => EmbodiedCarbon.Create(perGpu, perServer, gpus, years, utilisation)).ParamName);

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-12 * Math.Max(Math.Abs(a), Math.Abs(b)) + 1e-300;
}
