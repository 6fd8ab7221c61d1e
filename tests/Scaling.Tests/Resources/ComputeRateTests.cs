using FsCheck;
using FsCheck.Fluent;
using Scaling.Hardware;
using Scaling.Resources;

namespace Scaling.Tests.Resources;

public class ComputeRateTests
{
    private static Arbitrary<ComputeRate> Rates() =>
        (from peak in Generators.LogUniform(12, 16)
         from mfu in Generators.Uniform(0.01, 1)
         from price in Generators.LogUniform(-1, 1.5)
         select ComputeRate.Create(peak, mfu, price)).ToArbitrary();

    [MathProperty]
    public Property EurosToFlopsToEuros_IsTheIdentity() =>
        Prop.ForAll(Rates(), Generators.LogUniform(0, 12).ToArbitrary(), (rate, euros) =>
        {
            double back = rate.EurosForFlops(rate.FlopsForEuros(euros));
            return (Math.Abs(back / euros - 1) <= 1e-12).Label($"{euros} → {back}");
        });

    [MathProperty]
    public Property FlopsToEurosToFlops_IsTheIdentity() =>
        Prop.ForAll(Rates(), Generators.LogUniform(15, 30).ToArbitrary(), (rate, flops) =>
        {
            double back = rate.FlopsForEuros(rate.EurosForFlops(flops));
            return (Math.Abs(back / flops - 1) <= 1e-12).Label($"{flops} → {back}");
        });

    [Fact]
    public void GpuHoursForFlops_Llama2_7B_MatchesTheFactsSheet()
    {
        // Llama 2 7B (Touvron et al. 2023, model card: 184,320 A100-80GB hours): 6 × 7e9 × 2e12 = 8.4e22 FLOPs at 312 TFLOP/s and 40% MFU → ≈ 187,000 GPU-hours.
        var rate = ComputeRate.For(HardwareCatalog.Default.Get("A100-80GB"), Precision.Bf16, 0.40);
        Assert.Equal(187_000, rate.GpuHoursForFlops(6 * 7e9 * 2e12), 187_000 * 0.005);
    }

    [Fact]
    public void FlopsForEuros_OneGpuHour_IsPeakTimesMfuTimes3600()
    {
        var rate = ComputeRate.Create(1e15, 0.5, 2);
        Assert.Equal(3600 * 1e15 * 0.5, rate.FlopsForEuros(2), 1e3);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0001)]
    [InlineData(-0.4)]
    [InlineData(double.NaN)]
    public void Create_MfuOutsideZeroToOne_IsRefused(double mfu)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ComputeRate.Create(1e15, mfu, 2));
        Assert.Equal("mfu", e.ParamName);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void FlopsForEuros_BadBudget_IsRefused(double euros) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ComputeRate.Create(1e15, 0.4, 2).FlopsForEuros(euros));

    [MathProperty]
    public Property InferenceCostWeight_IsThePriceOfAServedFlopOverATrainedOne() =>
        Prop.ForAll(Rates(), Generators.Uniform(0.01, 1).ToArbitrary(), Generators.LogUniform(-1, 1.5).ToArbitrary(), (rate, mfu, price) =>
        {
            // The same FLOPs cost w times as much served as trained, whatever the FLOPs.
            var serving = ComputeRate.Create(rate.PeakFlopsPerSecond, mfu, price);
            double expected = serving.EurosForFlops(1e20) / rate.EurosForFlops(1e20);
            double weight = rate.InferenceCostWeight(mfu, price);
            return (Math.Abs(weight / expected - 1) <= 1e-12).Label($"w {weight}, cost ratio {expected}");
        });

    [Fact]
    public void InferenceCostWeight_ServingAtHalfTheUtilisation_DoublesTheCost()
    {
        var rate = ComputeRate.Create(989e12, 0.4, 3);
        Assert.Equal(2, rate.InferenceCostWeight(0.2, 3), 12);
    }
}
