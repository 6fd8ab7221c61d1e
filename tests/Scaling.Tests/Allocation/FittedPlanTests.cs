using FsCheck;
using FsCheck.Fluent;
using Scaling.Allocation;
using Scaling.Fitting.Extrapolation;
using Scaling.Laws;

namespace Scaling.Tests.Allocation;

/// <summary>
/// Issue 23: one type decides which N* a fit plans with, so that <c>scaling fit</c>, <c>scaling plan --law fit.json</c>,
/// the report and the campaign give the same one.
/// </summary>
public class FittedPlanTests
{
    // Hoffmann et al. 2022's IsoFLOP runs as Epoch digitised them (data/benchmarks/isoflops/epoch-chinchilla.csv),
    // up to 1e20 FLOPs: a study on which the law's own optimum at 3e21 (13.9B) misses the observed 3.84B.
    private static readonly Lazy<CalibratedExtrapolation> Chinchilla = new(() =>
        Extrapolator.Fit(
            IsoFlopCorpus.All.Single(s => s.Name == "epoch-chinchilla").Budgets.Where(b => b.Flops <= 2e20).ToArray(),
            ExtrapolationMethod.Drift));

    private static FittedLaw WithForecast(ParametricLaw law) => FittedLaw.Without(law) with { Extrapolation = Chinchilla.Value };

    [Fact]
    public void At_FitWithAForecast_PlansWithTheForecastAndKeepsTheLawsOwnOptimumSecond()
    {
        var law = LawPresets.Besiroglu2024;
        var plan = Assert.IsType<ForecastPlan>(FittedPlan.At(WithForecast(law), 3e21));
        var at = Chinchilla.Value.At(3e21);
        Assert.Equal(at.Parameters, plan.Optimum.Parameters, 1e-9 * at.Parameters);
        Assert.Equal(3e21 / (6 * at.Parameters), plan.Optimum.Tokens, 1e-9 * plan.Optimum.Tokens);
        Assert.Equal(law.Plan(3e21).Parameters, plan.LawOptimum.Parameters, 1e-9 * plan.LawOptimum.Parameters);
        Assert.Equal((at.ParametersLower, at.ParametersUpper, at.Decades, at.Distance), (plan.Forecast.ParametersLower, plan.Forecast.ParametersUpper, plan.Forecast.Decades, plan.Forecast.Distance));
        // The law still gives the loss at the plan's allocation.
        Assert.Equal(law.LossLaw.Loss(at.Parameters, at.Tokens), ((LossOptimum)plan.Optimum).Loss, 12);
    }

    [Fact]
    public void At_FitWithoutAForecast_PlansWithTheLawAndSaysWhy()
    {
        var fitted = FittedLaw.Without(LawPresets.Besiroglu2024) with { NoForecast = "the runs form one budget" };
        var plan = Assert.IsType<LawPlan>(FittedPlan.At(fitted, 3e21));
        Assert.Equal(LawPresets.Besiroglu2024.Plan(3e21), plan.Optimum);
        Assert.Same(plan.Optimum, plan.LawOptimum);
        Assert.Equal("the runs form one budget", plan.NoForecast);
    }

    [Fact]
    public void At_UnderACap_PlansWithTheLawsCappedSolver()
    {
        var limits = AllocationLimits.Create(1e9, null);
        var plan = Assert.IsType<LawPlan>(FittedPlan.At(WithForecast(LawPresets.Besiroglu2024), 3e21, limits));
        Assert.Equal(LawPresets.Besiroglu2024.Plan(3e21, limits).Parameters, plan.Optimum.Parameters);
        Assert.Equal(FittedPlan.CappedReason, plan.NoForecast);
    }

    [MathProperty]
    public Property Allocator_GivesThePlansNStarAtEveryBudget(Budget c)
    {
        var fitted = WithForecast(LawPresets.Besiroglu2024);
        double viaAllocator = FittedPlan.Allocator(fitted).Optimum(c.Flops).Parameters;
        double viaPlan = FittedPlan.At(fitted, c.Flops).Optimum.Parameters;
        return (Math.Abs(viaAllocator / viaPlan - 1) < 1e-12).Label($"allocator {viaAllocator}, plan {viaPlan}");
    }

    [MathProperty]
    public Property ForecastAllocator_OptimumForParameters_InvertsOptimum(Budget c)
    {
        var allocator = ForecastAllocator.Create(Chinchilla.Value, LawPresets.Besiroglu2024.LossLaw);
        double parameters = allocator.Optimum(c.Flops).Parameters;
        double flops = allocator.OptimumForParameters(parameters).Flops;
        return (Math.Abs(flops / c.Flops - 1) < 1e-8).Label($"N {parameters}: budget {flops}, expected {c.Flops}");
    }

    [MathProperty]
    public Property NearOptimalRange_MovedToThePlan_KeepsTheLawsRelativeWidth(LossLaw law, Budget c, Factor f)
    {
        var frontier = ComputeOptimalFrontier.Create(law);
        var range = NearOptimalRange.Create(frontier, c.Flops, 0.01);
        var own = frontier.Optimum(c.Flops);
        var plan = new LossOptimum(c.Flops, own.Parameters * f.Value, own.Tokens / f.Value, own.Loss * 1.01, own.ExponentA, own.ExponentB);
        var moved = range.MovedTo(plan);
        return (Math.Abs(moved.LowerParameters / (range.LowerParameters * f.Value) - 1) < 1e-12
                && Math.Abs(moved.UpperParameters / (range.UpperParameters * f.Value) - 1) < 1e-12
                && moved.LowerParameters < plan.Parameters && plan.Parameters < moved.UpperParameters
                && Math.Abs(moved.LossLimit / (1.01 * plan.Loss) - 1) < 1e-12)
            .Label($"moved [{moved.LowerParameters}, {moved.UpperParameters}] around {plan.Parameters}");
    }
}
