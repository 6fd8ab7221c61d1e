using FsCheck;
using FsCheck.Fluent;
using Scaling.Resources;

namespace Scaling.Tests.Resources;

public class EnergyModelTests
{
    // Touvron et al. 2023 (Llama 2), model card: Llama 2 7B / 13B / 70B, 184,320 / 368,640 / 1,720,320 A100-80GB hours at 400 W (model card),
    // 31.22 / 62.44 / 291.42 tCO₂e; the same factor, 0.4235 kg/kWh, reproduces all three from the hours.
    [Theory]
    [InlineData(184_320, 31.22)]
    [InlineData(368_640, 62.44)]
    [InlineData(1_720_320, 291.42)]
    public void Co2_Llama2FromPublishedGpuHours_MatchesTheModelCard(double gpuHours, double tonnes)
    {
        var energy = EnergyModel.Create(wattsPerGpu: 400, overhead: 0, pue: 1);
        double co2 = CarbonIntensity.Create(423.5).Co2Tonnes(energy.KilowattHours(gpuHours));
        Assert.Equal(tonnes, co2, tonnes * 0.005);
    }

    [Fact]
    public void KilowattHours_Llama2_70B_Is688MegawattHours() =>
        Assert.Equal(688_128, EnergyModel.Create(400, 0, 1).KilowattHours(1_720_320), 1e-6);

    [Fact]
    public void KilowattHours_AppliesOverheadAndPue() =>
        Assert.Equal(1 * 0.7 * 1.25 * 1.1, EnergyModel.Create(700, 0.25, 1.1).KilowattHours(1), 1e-12);

    [MathProperty]
    public Property EnergyAndCo2_ScaleLinearlyWithGpuHours() =>
        Prop.ForAll(
            Generators.LogUniform(0, 8).ToArbitrary(),
            Generators.LogUniform(-3, 3).ToArbitrary(),
            Generators.Uniform(0, 1000).ToArbitrary(),
            (gpuHours, factor, grams) =>
            {
                var energy = EnergyModel.Create(700, 0.1, 1.2);
                var carbon = CarbonIntensity.Create(grams);
                double kwh = energy.KilowattHours(gpuHours);
                double scaledKwh = energy.KilowattHours(gpuHours * factor);
                double co2 = carbon.Co2Tonnes(kwh);
                double scaledCo2 = carbon.Co2Tonnes(scaledKwh);
                bool energyLinear = Math.Abs(scaledKwh - (factor * kwh)) <= 1e-12 * scaledKwh;
                bool co2Linear = Math.Abs(scaledCo2 - (factor * co2)) <= 1e-12 * Math.Max(scaledCo2, 1e-300);
                return (energyLinear && co2Linear).Label($"kWh {kwh} → {scaledKwh}, t {co2} → {scaledCo2}");
            });

    [Theory]
    [InlineData(0, 0, 1.1, "wattsPerGpu")]
    [InlineData(700, -0.1, 1.1, "overhead")]
    [InlineData(700, 0, 0.9, "pue")]
    [InlineData(700, 0, double.NaN, "pue")]
    public void Create_InvalidValue_NamesTheField(double watts, double overhead, double pue, string field)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => EnergyModel.Create(watts, overhead, pue));
        Assert.Equal(field, e.ParamName);
    }

    [Fact]
    public void Carbon_ZeroIntensity_IsAllowed() => Assert.Equal(0, CarbonIntensity.Create(0).Co2Tonnes(1e6));

    [Fact]
    public void Carbon_NegativeIntensity_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CarbonIntensity.Create(-1));
}
