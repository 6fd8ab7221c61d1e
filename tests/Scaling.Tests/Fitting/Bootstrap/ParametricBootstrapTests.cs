using Scaling.Allocation;
using Scaling.Fitting.Approach3;
using Scaling.Fitting.Bootstrap;
using Scaling.Fitting.Runs;
using Scaling.Laws;

namespace Scaling.Tests.Fitting.Bootstrap;

public class ParametricBootstrapTests
{
    private static readonly LossLaw Printed = LawPresets.Hoffmann2022.LossLaw;
    private static readonly ParametricFitOptions Quick = new() { Grid = InitialGrid.Hoffmann2022.Sample(200) };

    private static ParametricFitResult Fit(long seed) =>
        ParametricFit.Fit(SyntheticRuns.Generate(SyntheticRunsDesign.Hoffmann2022 with { Seed = seed }), Quick);

    [Fact]
    public void Run_SyntheticHoffmann_IntervalCoversTheTrueExponent()
    {
        var boot = ParametricBootstrap.Run(Fit(2022), new BootstrapOptions { Resamples = 200, Seed = 1 });
        var a = boot.Intervals.ExponentA;
        Assert.True(a.Contains(Printed.Beta / (Printed.Alpha + Printed.Beta)), $"[{a.Lower}, {a.Upper}]");
        Assert.True(boot.Intervals.Alpha.Contains(Printed.Alpha));
        Assert.True(boot.Intervals.Beta.Contains(Printed.Beta));
        Assert.Equal(200, boot.Resamples);
    }

    [Fact]
    public void Run_SameSeedAnyThreadCount_SameIntervals_OtherSeed_Different()
    {
        var fit = Fit(3);
        var options = new BootstrapOptions { Resamples = 60, Seed = 42 };
        var all = ParametricBootstrap.Run(fit, options);
        var one = ParametricBootstrap.Run(fit, options with { MaxDegreeOfParallelism = 1 });
        var other = ParametricBootstrap.Run(fit, options with { Seed = 43 });
        Assert.Equal(all.Intervals, one.Intervals);
        Assert.NotEqual(all.Intervals.Alpha.Lower, other.Intervals.Alpha.Lower);
    }

    [Fact]
    public void Run_WithABudget_GivesPlanIntervalsAroundThePlan()
    {
        var fit = Fit(4);
        var boot = ParametricBootstrap.Run(fit, new BootstrapOptions { Resamples = 80, Seed = 2, Flops = 5.76e23 });
        var plan = ComputeOptimalFrontier.Create(fit.Law).Optimum(5.76e23);
        var at = boot.Intervals.Plan ?? throw new Xunit.Sdk.XunitException("no plan intervals with a budget");
        Assert.Equal(plan.Parameters, at.Parameters.Estimate, plan.Parameters * 1e-9);
        Assert.Equal(plan.Tokens, at.Tokens.Estimate, plan.Tokens * 1e-9);
        Assert.True(at.TokensPerParameter.Contains(plan.TokensPerParameter));
        Assert.True(at.Parameters.StandardError > 0);
    }

    [Fact]
    public void Run_WithoutABudget_HasOnlyCoefficientAndExponentIntervals()
    {
        var boot = ParametricBootstrap.Run(Fit(5), new BootstrapOptions { Resamples = 20 });
        Assert.Equal(["E", "A", "B", "alpha", "beta", "exponentA", "exponentB"], boot.Intervals.Select(p => p.Key));
    }
}
