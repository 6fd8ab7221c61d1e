using FsCheck;
using FsCheck.Fluent;
using Scaling.Allocation;
using Scaling.Fitting.Approach3;
using Scaling.Fitting.Bootstrap;
using Scaling.Fitting.Runs;
using Scaling.Laws;

namespace Scaling.Tests.Fitting.Bootstrap;

public class OptimumIntervalsTests
{
    private static readonly ParametricFitOptions Quick = new() { Grid = InitialGrid.Hoffmann2022.Sample(200) };

    // One fit with its bootstrap at Gopher's budget, shared by the tests (a second or so).
    private static readonly Lazy<(FittedLaw Law, BootstrapResult Bootstrap)> Fitted = new(() =>
    {
        var fit = ParametricFit.Fit(SyntheticRuns.Generate(SyntheticRunsDesign.Hoffmann2022 with { Seed = 5 }), Quick);
        var bootstrap = ParametricBootstrap.Run(fit, new BootstrapOptions { Resamples = 200, Seed = 3, Flops = 5.76e23 });
        var law = FittedLaw.Create(ScalingLaw.Parametric("fit", fit.Law, "synthetic", "Approach 3"), bootstrap.ResampledLaws());
        return (law, bootstrap);
    });

    [Fact]
    public void At_TheBootstrapsBudget_EqualsHoffmannsEquation4OnEveryRefit()
    {
        // Independently of the frontier code: N* = G·(C/6)^a with G = (αA/(βB))^(1/(α+β)) (Hoffmann et al. 2022, Eq. 4)
        // on each refit's coefficients, and the same percentile rule.
        var (law, bootstrap) = Fitted.Value;
        const double flops = 5.76e23;
        var s = bootstrap.Samples;
        var parameters = Enumerable.Range(0, bootstrap.Resamples)
            .Where(i => s.Alpha[i] > 0 && s.Beta[i] > 0)
            .Select(i =>
            {
                double alpha = s.Alpha[i], beta = s.Beta[i];
                double g = Math.Pow(alpha * s.A[i] / (beta * s.B[i]), 1 / (alpha + beta));
                return g * Math.Pow(flops / 6, beta / (alpha + beta));
            });
        var expected = Scaling.Fitting.Interval.FromSamples(((ParametricLaw)law.Law).Frontier().Optimum(flops).Parameters, parameters);

        var actual = OptimumIntervals.At(law, flops)!.Parameters;

        Assert.Equal(expected.Lower, actual.Lower, expected.Lower * 1e-9);
        Assert.Equal(expected.Upper, actual.Upper, expected.Upper * 1e-9);
        Assert.Equal(expected.Lower, bootstrap.Intervals.Plan?.Parameters.Lower ?? double.NaN, expected.Lower * 1e-9);
    }

    [MathProperty]
    public Property At_MoreCompute_MovesTheSizeIntervalUpAndTheLossIntervalDown() =>
        Prop.ForAll(Gen.Choose(19, 27).ToArbitrary(), Gen.Choose(1, 30).ToArbitrary(), (decade, step) =>
        {
            // Every refit's N* grows and its loss falls with C, so every order statistic does too.
            var law = Fitted.Value.Law;
            double flops = Math.Pow(10, decade);
            var low = OptimumIntervals.At(law, flops)!;
            var high = OptimumIntervals.At(law, flops * (1 + (step / 10.0)))!;
            return (high.Parameters.Lower > low.Parameters.Lower && high.Parameters.Upper > low.Parameters.Upper
                && high.Loss.Lower < low.Loss.Lower && high.Loss.Upper < low.Loss.Upper).ToProperty();
        });

    [Fact]
    public void At_LawsWithoutRefits_GiveNoIntervals()
    {
        var law = (ParametricLaw)Fitted.Value.Law.Law;
        Assert.Null(OptimumIntervals.At(FittedLaw.Without(LawPresets.Default), 1e24));
        Assert.Null(OptimumIntervals.At(FittedLaw.Create(law, [law.LossLaw]), 1e24));
    }

    [Fact]
    public void ResampledLaws_AreTheValidRefitsInResampleOrder()
    {
        var bootstrap = Fitted.Value.Bootstrap;
        var laws = bootstrap.ResampledLaws();
        Assert.Equal(bootstrap.Samples.Alpha.Count(a => a > 0), laws.Count);
        Assert.Equal(bootstrap.Samples.Alpha.First(a => a > 0), laws[0].Alpha);
    }

    [Fact]
    public void At_ARefitWithNoFiniteOptimum_IsUnusableRunsNotAnInfiniteInterval()
    {
        // A refit with A = 1e300 is a valid law whose G ≈ 1e300 puts N* at 1e25 FLOPs beyond a double: its interval would
        // have an infinite bound (or the error would blame the budget), which no reader (and no JSON) can use (issue 24).
        var printed = LawPresets.Hoffmann2022.LossLaw;
        var wild = LossLaw.Create(1.69, 1e300, 1, 0.5, 0.5);
        Assert.Throws<InfeasiblePlanException>(() => ComputeOptimalFrontier.Create(wild).Optimum(1e25));
        var e = Assert.Throws<UnusableRunsException>(() => OptimumIntervals.At(printed, [printed, wild], 1e25));
        Assert.Equal("refits", e.Quantity);
        Assert.Equal(1, e.Value);
    }
}
