using FsCheck;
using FsCheck.Fluent;
using Scaling.Fitting.Extrapolation;
using Scaling.Fitting.Runs;

namespace Scaling.Tests.Fitting.Extrapolation;

public class DriftEstimatorTests
{
    private static readonly DriftEstimator Drift = new(ExtrapolationCalibration.Embedded.Prior);

    [Fact]
    public void Forecast_ManyBudgetsFarFromThePrior_FollowsTheData()
    {
        // Exponent 0.7 over 3 decades (12 budgets), far from the prior's 0.51 ± 0.03: the data must win.
        var runs = ParabolicStudies.Runs(ParabolicStudies.Optimum(0.7), ParabolicStudies.Budgets(1e17, 1e20, 12));
        var forecast = Drift.Forecast(IsoFlopBudget.Group(runs))!;
        Assert.InRange(forecast.ExponentAt(1e20), 0.65, 0.72);
        // One decade out the prior's mild curvature still bends the forecast: within 15%.
        Assert.Equal(ParabolicStudies.Optimum(0.7)(1e21), forecast.LogParameters(1e21), 0.15);
    }

    [Fact]
    public void Forecast_TwoBudgets_LeansOnThePriorSlope()
    {
        // Two vertices 0.3 decades apart with exponent 0.9: too little data to overturn the prior's 0.51.
        var runs = ParabolicStudies.Runs(ParabolicStudies.Optimum(0.9), [1e19, 2e19]);
        var forecast = Drift.Forecast(IsoFlopBudget.Group(runs))!;
        Assert.InRange(forecast.ExponentAt(2e19), 0.45, 0.65);
    }

    [Fact]
    public void Forecast_OneBudgetWithAVertex_IsNull()
    {
        var runs = ParabolicStudies.Runs(ParabolicStudies.Optimum(0.5), [1e19]);
        Assert.Null(Drift.Forecast(IsoFlopBudget.Group(runs)));
    }

    private static Arbitrary<List<TrainingRun>> Studies() =>
        (from count in Gen.Choose(2, 10)
         from decades in Generators.Uniform(0.5, 3)
         from exponent in Generators.Uniform(0.3, 0.8)
         from curvature in Generators.Uniform(-0.02, 0.02)
         from noise in Generators.Uniform(0, 0.03)
         from seed in Gen.Choose(0, 10_000)
         select ParabolicStudies.Runs(ParabolicStudies.Optimum(exponent, curvature), ParabolicStudies.Budgets(1e18, 1e18 * Math.Pow(10, decades), count), 7, 1.5, noise, seed))
        .ToArbitrary();

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Scale_GrowsWithExtrapolationDistance() =>
        Prop.ForAll(Studies(), runs =>
        {
            var forecast = new[] { Drift, (IOptimumEstimator)new Approach2Estimator(0.05) }
                .Select(e => e.Forecast(IsoFlopBudget.Group(runs)))
                .OfType<OptimumForecast>();
            return forecast.All(f =>
                Enumerable.Range(0, 80).Select(i => f.Scale(f.LargestBudgetFlops * Math.Pow(10, i * 0.05)))
                    .Zip(Enumerable.Range(1, 80).Select(i => f.Scale(f.LargestBudgetFlops * Math.Pow(10, i * 0.05))))
                    .All(p => p.Second >= p.First));
        });
}
