using FsCheck;
using FsCheck.Fluent;
using Scaling.Allocation;
using Scaling.Fitting.Approach1;
using Scaling.Fitting.Runs;
using Scaling.Laws;
using Xunit.Abstractions;

namespace Scaling.Tests.Fitting.Approach1;

public class EnvelopeFitterTests(ITestOutputHelper output)
{
    private static readonly LossLaw Hoffmann = LawPresets.Hoffmann2022.LossLaw;

    // a = β/(α+β) of the printed Hoffmann law (Hoffmann et al. 2022, Eq. 4 with Eq. 10: 0.4516), from the frontier rather than typed in.
    private static readonly double TrueA = ComputeOptimalFrontier.Create(Hoffmann).ExponentA;

    // 30 sizes log-spaced over 3e7..3e10 (a factor r = 1000^(1/29) ≈ 1.27 apart), each with 40 checkpoints whose
    // compute runs from 1e17 to 1e23 FLOPs: the law's optimum moves from 3e7 to 2e10 parameters over that range.
    private static readonly double[] Sizes = SyntheticCurves.LogSpaced(3e7, 3e10, 30);

    private static List<TrainingRun> HoffmannCurves(double noise, int seed = 2022) =>
        SyntheticCurves.Curves(Hoffmann, Sizes, checkpoints: 40, lowestFlops: 1e17, highestFlops: 1e23, noise, seed);

    private static EnvelopeFitOptions Quick(int resamples = 0, int seed = 1) => new() { Resamples = resamples, Seed = seed };

    [Fact]
    public void Fit_NoiseFreeCurves_RecoversExponentAWithinTheDiscretisationBound()
    {
        // The envelope's N is a staircase over the trained sizes, within ½·ln r of the optimum in ln N. Over the
        // bracketed compute range R = ln(C_max/C_min) the least-squares slope can move by at most 1.5·ln r/R (uniform
        // ln C, worst-case error aligned with the trend): ≈ 0.03 for r = 1.27 and R ≈ 12.
        var fit = EnvelopeFitter.Fit(HoffmannCurves(noise: 0), Quick());
        double range = Math.Log(fit.Envelope.Where(p => p.IsBracketed).Max(p => p.Flops) / fit.Envelope.Where(p => p.IsBracketed).Min(p => p.Flops));
        double bound = 1.5 * Math.Log(Sizes[1] / Sizes[0]) / range;
        output.WriteLine($"true a {TrueA:F4}, fitted a {fit.Frontier.ExponentA:F4}, bound {bound:F4}, points {fit.PointsUsed}, R {range:F2}");
        Assert.InRange(fit.Frontier.ExponentA, TrueA - bound, TrueA + bound);
    }

    [Fact]
    public void Fit_NoisyCurves_RecoversExponentAWithin0_05()
    {
        // 1% log-normal noise on every checkpoint, independently: the envelope follows the luckiest checkpoint near the
        // flat bottom of each IsoFLOP valley, which adds scatter on top of the staircase. Over 40 seeds a had mean
        // 0.443 (0.009 below the truth) and standard deviation 0.017, so 0.05 is about three standard deviations.
        var fit = EnvelopeFitter.Fit(HoffmannCurves(noise: 0.01), Quick());
        output.WriteLine($"true a {TrueA:F4}, fitted a {fit.Frontier.ExponentA:F4}, points {fit.PointsUsed}");
        Assert.InRange(fit.Frontier.ExponentA, TrueA - 0.05, TrueA + 0.05);
    }

    [Fact]
    public void Bootstrap_NoisyCurves_IntervalCoversTrueA()
    {
        var fit = EnvelopeFitter.Fit(HoffmannCurves(noise: 0.01), Quick(resamples: 200, seed: 3));
        var a = fit.Bootstrap!.ExponentA;
        output.WriteLine($"a {a.Estimate:F4} [{a.Lower:F4}, {a.Upper:F4}] se {a.StandardError:F4}; true {TrueA:F4}; failed {fit.Bootstrap.FailedResamples}");
        Assert.True(a.Contains(TrueA), $"[{a.Lower}, {a.Upper}] misses {TrueA}");
    }

    [Fact]
    public void Envelope_NoiseFree_WinnerIsWithinOneSizeStepOfTheOptimum()
    {
        // Loss along an IsoFLOP line is unimodal in ln N, so the best trained size is one of the two around N*(C).
        var frontier = ComputeOptimalFrontier.Create(Hoffmann);
        var fit = EnvelopeFitter.Fit(HoffmannCurves(noise: 0), Quick());
        double step = Math.Log(Sizes[1] / Sizes[0]);
        foreach (var point in fit.Envelope.Where(p => p.IsBracketed))
        {
            double off = Math.Abs(Math.Log(point.Parameters / frontier.Optimum(point.Flops).Parameters));
            Assert.True(off <= step * 1.001, $"at {point.Flops:E3} FLOPs the winner {point.Parameters:E3} is {off:F3} from N* (step {step:F3})");
        }
    }

    [Fact]
    public void Envelope_EveryPoint_SpendsItsComputeAndNamesItsRun()
    {
        var fit = EnvelopeFitter.Fit(HoffmannCurves(noise: 0.01), Quick());
        Assert.Equal(1500, fit.Envelope.Count);
        Assert.Equal(30, fit.CurvesUsed);
        Assert.All(fit.Envelope, p => Assert.Equal(p.Flops, 6 * p.Parameters * p.Tokens, p.Flops * 1e-12));
        var sizeOfRun = HoffmannCurves(noise: 0).GroupBy(r => r.RunName!).ToDictionary(g => g.Key, g => g.First().Parameters);
        Assert.All(fit.Envelope, p => Assert.Equal(sizeOfRun[p.RunName], p.Parameters));
        Assert.Equal(1.0, fit.Frontier.ExponentA + fit.Frontier.ExponentB, 12);
    }

    [Fact]
    public void Envelope_WinnersAtTheEdgesOfTheSizes_AreLeftOutWithAWarning()
    {
        // Only sizes 3e8..1e9 over compute 1e17..1e23: at low compute the smallest wins, at high compute the largest.
        var runs = SyntheticCurves.Curves(Hoffmann, SyntheticCurves.LogSpaced(3e8, 1e9, 6), 30, 1e17, 1e23, 0, seed: 1);
        var fit = EnvelopeFitter.Fit(runs, Quick());
        Assert.Contains(fit.Envelope, p => !p.IsBracketed && p.Parameters == 3e8);
        Assert.Contains(fit.Envelope, p => !p.IsBracketed && Math.Abs(p.Parameters - 1e9) < 1);
        Assert.Equal(fit.Envelope.Count(p => p.IsBracketed), fit.PointsUsed);
        Assert.Contains(fit.Warnings, w => w.Contains("envelope points were left out", StringComparison.Ordinal));

        var all = EnvelopeFitter.Fit(runs, Quick() with { BracketedOnly = false });
        Assert.Equal(all.Envelope.Count, all.PointsUsed);
    }

    [Fact]
    public void Fit_NoMultiCheckpointRuns_ThrowsNamingTheProblemAndTheFix()
    {
        var finals = SyntheticCurves.IsoFlop(Hoffmann, SyntheticCurves.HoffmannBudgets, 5, 4, 0.01, seed: 1);
        var ex = Assert.Throws<UnusableRunsException>(() => EnvelopeFitter.Fit(finals, Quick()));
        Assert.Contains("Approach 1 needs training curves", ex.Message);
        Assert.Contains("45 have no run name", ex.Message);
        Assert.Contains("use Approach 2 or 3", ex.Message);
    }

    [Fact]
    public void Fit_TwoSizes_Throws()
    {
        var runs = SyntheticCurves.Curves(Hoffmann, [1e8, 1e9], 10, 1e18, 1e21, 0, seed: 1);
        var ex = Assert.Throws<UnusableRunsException>(() => EnvelopeFitter.Fit(runs, Quick()));
        Assert.Contains("at least 3 model sizes", ex.Message);
    }

    [Fact]
    public void Fit_RunWithTwoSizes_ThrowsNamingTheRun()
    {
        var runs = HoffmannCurves(noise: 0);
        runs.Add(TrainingRun.Create(123e6, 1e12, 2.5, runName: "model-3"));
        var ex = Assert.Throws<UnusableRunsException>(() => EnvelopeFitter.Fit(runs, Quick()));
        Assert.Contains("run 'model-3'", ex.Message);
        Assert.Contains("own run name", ex.Message);
    }

    [Fact]
    public void Fit_RepeatedTokenCount_ThrowsNamingTheRun()
    {
        var runs = HoffmannCurves(noise: 0);
        var first = runs[0];
        runs.Add(TrainingRun.Create(first.Parameters, first.Tokens, first.Loss + 0.1, runName: first.RunName));
        var ex = Assert.Throws<UnusableRunsException>(() => EnvelopeFitter.Fit(runs, Quick()));
        Assert.Contains($"run '{first.RunName}' has two checkpoints", ex.Message);
    }

    [Fact]
    public void Fit_UnnamedRowsAndSingleCheckpoints_AreIgnoredWithWarnings()
    {
        var runs = HoffmannCurves(noise: 0);
        var baseline = EnvelopeFitter.Fit(runs, Quick());
        runs.Add(TrainingRun.Create(1e9, 1e10, 1.0));
        runs.Add(TrainingRun.Create(1e9, 1e10, 1.0, runName: "lonely"));
        var fit = EnvelopeFitter.Fit(runs, Quick());
        Assert.Equal(baseline.Frontier.Parameters, fit.Frontier.Parameters);
        Assert.Contains(fit.Warnings, w => w.StartsWith("1 rows without a run name", StringComparison.Ordinal));
        Assert.Contains(fit.Warnings, w => w.StartsWith("1 runs with a single checkpoint", StringComparison.Ordinal));
    }

    [Fact]
    public void Bootstrap_SameSeed_GivesTheSameIntervals()
    {
        var runs = HoffmannCurves(noise: 0.01);
        var first = EnvelopeFitter.Fit(runs, Quick(resamples: 30, seed: 8)).Bootstrap!;
        var second = EnvelopeFitter.Fit(runs, Quick(resamples: 30, seed: 8)).Bootstrap!;
        Assert.Equal(first.ExponentA, second.ExponentA);
        Assert.Equal(first.At(1e24), second.At(1e24));
    }

    [Fact]
    public void Options_TooFewGridPoints_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EnvelopeFitOptions { GridPoints = 5 });

    [MathProperty(MaxTest = 15)]
    public Property Fit_RowOrder_DoesNotChangeTheResult(int shuffleSeed)
    {
        var runs = SyntheticCurves.Curves(Hoffmann, SyntheticCurves.LogSpaced(3e7, 3e10, 12), 15, 1e17, 1e23, 0.01, seed: 4);
        var shuffled = runs.ToArray();
        new Random(shuffleSeed).Shuffle(shuffled);
        var options = Quick(resamples: 10, seed: 2) with { GridPoints = 300 };
        var original = EnvelopeFitter.Fit(runs, options);
        var permuted = EnvelopeFitter.Fit(shuffled, options);
        return (original.Frontier.Parameters == permuted.Frontier.Parameters
                && original.Envelope.SequenceEqual(permuted.Envelope)
                && original.Bootstrap!.ExponentA == permuted.Bootstrap!.ExponentA)
            .Label($"a {original.Frontier.ExponentA} vs {permuted.Frontier.ExponentA}");
    }
}
