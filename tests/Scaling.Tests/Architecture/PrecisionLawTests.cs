using FsCheck;
using FsCheck.Fluent;
using Scaling.Architecture;

namespace Scaling.Tests.Architecture;

public class PrecisionLawTests
{
    private static readonly PrecisionLaw Law = PrecisionLaw.Kumar2024;

    // Brute force: the best (N, P) on a grid at a fixed cost N·D·P, D = cost/(N·P), using the loss itself.
    private static double BestPrecisionByGrid(double cost)
    {
        double bestLoss = double.MaxValue, bestBits = 0;
        for (double bits = 2; bits <= 16; bits += 0.01)
        {
            for (double logN = 6; logN <= 14; logN += 0.01)
            {
                double n = Math.Pow(10, logN);
                double loss = Law.Loss(n, cost / (n * bits), bits);
                if (loss < bestLoss)
                {
                    (bestLoss, bestBits) = (loss, bits);
                }
            }
        }

        return bestBits;
    }

    [Theory]
    [InlineData(1e20)]
    [InlineData(1e24)]
    public void ComputeOptimalTrainingPrecision_MatchesABruteForceOptimumAtEachBudget(double cost) =>
        Assert.Equal(Law.ComputeOptimalTrainingPrecision(), BestPrecisionByGrid(cost), 0.05);

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property ComputeOptimalLoss_BestPrecisionBeatsNeighboursAtAnyBudget() =>
        Prop.ForAll(Generators.LogUniform(15, 30).ToArbitrary(), Generators.Uniform(0.5, 8).ToArbitrary(), (cost, offset) =>
        {
            double p = Law.ComputeOptimalTrainingPrecision();
            double at = Law.ComputeOptimalLoss(cost, p);
            return (at <= Law.ComputeOptimalLoss(cost, p + offset) && at <= Law.ComputeOptimalLoss(cost, Math.Max(1, p - (offset / 4))))
                .Label($"cost {cost}, P* {p}");
        });

    [Fact]
    public void EffectiveParameterFraction_MorePrecisionNeverLowersIt()
    {
        double previous = 0;
        for (int bits = 1; bits <= 32; bits++)
        {
            double f = Law.EffectiveParameterFraction(bits, bits, bits);
            Assert.True(f > previous && f < 1, $"{bits} bits: {f}");
            previous = f;
        }
    }

    [Fact]
    public void PtqGrowth_TenTimesChinchillaTokens_GrowsByTenToTheGammaD()
    {
        // Kumar et al. 2024: δ_PTQ ∝ D^γ_D / N^γ_N with γ_D = 0.5068 (Table 2).
        Assert.Equal(Math.Pow(10, 0.5068), Law.PtqGrowth(200), 12);
        Assert.Equal(Law.PtqGrowth(200), Law.PtqDegradation(1e9, 200e9, 4, 1) / Law.PtqDegradation(1e9, 20e9, 4, 1), 9);
    }

    [Fact]
    public void PtqWarning_OvertrainedLlama3Like_WarnsAndChinchillaDoesNot()
    {
        Assert.Null(Law.PtqWarning(20));
        Assert.Contains("post-training quantisation", Law.PtqWarning(1875)!, StringComparison.Ordinal); // Llama 3 8B: 15T / 8B
    }
}
