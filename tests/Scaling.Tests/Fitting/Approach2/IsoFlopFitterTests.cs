using FsCheck;
using FsCheck.Fluent;
using Scaling.Allocation;
using Scaling.Fitting.Approach2;
using Scaling.Fitting.Runs;
using Scaling.Laws;
using Xunit.Abstractions;

namespace Scaling.Tests.Fitting.Approach2;

public class IsoFlopFitterTests(ITestOutputHelper output)
{
    private static readonly LossLaw Hoffmann = LawPresets.Hoffmann2022.LossLaw;

    // a = β/(α+β) of the printed Hoffmann law (Hoffmann et al. 2022, Eq. 4 with Eq. 10: 0.4516), from the frontier rather than typed in.
    private static readonly double TrueA = ComputeOptimalFrontier.Create(Hoffmann).ExponentA;

    // The protocol (Hoffmann et al. 2022, §3.2): 9 budgets 6e18..3e21, 25 sizes each log-spaced over a factor
    // 8 either side of the optimum (1.8 decades, like the paper's Fig. 3 profiles), 1% log-normal noise on the loss.
    // Over 40 seeds this design gave a with standard deviation 0.009 (a factor 4 either side: 0.016), so the 0.03
    // tolerance is more than 3 standard deviations.
    private static List<TrainingRun> HoffmannIsoFlops(int seed = 2022, bool declareBudget = false) =>
        SyntheticCurves.IsoFlop(Hoffmann, SyntheticCurves.HoffmannBudgets, sizesPerBudget: 25, span: 8, noise: 0.01, seed, declareBudget);

    private static IsoFlopFitOptions Quick(int resamples = 200, int seed = 1) => new() { Resamples = resamples, Seed = seed };

    [Fact]
    public void Fit_HoffmannSyntheticData_RecoversExponentAWithin0_03()
    {
        var fit = IsoFlopFitter.Fit(HoffmannIsoFlops(), Quick(resamples: 0));
        output.WriteLine($"true a {TrueA:F4}, fitted a {fit.Frontier.ExponentA:F4}, b {fit.Frontier.ExponentB:F4}, k_N {fit.Rule.ParametersCoefficient:G4}");
        Assert.Equal(9, fit.GroupsUsed);
        Assert.InRange(fit.Frontier.ExponentA, TrueA - 0.03, TrueA + 0.03);
    }

    [Fact]
    public void Fit_SizesCentredOffTheOptimum_StillRecoversExponentAWithin0_03()
    {
        // Real sweeps do not know N* in advance: centre each budget's sizes up to a factor 1.5 off it, at random.
        // The isoFLOP valley is skewed (α ≠ β), so an off-centre parabola shifts its vertex by a different amount per
        // budget; over 40 seeds a still had standard deviation 0.009 and stayed within 0.023 of the truth.
        var random = new Random(31);
        var runs = new List<TrainingRun>();
        foreach (double flops in SyntheticCurves.HoffmannBudgets)
        {
            double offset = Math.Pow(1.5, (2 * random.NextDouble()) - 1);
            runs.AddRange(SyntheticCurves.IsoFlop(Hoffmann, [flops], 25, span: 8, noise: 0.01, seed: random.Next(), centreOffset: offset));
        }

        var fit = IsoFlopFitter.Fit(runs, Quick(resamples: 0));
        output.WriteLine($"true a {TrueA:F4}, fitted a {fit.Frontier.ExponentA:F4}");
        Assert.InRange(fit.Frontier.ExponentA, TrueA - 0.03, TrueA + 0.03);
    }

    [Theory]
    [InlineData(2022)]
    [InlineData(7)]
    [InlineData(99)]
    public void Bootstrap_HoffmannSyntheticData_IntervalCoversTrueA(int seed)
    {
        var fit = IsoFlopFitter.Fit(HoffmannIsoFlops(seed), Quick(resamples: 300, seed: seed));
        var a = fit.Bootstrap!.ExponentA;
        output.WriteLine($"a {a.Estimate:F4} [{a.Lower:F4}, {a.Upper:F4}] se {a.StandardError:F4}; true {TrueA:F4}");
        Assert.True(a.Contains(TrueA), $"[{a.Lower}, {a.Upper}] misses {TrueA}");
    }

    [Fact]
    public void Fit_ExponentsFromTheirOwnFits_SumToOne()
    {
        var fit = IsoFlopFitter.Fit(HoffmannIsoFlops(), Quick(resamples: 0));
        Assert.Equal(1.0, fit.Frontier.ExponentA + fit.Frontier.ExponentB, 12);
        Assert.Equal(1.0, 6 * fit.Frontier.Parameters.Coefficient * fit.Frontier.Tokens.Coefficient, 9);
    }

    [Fact]
    public void Rule_IsTheFittedParametersLaw()
    {
        var fit = IsoFlopFitter.Fit(HoffmannIsoFlops(), Quick(resamples: 0));
        Assert.Equal(fit.Frontier.Parameters.Coefficient, fit.Rule.ParametersCoefficient);
        Assert.Equal(fit.Frontier.ExponentA, fit.Rule.ExponentA);
        foreach (var profile in fit.Profiles)
        {
            Assert.Equal(profile.Flops, 6 * profile.OptimalParameters!.Value * profile.OptimalTokens!.Value, profile.Flops * 1e-12);
        }
    }

    [Fact]
    public void Fit_UndeclaredBudgets_GroupsByComputeWithinTolerance()
    {
        // Jitter each run's tokens by up to ±4%, so 6ND spreads by 8% within a budget (< 10%) and budgets stay apart.
        var random = new Random(5);
        var runs = HoffmannIsoFlops()
            .Select(r => TrainingRun.Create(r.Parameters, r.Tokens * (0.96 + (0.08 * random.NextDouble())), r.Loss))
            .ToList();
        var fit = IsoFlopFitter.Fit(runs, Quick(resamples: 0));
        Assert.Equal(9, fit.Profiles.Count);
        Assert.All(fit.Profiles, p => Assert.Equal(25, p.Runs.Count));
        for (int i = 0; i < 9; i++)
        {
            Assert.Equal(SyntheticCurves.HoffmannBudgets[i], fit.Profiles[i].Flops, SyntheticCurves.HoffmannBudgets[i] * 0.04);
        }
    }

    [Fact]
    public void Fit_UndeclaredBudgets_GroupComputeIsTheGeometricMean()
    {
        var runs = HoffmannIsoFlops().Select((r, i) => TrainingRun.Create(r.Parameters, r.Tokens * (i % 2 == 0 ? 1.0 : 1.05), r.Loss)).ToList();
        var fit = IsoFlopFitter.Fit(runs, Quick(resamples: 0));
        foreach (var profile in fit.Profiles)
        {
            double geometricMean = Math.Exp(profile.Runs.Average(r => Math.Log(6 * r.Parameters * r.Tokens)));
            Assert.Equal(geometricMean, profile.Flops, geometricMean * 1e-12);
        }
    }

    [Fact]
    public void Fit_DeclaredBudgets_GroupByTheBudgetNotBy6ND()
    {
        // Runs declare their budget, but train on up to 30% more tokens than it allows: a 10% tolerance on 6ND would split them.
        var random = new Random(11);
        var runs = HoffmannIsoFlops(declareBudget: true)
            .Select(r => TrainingRun.Create(r.Parameters, r.Tokens * (1 + (0.3 * random.NextDouble())), r.Loss, budgetFlops: r.BudgetFlops))
            .ToList();
        var fit = IsoFlopFitter.Fit(runs, Quick(resamples: 0));
        Assert.Equal(SyntheticCurves.HoffmannBudgets, fit.Profiles.Select(p => p.Flops).ToArray());
        Assert.All(fit.Profiles, p => Assert.Equal(p.Flops, p.BudgetFlops));
    }

    [Fact]
    public void Fit_MinimumAboveTheSampledSizes_WarnsNamingTheBudget()
    {
        var runs = SyntheticCurves.IsoFlop(Hoffmann, SyntheticCurves.HoffmannBudgets.Take(8).ToArray(), 25, 4, 0.01, seed: 3);
        // At 3e21 FLOPs sample only sizes 30–120x below the optimum: the loss still falls at the largest one.
        runs.AddRange(SyntheticCurves.IsoFlop(Hoffmann, [3e21], 25, span: 2, noise: 0, seed: 4, centreOffset: 1.0 / 60));
        var fit = IsoFlopFitter.Fit(runs, Quick(resamples: 0));
        var last = fit.Profiles[^1];
        Assert.Equal(IsoFlopProfileStatus.MinimumOutsideSampledRange, last.Status);
        Assert.True(last.IsUsed);
        string warning = Assert.Single(fit.Warnings);
        Assert.Contains("3.00E+21 FLOPs", warning);
        Assert.Contains("above the largest sampled size", warning);
    }

    [Fact]
    public void Fit_MinimumNearTheEdgeOfTheSampledSizes_WarnsOfTheOffCentreBias()
    {
        var runs = SyntheticCurves.IsoFlop(Hoffmann, SyntheticCurves.HoffmannBudgets.Take(8).ToArray(), 25, 4, 0, seed: 3);
        // At 3e21 FLOPs the sizes run from N*/2 to 32·N*: the minimum sits at a sixth of the log span, inside it.
        runs.AddRange(SyntheticCurves.IsoFlop(Hoffmann, [3e21], 25, span: 8, noise: 0, seed: 4, centreOffset: 4));
        var fit = IsoFlopFitter.Fit(runs, Quick(resamples: 0));
        Assert.Equal(IsoFlopProfileStatus.Fitted, fit.Profiles[^1].Status);
        string warning = Assert.Single(fit.Warnings);
        Assert.Contains("3.00E+21 FLOPs", warning, StringComparison.Ordinal);
        Assert.Contains("lower", warning, StringComparison.Ordinal);
        Assert.Contains("Czech et al. 2026", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ParabolaOpeningDownward_SkipsTheGroupWithAWarning()
    {
        var runs = HoffmannIsoFlops().Where(r => r.Flops < 2e21).ToList();
        // An inverted valley at 3e21 FLOPs: the loss peaks in the middle of the sampled sizes.
        foreach (double parameters in SyntheticCurves.LogSpaced(1e9, 1e10, 7))
        {
            double u = Math.Log(parameters / 3e9);
            runs.Add(TrainingRun.Create(parameters, 3e21 / (6 * parameters), 2.2 - (0.05 * u * u)));
        }

        var fit = IsoFlopFitter.Fit(runs, Quick(resamples: 0));
        Assert.Equal(IsoFlopProfileStatus.OpensDownward, fit.Profiles[^1].Status);
        Assert.Equal(8, fit.GroupsUsed);
        Assert.Contains(fit.Warnings, w => w.Contains("3.00E+21 FLOPs", StringComparison.Ordinal) && w.Contains("opens downward", StringComparison.Ordinal));
    }

    [Fact]
    public void Fit_GroupWithTwoSizes_IsSkippedWithAWarning()
    {
        var runs = HoffmannIsoFlops().Where(r => r.Flops < 2e21).ToList();
        runs.Add(TrainingRun.Create(1e9, 3e21 / 6e9, 2.3));
        runs.Add(TrainingRun.Create(2e9, 3e21 / 12e9, 2.2));
        runs.Add(TrainingRun.Create(2e9, 3e21 / 12e9, 2.21));
        var fit = IsoFlopFitter.Fit(runs, Quick(resamples: 0));
        Assert.Equal(IsoFlopProfileStatus.TooFewSizes, fit.Profiles[^1].Status);
        Assert.Contains(fit.Warnings, w => w.Contains("3.00E+21 FLOPs", StringComparison.Ordinal) && w.Contains("2 distinct model sizes", StringComparison.Ordinal));
    }

    [Fact]
    public void Fit_TwoUsableGroups_ThrowsNamingTheProblemAndTheFix()
    {
        var runs = SyntheticCurves.IsoFlop(Hoffmann, [1e19, 1e20], 5, 4, 0.01, seed: 1);
        runs.Add(TrainingRun.Create(1e9, 1e21 / 6e9, 2.3));
        runs.Add(TrainingRun.Create(2e9, 1e21 / 12e9, 2.2));
        var ex = Assert.Throws<UnusableRunsException>(() => IsoFlopFitter.Fit(runs, Quick(resamples: 0)));
        Assert.Contains("at least 3 IsoFLOP groups", ex.Message);
        Assert.Contains("only 2 of 3 groups", ex.Message);
        Assert.Contains("Train at least 3 model sizes", ex.Message);
    }

    [Fact]
    public void Fit_FewerThanNineRuns_Throws()
    {
        var runs = SyntheticCurves.IsoFlop(Hoffmann, [1e19, 1e20], 4, 4, 0.01, seed: 1);
        var ex = Assert.Throws<UnusableRunsException>(() => IsoFlopFitter.Fit(runs));
        Assert.Contains("at least 9 runs", ex.Message);
        Assert.Contains("got 8", ex.Message);
    }

    [Fact]
    public void Bootstrap_SameSeed_GivesTheSameIntervals()
    {
        var runs = HoffmannIsoFlops();
        var first = IsoFlopFitter.Fit(runs, Quick(resamples: 100, seed: 3)).Bootstrap!;
        var second = IsoFlopFitter.Fit(runs, Quick(resamples: 100, seed: 3)).Bootstrap!;
        var other = IsoFlopFitter.Fit(runs, Quick(resamples: 100, seed: 4)).Bootstrap!;
        Assert.Equal(first.ExponentA, second.ExponentA);
        Assert.Equal(first.ParametersCoefficient, second.ParametersCoefficient);
        Assert.NotEqual(first.ExponentA.Lower, other.ExponentA.Lower);
    }

    [Fact]
    public void Bootstrap_At_TokensIntervalMirrorsTheParametersInterval()
    {
        // D* = C/(6N*) is decreasing in N*, so its percentiles are the mirrored percentiles of N* (up to interpolation).
        const double Gopher = 5.76e23;
        var at = IsoFlopFitter.Fit(HoffmannIsoFlops(), Quick(resamples: 400)).Bootstrap!.At(Gopher);
        Assert.Equal(Gopher / (6 * at.Parameters.Lower), at.Tokens.Upper, at.Tokens.Upper * 2e-3);
        Assert.Equal(Gopher / (6 * at.Parameters.Upper), at.Tokens.Lower, at.Tokens.Lower * 2e-3);
        Assert.Equal(at.Tokens.Estimate / at.Parameters.Estimate, at.TokensPerParameter.Estimate, 9);
        Assert.Equal(400, at.Parameters.Samples);
    }

    [Fact]
    public void Bootstrap_ReportsProgressForEveryResample()
    {
        var progress = new CountingProgress();
        IsoFlopFitter.Fit(HoffmannIsoFlops(), Quick(resamples: 50), progress);
        Assert.Equal(50, progress.Calls);
        Assert.Equal(50, progress.Highest);
    }

    [Fact]
    public void Options_InvalidValues_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new IsoFlopFitOptions { RelativeFlopsTolerance = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new IsoFlopFitOptions { Resamples = 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new IsoFlopFitOptions { Level = 1.5 });
    }

    [MathProperty(MaxTest = 60)]
    public Property NoiseFreeData_GroupOptimaLieNearTheFrontier(LossLaw law)
    {
        // Sizes a factor 2 either side of the optimum. The parabola's vertex differs from the true minimum through the
        // cubic term of L along the IsoFLOP line, (β² − α²)u³/6 per unit curvature (α+β)/2 in u = ln(N/N*): a
        // least-squares shift of about (3h²/5)(β − α)/6 ≤ 0.034 in ln N for h = ln 2 (≤ 3.5%); allow 5%.
        var frontier = ComputeOptimalFrontier.Create(law);
        var runs = SyntheticCurves.IsoFlop(law, [1e19, 1e20, 1e21, 1e22], 15, span: 2, noise: 0, seed: 0);
        var fit = IsoFlopFitter.Fit(runs, Quick(resamples: 0));
        double worst = fit.Profiles.Max(p => Math.Abs(Math.Log(p.OptimalParameters!.Value / frontier.Optimum(p.Flops).Parameters)));
        return (worst < Math.Log(1.05)).Label($"worst |ln(N_fit/N*)| {worst}");
    }

    [MathProperty(MaxTest = 20)]
    public Property Fit_RunOrder_DoesNotChangeTheResult(int shuffleSeed)
    {
        var runs = SyntheticCurves.IsoFlop(Hoffmann, SyntheticCurves.HoffmannBudgets, 8, 4, 0.01, seed: 17);
        var shuffled = runs.OrderBy(_ => 0).ToArray();
        new Random(shuffleSeed).Shuffle(shuffled);
        var options = Quick(resamples: 20, seed: 5);
        var original = IsoFlopFitter.Fit(runs, options);
        var permuted = IsoFlopFitter.Fit(shuffled, options);
        return (original.Frontier.Parameters == permuted.Frontier.Parameters
                && original.Bootstrap!.ExponentA == permuted.Bootstrap!.ExponentA
                && original.Bootstrap.ParametersCoefficient == permuted.Bootstrap.ParametersCoefficient)
            .Label($"a {original.Frontier.ExponentA} vs {permuted.Frontier.ExponentA}");
    }

    private sealed class CountingProgress : IProgress<int>
    {
        private int calls;
        private int highest;

        public int Calls => calls;

        public int Highest => highest;

        public void Report(int value)
        {
            Interlocked.Increment(ref calls);
            int seen;
            while (value > (seen = Volatile.Read(ref highest)) && Interlocked.CompareExchange(ref highest, value, seen) != seen)
            {
            }
        }
    }
}
