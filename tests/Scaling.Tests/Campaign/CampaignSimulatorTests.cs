using System.Globalization;
using Scaling.Allocation;
using Scaling.Campaign;
using Scaling.Fitting.Approach3;
using Scaling.Laws;

namespace Scaling.Tests.Campaign;

public class CampaignSimulatorTests
{
    private static readonly LossLaw Unrounded = LawPresets.Hoffmann2022Unrounded.LossLaw!;

    // Chinchilla's shape (Hoffmann et al. 2022, §3.2): nine budgets 6e18 … 3e21, here with 8 sizes each (72 runs).
    private static CampaignDesign Chinchilla(double campaignFlops = 4.1e22, int sizes = 8) =>
        CampaignDesigner.Design(ComputeOptimalFrontier.Create(Unrounded), 1e24, campaignFlops, new CampaignOptions { SizesPerBudget = sizes });

    private static readonly SimulationOptions SpreadOnly = new() { Trials = 100, Resamples = 0, Approach2 = false, Seed = 3 };

    [Fact]
    public void Simulate_NoNoise_RecoversTheTrueOptimumFromTheGrid()
    {
        // From a sample of the paper's grid, not from the truth, so the fit has to find it.
        var options = SpreadOnly with { Noise = LossNoise.Gaussian(0), Trials = 2, WarmStart = false, FitOptions = new ParametricFitOptions { Grid = InitialGrid.Hoffmann2022.Sample(300) } };
        var simulation = CampaignSimulator.Simulate(Chinchilla(), Unrounded, options);
        double truth = simulation.TrueOptimum.Parameters;
        Assert.All(simulation.Approach3.Trials, t => Assert.Equal(1, t.Parameters / truth, 1e-5));
        Assert.Equal(1, simulation.Approach3.Trials[0].Loss / simulation.TrueOptimum.Loss, 1e-7);
    }

    [Fact]
    public void Simulate_Hoffmann2022Unrounded_PerTrialIntervalsCoverTheTrueOptimumIn90To99Percent()
    {
        // 200 campaigns of Chinchilla's 72-run design with 1% Gaussian noise in log-loss; each campaign's own 95% percentile
        // bootstrap interval of N* at 1e24 (200 resamples) is checked against the true N*. Monte Carlo error of the
        // coverage: √(0.95·0.05/200) ≈ 1.5 points, so 90–99% is about ±3 standard errors around 95%.
        var simulation = CampaignSimulator.Simulate(Chinchilla(), Unrounded, new SimulationOptions { Trials = 200, Resamples = 200, Seed = 17, Approach2 = false });
        double coverage = simulation.Approach3.Coverage!.Value;
        Assert.InRange(coverage, 0.90, 0.99);
        Assert.Equal(0, simulation.Approach3.FailedTrials);
    }

    [Theory]
    [InlineData(4.1e22, 4.1e22 * 8)]   // two rungs up the ladder: 1e19 … 6e21 becomes 3e19 … 1e22
    [InlineData(1e21, 1e22)]
    public void Simulate_MoreCampaignCompute_NeverWidensTheSpreadOfNStar(double smaller, double larger)
    {
        // Common random numbers (the same seed) make the two widths positively correlated, so the independent-errors
        // allowance of 2·√(se₁² + se₂²) is conservative.
        var small = CampaignSimulator.Simulate(Chinchilla(smaller), Unrounded, SpreadOnly).Approach3;
        var large = CampaignSimulator.Simulate(Chinchilla(larger), Unrounded, SpreadOnly).Approach3;
        double allowance = 2 * Math.Sqrt((small.RelativeWidthStandardError * small.RelativeWidthStandardError) + (large.RelativeWidthStandardError * large.RelativeWidthStandardError));
        Assert.True(large.RelativeWidth <= small.RelativeWidth + allowance, $"{large.RelativeWidth:F3} vs {small.RelativeWidth:F3} ± {allowance:F3}");
    }

    [Fact]
    public void Simulate_MoreRunsAtTheSameBudgets_NeverWidensTheSpreadOfNStar()
    {
        var eight = CampaignSimulator.Simulate(Chinchilla(4.1e22, 8), Unrounded, SpreadOnly).Approach3;
        var sixteen = CampaignSimulator.Simulate(Chinchilla(8.2e22, 16), Unrounded, SpreadOnly).Approach3;
        double allowance = 2 * Math.Sqrt((eight.RelativeWidthStandardError * eight.RelativeWidthStandardError) + (sixteen.RelativeWidthStandardError * sixteen.RelativeWidthStandardError));
        Assert.Equal(Chinchilla(4.1e22, 8).BudgetsFlops, Chinchilla(8.2e22, 16).BudgetsFlops);
        Assert.True(sixteen.RelativeWidth <= eight.RelativeWidth + allowance, $"{sixteen.RelativeWidth:F3} vs {eight.RelativeWidth:F3} ± {allowance:F3}");
    }

    [Theory]
    [InlineData("gaussian")]
    [InlineData("exponential")]
    public void CheckWarmStart_NoisyCampaigns_ReachTheFullGridsOptimum(string kind)
    {
        var noise = kind == "gaussian" ? LossNoise.Gaussian(0.02) : LossNoise.Exponential(0.02);
        var design = Chinchilla();
        for (int trial = 0; trial < 3; trial++)
        {
            var check = CampaignSimulator.CheckWarmStart(design.Runs, 1e24, Unrounded, new SimulationOptions { Noise = noise, Seed = 5 }, trial);
            Assert.True(check.RelativeObjectiveGap <= 1e-9, $"trial {trial}: objective gap {check.RelativeObjectiveGap:E2}");
            Assert.True(check.RelativeParametersDifference <= 1e-5, $"trial {trial}: N* differs by {check.RelativeParametersDifference:E2}");
        }
    }

    [Fact]
    public void Simulate_AnyThreadCount_SameTrials()
    {
        var options = new SimulationOptions { Trials = 6, Resamples = 20, Seed = 9 };
        var all = CampaignSimulator.Simulate(Chinchilla(), Unrounded, options);
        var one = CampaignSimulator.Simulate(Chinchilla(), Unrounded, options with { MaxDegreeOfParallelism = 1 });
        Assert.Equal(all.Approach3.Trials, one.Approach3.Trials);
        Assert.Equal(all.Approach2!.Trials, one.Approach2!.Trials);
    }

    [Fact]
    public void Draw_ExponentialNoise_NeverBelowTheLaw_GaussianOnBothSides()
    {
        var runs = Chinchilla().Runs;
        var exponential = CampaignSimulator.Draw(runs, Unrounded, LossNoise.Exponential(0.01), 1, 0);
        var gaussian = CampaignSimulator.Draw(runs, Unrounded, LossNoise.Gaussian(0.01), 1, 0);
        Assert.All(exponential, r => Assert.True(r.Loss >= Unrounded.Loss(r.Parameters, r.Tokens)));
        Assert.Contains(gaussian, r => r.Loss < Unrounded.Loss(r.Parameters, r.Tokens));
        Assert.Contains(gaussian, r => r.Loss > Unrounded.Loss(r.Parameters, r.Tokens));
        double meanExcess = exponential.Average(r => Math.Log(r.Loss / Unrounded.Loss(r.Parameters, r.Tokens)));
        Assert.InRange(meanExcess, 0.007, 0.013); // mean 0.01, standard error 0.01/√72 ≈ 0.0012
    }

    [Fact]
    public void Simulate_Approach2_IsBiasedUpwardByTheSkewOfTheIsoFlopValleyEvenWithoutNoise()
    {
        // Czech et al. 2026 (arXiv 2603.22339): a parabola in log N misplaces the vertex of the asymmetric IsoFLOP curve, even
        // when sampled symmetrically; Approach 3 has no such bias.
        var options = SpreadOnly with { Noise = LossNoise.Gaussian(0), Trials = 2, Approach2 = true };
        var simulation = CampaignSimulator.Simulate(Chinchilla(), Unrounded, options);
        Assert.True(Math.Abs(simulation.Approach2!.RelativeBias) > 1e-3, simulation.Approach2.RelativeBias.ToString("R", CultureInfo.InvariantCulture));
        Assert.True(Math.Abs(simulation.Approach3.RelativeBias) < 1e-6);
    }

    private static readonly SimulationOptions Misspecified = SpreadOnly with
    {
        Trials = 60,
        Misspecification = Misspecification.FromCalibration(Scaling.Fitting.Extrapolation.ExtrapolationCalibration.Embedded),
    };

    [Fact]
    public void Simulate_Misspecified_ASmallerCampaignWidensTheSpreadOfNStar()
    {
        // Issue 23: under the law alone a 10,000x smaller campaign gave about the same width (0.76 against 0.85). With
        // each trial's optimum drifting as published studies do, less compute (a farther target) must widen it.
        var small = CampaignSimulator.Simulate(Chinchilla(1e19), Unrounded, Misspecified);
        var large = CampaignSimulator.Simulate(Chinchilla(1e23), Unrounded, Misspecified);
        Assert.True(small.Approach3.RelativeWidth > 3 * large.Approach3.RelativeWidth, $"{small.Approach3.RelativeWidth} vs {large.Approach3.RelativeWidth}");
    }

    [Fact]
    public void Simulate_MisspecifiedWithCalibration_TheCalibratedIntervalCoversMostTrials()
    {
        // The drift forecast's calibrated 95% interval against each trial's own drifting truth: 60 trials, so 85% is
        // about three binomial standard errors below 95%.
        var simulation = CampaignSimulator.Simulate(Chinchilla(1e21), Unrounded, Misspecified with { Calibration = Scaling.Fitting.Extrapolation.ExtrapolationCalibration.Embedded });
        Assert.InRange(simulation.Calibrated!.Coverage!.Value, 0.85, 1);
    }

    [Fact]
    public void Simulate_NoMisspecification_DrawsExactlyAsBefore()
    {
        // A null misspecification leaves every trial's losses those of the law with its noise.
        var runs = Chinchilla().Runs;
        var plain = CampaignSimulator.Draw(runs, Unrounded, LossNoise.Gaussian(0.01), 5, 3);
        var shifted = CampaignSimulator.Draw(runs, Unrounded, LossNoise.Gaussian(0.01), 5, 3, null);
        Assert.Equal(plain, shifted);
        var moved = CampaignSimulator.Draw(runs, Unrounded, LossNoise.Gaussian(0.01), 5, 3, _ => 0.5);
        Assert.NotEqual(plain.Select(r => r.Loss), moved.Select(r => r.Loss));
    }
}
