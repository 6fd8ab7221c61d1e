using FsCheck;
using FsCheck.Fluent;
using Scaling.Fitting;
using Scaling.Fitting.Backtest;
using Scaling.Fitting.Extrapolation;
using Scaling.Fitting.Runs;
using Scaling.Tests.Fitting.Extrapolation;

namespace Scaling.Tests.Fitting.Backtest;

public class BacktesterTests
{
    private static readonly ExtrapolationCalibration Calibration = ExtrapolationCalibration.Embedded;

    // A study from a drifting optimum: 5–10 budgets over 1.5–3 decades, 6–12 sizes each, 0–2% noise.
    private static Arbitrary<(List<TrainingRun> Runs, int Seed)> Studies() =>
        (from count in Gen.Choose(5, 10)
         from decades in Generators.Uniform(1.5, 3)
         from sizes in Gen.Choose(6, 12)
         from exponent in Generators.Uniform(0.35, 0.7)
         from curvature in Generators.Uniform(-0.01, 0.01)
         from noise in Generators.Uniform(0, 0.02)
         from seed in Gen.Choose(0, 10_000)
         let budgets = ParabolicStudies.Budgets(1e18, 1e18 * Math.Pow(10, decades), count)
         select (ParabolicStudies.Runs(ParabolicStudies.Optimum(exponent, curvature), budgets, sizes, 1.5, noise, seed), seed)).ToArbitrary();

    /// <summary>Records the compute of every run an estimator is given, and forecasts with the drift estimator.</summary>
    private sealed class Spy(IOptimumEstimator inner) : IOptimumEstimator
    {
        public List<double> LargestRunFlops { get; } = [];

        public ExtrapolationMethod Method => inner.Method;

        public OptimumForecast? Forecast(IReadOnlyList<IsoFlopBudget> budgets, CancellationToken cancellationToken = default)
        {
            LargestRunFlops.Add(budgets.SelectMany(b => b.Runs).Max(r => r.Flops));
            return inner.Forecast(budgets, cancellationToken);
        }
    }

    /// <summary>Forecasts with the drift estimator and requests a stop after its first forecast.</summary>
    private sealed class StopAfterFirst(IOptimumEstimator inner, CancellationTokenSource stop) : IOptimumEstimator
    {
        public int Forecasts { get; private set; }

        public ExtrapolationMethod Method => inner.Method;

        public OptimumForecast? Forecast(IReadOnlyList<IsoFlopBudget> budgets, CancellationToken cancellationToken = default)
        {
            Forecasts++;
            var forecast = inner.Forecast(budgets, cancellationToken);
            stop.Cancel();
            return forecast;
        }
    }

    [Fact]
    public void Run_StoppedWhileItRuns_StopsBeforeTheNextOrigin()
    {
        var runs = ParabolicStudies.Runs(ParabolicStudies.Optimum(0.5), ParabolicStudies.Budgets(1e18, 1e21, 8), noise: 0.003, seed: 3);
        using var stop = new CancellationTokenSource();
        var estimator = new StopAfterFirst(Calibration.Estimator(ExtrapolationMethod.Drift), stop);
        Assert.ThrowsAny<OperationCanceledException>(() => Backtester.Run(IsoFlopBudget.Group(runs), estimator, cancellationToken: stop.Token));
        Assert.Equal(1, estimator.Forecasts);
    }

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property Run_NeverFitsARunAtOrAboveThePredictedBudget() =>
        Prop.ForAll(Studies(), study =>
        {
            var spy = new Spy(Calibration.Estimator(ExtrapolationMethod.Drift));
            var result = Backtester.Run(IsoFlopBudget.Group(study.Runs), spy, lossMape: false);
            // Each row's fit saw runs of at most its origin's compute, and every origin lies below its targets.
            return result.Rows.Count > 0
                && result.Rows.All(r => r.TrainMaxFlops < r.TargetFlops)
                && result.Rows.All(r => spy.LargestRunFlops.Any(f => f <= r.TrainMaxFlops * (1 + 1e-12)))
                && spy.LargestRunFlops.All(f => result.Rows.Where(r => Math.Abs(r.TrainMaxFlops - f) <= f * 1e-12).All(r => f < r.TargetFlops));
        });

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property Run_EachOriginPredictsOnlyLargerObservedBudgets() =>
        Prop.ForAll(Studies(), study =>
        {
            var budgets = IsoFlopBudget.Group(study.Runs);
            var result = Backtester.Run(budgets, Calibration.Estimator(ExtrapolationMethod.Drift), lossMape: false);
            var observed = budgets.Where(b => ObservedOptimum.Parameters(b) is not null).Select(b => b.Flops).ToHashSet();
            return result.Rows.All(r => observed.Contains(r.TargetFlops) && r.Decades > 0);
        });

    [Fact]
    public void Run_NoiseFreePowerLaw_Approach2PredictsEveryBudgetWithin0_1Percent()
    {
        var runs = ParabolicStudies.Runs(ParabolicStudies.Optimum(0.5), ParabolicStudies.Budgets(1e18, 1e21, 7));
        var result = Backtester.Run(IsoFlopBudget.Group(runs), Calibration.Estimator(ExtrapolationMethod.Approach2));
        Assert.Equal(10, result.Rows.Count); // origins with three vertices (the 3rd to 6th budget) predict 4 + 3 + 2 + 1 larger ones
        Assert.All(result.Rows, r => Assert.InRange(Math.Abs(r.LogError), 0, 1e-3));
    }

    [Fact]
    public void Run_LossMape_IsReportedForEveryRowAndSmallFromTheLargestOrigin()
    {
        // Runs from the printed Hoffmann law with 0.5% noise: the variable-projection law fitted on 8 budgets predicts
        // the 9th budget's losses to within about the noise.
        var runs = SyntheticCurves.IsoFlop(Scaling.Laws.LawPresets.Hoffmann2022.LossLaw, SyntheticCurves.HoffmannBudgets, 9, span: 6, noise: 0.005, seed: 3, declareBudget: true);
        var result = Backtester.Run(IsoFlopBudget.Group(runs), Calibration.Estimator(ExtrapolationMethod.Drift));
        Assert.NotEmpty(result.Rows);
        Assert.All(result.Rows, r => Assert.True(r.LossMape is > 0));
        Assert.InRange(result.Rows.Single(r => r.TrainMaxFlops == 1e21).LossMape!.Value, 0, 0.01);
    }

    [Fact]
    public void Run_TwoCallsWithTheSameSeed_GiveTheSameRows()
    {
        var runs = ParabolicStudies.Runs(ParabolicStudies.Optimum(0.5, -0.004), ParabolicStudies.Budgets(1e18, 1e21, 7), noise: 0.01, seed: 5);
        var budgets = IsoFlopBudget.Group(runs);
        BacktestRow[] Run(Seed seed) =>
            Backtester.Run(budgets, Calibration.Estimator(ExtrapolationMethod.VariableProjection, seed, resamples: 20), lossMape: false).Rows.ToArray();
        Assert.Equal(Run(11), Run(11));
        Assert.NotEqual(Run(11).Select(r => r.Scale), Run(12).Select(r => r.Scale));
    }
}
