using Scaling.Allocation;
using Scaling.Campaign;
using Scaling.Fitting.Approach3;
using Scaling.Fitting.Runs;
using Scaling.Laws;

namespace Scaling.Tests.Campaign;

/// <summary>
/// The asymmetric fit loss (<see cref="ParametricFitOptions.OverPredictionWeight"/>) on simulated campaigns: it helps
/// when the noise is one-sided (runs only come out worse than the law) and hurts when it is symmetric.
/// </summary>
public class AsymmetricLossTests
{
    private static readonly LossLaw Unrounded = LawPresets.Hoffmann2022Unrounded.LossLaw;
    private static readonly CampaignDesign Design = CampaignDesigner.Design(ComputeOptimalFrontier.Create(Unrounded), 1e24, 4.1e22);

    // The relative error of the median predicted optimal loss at 1e24 over 40 simulated campaigns.
    private static double LossBias(LossNoise noise, double overPredictionWeight)
    {
        var options = new SimulationOptions
        {
            Noise = noise,
            Trials = 40,
            Resamples = 0,
            Approach2 = false,
            Seed = 8,
            FitOptions = new ParametricFitOptions { OverPredictionWeight = overPredictionWeight },
        };
        var simulation = CampaignSimulator.Simulate(Design, Unrounded, options);
        return (simulation.Approach3.Loss!.Estimate / simulation.TrueOptimum.Loss) - 1;
    }

    [Fact]
    public void OneSidedNoise_AsymmetricLossPredictsTheTargetLossCloserToTheTruth()
    {
        // Exponential noise with mean 2% in log-loss: the symmetric (median-like) fit sits about 2%·ln 2 ≈ 1.4% above the law.
        double symmetric = LossBias(LossNoise.Exponential(0.02), 1);
        double asymmetric = LossBias(LossNoise.Exponential(0.02), 10);
        Assert.True(symmetric > 0.005, $"symmetric bias {symmetric:P2}");
        Assert.True(Math.Abs(asymmetric) < Math.Abs(symmetric) / 2, $"asymmetric {asymmetric:P2} vs symmetric {symmetric:P2}");
    }

    [Fact]
    public void SymmetricNoise_AsymmetricLossIsBiasedLow()
    {
        double symmetric = LossBias(LossNoise.Gaussian(0.02), 1);
        double asymmetric = LossBias(LossNoise.Gaussian(0.02), 10);
        Assert.True(asymmetric < symmetric, $"asymmetric {asymmetric:P2} vs symmetric {symmetric:P2}");
        Assert.True(Math.Abs(asymmetric) > Math.Abs(symmetric), $"asymmetric {asymmetric:P2} vs symmetric {symmetric:P2}");
    }

    [Fact]
    public void Options_OverPredictionWeightBelowOne_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ParametricFit.Fit(Design.Runs.Select(r => TrainingRun.Create(r.Parameters, r.Tokens, 2.5 + (1e-9 * r.Parameters))).ToArray(), new ParametricFitOptions { OverPredictionWeight = 0.5 }));
}
