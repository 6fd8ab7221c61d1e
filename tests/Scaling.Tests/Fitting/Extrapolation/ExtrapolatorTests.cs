using Scaling.Fitting.Extrapolation;
using Scaling.Fitting.Runs;

namespace Scaling.Tests.Fitting.Extrapolation;

public class ExtrapolatorTests
{
    // Eight budgets over 2.1 decades with a straight-line optimum and 1% noise: a well-behaved study.
    private static List<TrainingRun> Straight(int seed = 3) =>
        ParabolicStudies.Runs(ParabolicStudies.Optimum(0.5), ParabolicStudies.Budgets(1e18, 1.3e20, 8), noise: 0.003, seed: seed);

    [Theory]
    [InlineData(ExtrapolationMethod.Drift)]
    [InlineData(ExtrapolationMethod.Approach2)]
    [InlineData(ExtrapolationMethod.Approach3)]
    [InlineData(ExtrapolationMethod.VariableProjection)]
    public void Fit_Cancelled_StopsWithOperationCanceled(ExtrapolationMethod method)
    {
        var options = new ExtrapolationOptions { Method = method };
        Assert.ThrowsAny<OperationCanceledException>(() => Extrapolator.Fit(Straight(), options, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void At_FartherBudget_WidensTheInterval()
    {
        var extrapolation = Extrapolator.Fit(Straight());
        var widths = new[] { 1e21, 1e22, 1e23, 1e24, 1e25 }.Select(c => extrapolation.At(c).WidthRatio).ToArray();
        Assert.True(widths.Zip(widths.Skip(1)).All(p => p.Second > p.First), string.Join(", ", widths));
    }

    [Fact]
    public void At_StatesTheDistanceFromTheLargestBudget()
    {
        var at = Extrapolator.Fit(Straight()).At(1.3e24);
        Assert.Equal(1.3e20, at.LargestBudgetFlops, 1e10);
        Assert.Equal(4, at.Decades, 1e-9);
        Assert.Equal(1e4, at.BudgetRatio, 1e-6);
    }

    [Fact]
    public void At_FarBeyondTheRuns_WritesTheFractionInScientificNotation()
    {
        // 1e308 FLOPs from runs up to 1.3e20: the ratio has 288 digits; it reads as NumberText writes large numbers.
        var at = Extrapolator.Fit(Straight()).At(1e308);
        Assert.StartsWith("Your largest run budget (1.30E+20 FLOPs) is 1/7.69E+287 of this budget: 287.9 decades", at.Distance, StringComparison.Ordinal);
        Assert.Equal("1/30", Extrapolator.Fit(Straight()).At(3.9e21).FractionOfBudget);
    }

    [Fact]
    public void At_BeyondTheOwnBacktestAndTheCorpus_Warns()
    {
        var extrapolation = Extrapolator.Fit(Straight());
        Assert.Empty(extrapolation.At(extrapolation.Forecast.LargestBudgetFlops * 10).Warnings);
        var far = extrapolation.At(1e26);
        Assert.Contains(far.Warnings, w => w.Contains("own back-test reaches", StringComparison.Ordinal));
        Assert.Contains(far.Warnings, w => w.Contains("No back-test of a published study", StringComparison.Ordinal));
    }

    [Fact]
    public void Fit_OwnBacktestMissesMoreThanTheCorpus_WidensTheInterval()
    {
        // An optimum that bends sharply (curvature 0.03 per (ln C)², ten times the corpus's spread): the runs' own
        // back-test misses by more than published studies did, and the interval must say so.
        var runs = ParabolicStudies.Runs(ParabolicStudies.Optimum(0.5, 0.03), ParabolicStudies.Budgets(1e18, 1e21, 8), noise: 0.002, seed: 1);
        var extrapolation = Extrapolator.Fit(runs);
        Assert.True(extrapolation.WidenedByOwnBacktest);
        Assert.Equal(extrapolation.OwnQuantile, extrapolation.Quantile);
        var at = extrapolation.At(1e23);
        double corpusWidth = Math.Exp(2 * extrapolation.CorpusQuantile * extrapolation.Forecast.Scale(1e23));
        Assert.True(at.WidthRatio > corpusWidth);
        Assert.Contains(at.Warnings, w => w.Contains("widened", StringComparison.Ordinal));
    }

    [Fact]
    public void Fit_SameSeed_SameOutput()
    {
        var options = new ExtrapolationOptions { Method = ExtrapolationMethod.VariableProjection, Seed = 9, Resamples = 30 };
        var first = Extrapolator.Fit(Straight(), options).At(1e23);
        var second = Extrapolator.Fit(Straight(), options).At(1e23);
        Assert.Equal(first, second with { Warnings = first.Warnings });
        Assert.Equal(first.Warnings, second.Warnings);
    }

    [Fact]
    public void Fit_UncalibratedMethod_SaysSo()
    {
        var at = Extrapolator.Fit(Straight(), new ExtrapolationOptions { Method = ExtrapolationMethod.VariableProjection, Resamples = 20 }).At(1e22);
        Assert.False(at.Calibrated);
        Assert.Contains(at.Warnings, w => w.Contains("not calibrated", StringComparison.Ordinal));
    }

    [Fact]
    public void Fit_OneBudget_ThrowsUnusableRunsNamingBudgets()
    {
        var runs = ParabolicStudies.Runs(ParabolicStudies.Optimum(0.5), [1e20]);
        var error = Assert.Throws<UnusableRunsException>(() => Extrapolator.Fit(runs));
        Assert.Equal("budgets", error.Quantity);
    }

    [Fact]
    public void Fit_Auto_ChoosesAMethodWithTheLeastOwnBacktestError()
    {
        var runs = Straight();
        var auto = Extrapolator.Fit(runs, new ExtrapolationOptions { ChooseByBacktest = true, Resamples = 20 });
        double Error(ExtrapolationMethod m) => Extrapolator.Fit(runs, new ExtrapolationOptions { Method = m, Resamples = 20 }).Backtest!.RootMeanSquareLogError();
        double chosen = Error(auto.Forecast.Method);
        Assert.All(Extrapolator.AutomaticCandidates, m => Assert.True(chosen <= Error(m)));
    }
}
