using FsCheck;
using FsCheck.Fluent;
using Scaling.Hardware;
using Scaling.Resources;

namespace Scaling.Tests.Resources;

public class WaterModelTests
{
    // GPT-3's training energy, 1,287 MWh (Patterson et al. 2021, arXiv 2104.10350, Table 4), is server energy in Li et
    // al. 2023 ("Making AI Less Thirsty", arXiv 2304.03271, Table 1): the grid energy is it times Microsoft's U.S.
    // average PUE, 1.17.
    private const double Gpt3ServerKilowattHours = 1_287_000;
    private const double MicrosoftUsPue = 1.17;

    [Fact]
    public void OnSite_Gpt3UnderLiEtAlWue_IsThePapers700000Litres()
    {
        var water = WaterModel.Create().Litres(Gpt3ServerKilowattHours * MicrosoftUsPue, MicrosoftUsPue);
        // Li et al. 2023, abstract and Table 1: training GPT-3 in Microsoft's U.S. data centres "can directly evaporate
        // 700,000 liters" at the U.S. average on-site WUE of 0.55 L/kWh: 1,287,000 kWh × 0.55 = 707,850 L.
        Assert.Equal(707_850, water.OnSite, 1e-6);
        Assert.Equal(700_000, water.OnSite, 700_000 * 0.015);
    }

    [Fact]
    public void Total_Gpt3UnderLiEtAlDefaults_IsThePapers5Point4MillionLitres()
    {
        var water = WaterModel.Create().Litres(Gpt3ServerKilowattHours * MicrosoftUsPue, MicrosoftUsPue);
        // Li et al. 2023, Table 1 (U.S. average): off site 1,287 MWh × 1.17 × 3.142 L/kWh = 4.731 million L; on and
        // off site together 5.4 million L.
        Assert.Equal(4.731e6, water.OffSite, 0.001e6);
        Assert.Equal(5.4e6, water.Total, 0.05e6);
    }

    [Fact]
    public void Defaults_AreLiEtAlsUsAverages()
    {
        var water = WaterModel.Create();
        Assert.Equal(0.55, water.WueLitresPerKilowattHour);
        Assert.Equal(3.142, water.WaterIntensityLitresPerKilowattHour);
    }

    [MathProperty]
    public Property Litres_AreLinearInEnergy_AndEachSideDependsOnlyOnItsOwnFactor() =>
        Prop.ForAll(
            Generators.LogUniform(0, 9).ToArbitrary(),
            Generators.Uniform(1, 2).ToArbitrary(),
            (from wue in Generators.Uniform(0, 10) from intensity in Generators.Uniform(0, 10) select (wue, intensity)).ToArbitrary(),
            (kwh, pue, factors) =>
            {
                var (wue, intensity) = factors;
                var model = WaterModel.Create(wue, intensity);
                var one = model.Litres(kwh, pue);
                var twice = model.Litres(2 * kwh, pue);
                var otherIntensity = WaterModel.Create(wue, intensity + 1).Litres(kwh, pue);
                var otherWue = WaterModel.Create(wue + 1, intensity).Litres(kwh, pue);
                bool linear = Close(twice.OnSite, 2 * one.OnSite) && Close(twice.OffSite, 2 * one.OffSite);
                bool separate = otherIntensity.OnSite == one.OnSite && otherWue.OffSite == one.OffSite;
                bool sum = Close(one.Total, one.OnSite + one.OffSite);
                return (linear && separate && sum).Label($"{one} → {twice}");
            });

    [MathProperty]
    public Property OnSite_RecoversTheServerEnergy() =>
        Prop.ForAll(Generators.LogUniform(0, 9).ToArbitrary(), Generators.Uniform(1, 2).ToArbitrary(), Generators.Uniform(0.01, 10).ToArbitrary(), (serverKwh, pue, wue) =>
        {
            // The inverse: on-site litres / WUE is the server energy, whatever the PUE.
            var water = WaterModel.Create(wue, 3).Litres(serverKwh * pue, pue);
            return Close(water.OnSite / wue, serverKwh).Label($"{water.OnSite / wue} vs {serverKwh}");
        });

    [Fact]
    public void ResourcePlan_WithoutAPowerFigure_HasNoWaterButEmbodiedCarbon()
    {
        var plan = ResourcePlan.Create(1e23, 7e9, new ResourceAssumptions(HardwareCatalog.Default.Get("TPUv5p")));
        Assert.Null(plan.Water);
        Assert.True(plan.EmbodiedCo2Tonnes > 0);
    }

    [Fact]
    public void ResourcePlan_Water_IsTheModelOfItsEnergyAndPue()
    {
        var assumptions = new ResourceAssumptions(HardwareCatalog.Default.Get("H100-SXM")) { Pue = 1.3, WueLitresPerKilowattHour = 1.8, WaterIntensityLitresPerKilowattHour = 2.2 };
        var plan = ResourcePlan.Create(1e23, 7e9, assumptions);
        var expected = WaterModel.Create(1.8, 2.2).Litres(plan.KilowattHours!.Value, 1.3);
        Assert.Equal(expected, plan.Water);
    }

    [Theory]
    [InlineData(-1, 3, "wueLitresPerKilowattHour")]
    [InlineData(0.5, double.NaN, "waterIntensityLitresPerKilowattHour")]
    public void Create_InvalidValue_NamesTheField(double wue, double intensity, string field) =>
        Assert.Equal(field, Assert.Throws<ArgumentOutOfRangeException>(() => WaterModel.Create(wue, intensity)).ParamName);

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-12 * Math.Max(Math.Abs(a), Math.Abs(b)) + 1e-300;
}
