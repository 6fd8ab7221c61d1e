using Scaling.Fitting.Backtest;
using Scaling.Fitting.Extrapolation;
using Scaling.Fitting.Runs;
using Scaling.Tests.Fitting.Extrapolation;

namespace Scaling.Tests.Fitting.Backtest;

public class ObservedOptimumTests
{
    [Fact]
    public void Parameters_ExactParabola_IsItsVertex()
    {
        var runs = ParabolicStudies.Runs(_ => Math.Log(3e9), [1e21], sizes: 7);
        var budget = IsoFlopBudget.Group(runs).Single();
        Assert.Equal(3e9, ObservedOptimum.Parameters(budget)!.Value, 3e9 * 1e-9);
    }

    [Fact]
    public void Parameters_FiveRuns_ObservesNothing()
    {
        var budget = IsoFlopBudget.Group(ParabolicStudies.Runs(_ => Math.Log(3e9), [1e21], sizes: 5)).Single();
        Assert.Null(ObservedOptimum.Parameters(budget));
        Assert.NotNull(ObservedOptimum.TrainingVertex(budget));
    }

    [Fact]
    public void Parameters_MinimumBeyondTheSampledSizes_ObservesNothing()
    {
        // Every size sampled below the optimum at 3e9 (ln N from 4 to 1 below it): the vertex lies above the largest
        // size, an extrapolation.
        var runs = Enumerable.Range(0, 9)
            .Select(i => Math.Exp(Math.Log(3e9) - 4 + (3.0 * i / 8)))
            .Select(n => TrainingRun.Create(n, 1e21 / (6 * n), 2 + (0.05 * Math.Pow(Math.Log(n / 3e9), 2)), budgetFlops: 1e21))
            .ToArray();
        var budget = IsoFlopBudget.Group(runs).Single();
        Assert.Null(ObservedOptimum.Parameters(budget));
        Assert.Null(ObservedOptimum.TrainingVertex(budget));
    }

    [Fact]
    public void Parameters_ChinchillaLargestBudget_Is3_84Billion()
    {
        // Hoffmann et al. 2022's runs at 3e21 FLOPs as digitised by Besiroglu et al. 2024 (data/benchmarks/isoflops):
        // the parabola in ln N through its 8 runs has its minimum at 3.84e9 parameters (issue 23's "observed N*").
        var study = IsoFlopCorpus.All.Single(s => s.Name == "epoch-chinchilla");
        Assert.Equal(3e21, study.LargestObserved!.Flops);
        Assert.Equal(3.84e9, ObservedOptimum.Parameters(study.LargestObserved)!.Value, 0.01e9);
    }
}
