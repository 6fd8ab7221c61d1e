using Scaling.Fitting.Approach3;
using Scaling.Fitting.Runs;

namespace Scaling.Tests.Fitting.Approach3;

/// <summary>
/// The fit beyond <see cref="ParametricFitOptions.SubsampleRuns"/>: the grid on a stratified subsample, the best
/// distinct optima polished on all runs. Small thresholds here make the full protocol cheap enough to compare with.
/// </summary>
public class ParametricFitAtScaleTests
{
    private static IReadOnlyList<TrainingRun> Runs(int count, long seed = 2022) =>
        SyntheticRuns.Generate(SyntheticRunsDesign.Hoffmann2022 with { TotalRuns = count, Seed = seed });

    [Theory]
    [InlineData(2022)]
    [InlineData(7)]
    public void SubsampleThenPolish_FindsTheSameOptimumAsEveryStartOnEveryRun(long seed)
    {
        var runs = Runs(3000, seed);
        var options = new ParametricFitOptions { Grid = InitialGrid.Hoffmann2022.Sample(150), SubsampleRuns = 240 };
        var scaled = ParametricFit.Fit(runs, options);
        var full = ParametricFit.Fit(runs, options with { SubsampleRuns = int.MaxValue });

        Assert.True(scaled.Subsampled);
        Assert.Equal(240, scaled.GridRuns);
        Assert.InRange(scaled.PolishedStarts, 1, options.PolishStarts);
        Assert.False(full.Subsampled);
        Assert.Equal(3000, full.GridRuns);
        Assert.True(scaled.Converged);
        Assert.Equal(full.Objective, scaled.Objective, full.Objective * 1e-9);
        Assert.Equal(full.Law.Alpha, scaled.Law.Alpha, 1e-5);
        Assert.Equal(full.Law.Beta, scaled.Law.Beta, 1e-5);
        Assert.Equal(full.Law.E, scaled.Law.E, 1e-5);
        Assert.Equal(3000, scaled.RunsUsed);
    }

    [Fact]
    public void AtOrBelowTheThreshold_EveryStartRunsOnEveryRun()
    {
        var runs = Runs(240);
        var fit = ParametricFit.Fit(runs, new ParametricFitOptions { Grid = InitialGrid.Hoffmann2022.Sample(50), SubsampleRuns = 240 });
        Assert.False(fit.Subsampled);
        Assert.Equal(240, fit.GridRuns);
        Assert.Equal(0, fit.PolishedStarts);
    }

    [Fact]
    public void Progress_CountsStartsAndPolishedOptima_UpToProgressTotal()
    {
        var runs = Runs(1000);
        var options = new ParametricFitOptions { Grid = InitialGrid.Hoffmann2022.Sample(100), SubsampleRuns = 200, PolishStarts = 4 };
        var reports = new List<int>();
        var progress = new SynchronousProgress(reports);
        var fit = ParametricFit.Fit(runs, options, progress);
        Assert.Equal(options.ProgressTotal(runs.Count), reports.Max());
        Assert.Equal(100 + fit.PolishedStarts, reports.Max());
    }

    [Theory]
    [InlineData(1000, 100)]
    [InlineData(24000, 2400)]
    [InlineData(5000, 4999)]
    public void StratifiedSubsample_TakesExactlyCountRuns_SpanningNAndD(int total, int count)
    {
        var runs = Runs(total);
        var sample = ParametricFit.StratifiedSubsample(runs, count);
        Assert.Equal(count, sample.Count);
        var original = runs.ToHashSet(ReferenceEqualityComparer.Instance);
        Assert.All(sample, r => Assert.Contains(r, original));
        Assert.Equal(count, sample.ToHashSet(ReferenceEqualityComparer.Instance).Count);

        // Every band of N gives runs: the sample's N reaches into the lowest and the highest 1/√count of the runs.
        int band = (int)Math.Ceiling((double)total / Math.Ceiling(Math.Sqrt(count)));
        var byN = runs.Select(r => r.Parameters).Order().ToArray();
        Assert.True(sample.Min(r => r.Parameters) <= byN[band - 1]);
        Assert.True(sample.Max(r => r.Parameters) >= byN[total - band]);
        var byD = runs.Select(r => r.Tokens).Order().ToArray();
        Assert.True(sample.Min(r => r.Tokens) <= byD[total / 10]);
        Assert.True(sample.Max(r => r.Tokens) >= byD[total - (total / 10)]);
    }

    [Fact]
    public void DistinctBest_SkipsEndPointsInTheSameBasin()
    {
        double[] values = [3.0, 1.0, 1.0 + 1e-12, 2.0];
        double[] points =
        [
            0, 0, 0, 0.3, 0.3,
            5, 6, 0.5, 0.34, 0.28,
            5, 6, 0.5, 0.34, 0.28 + 1e-6,
            9, 9, 0.1, 0.5, 0.5,
        ];
        Assert.Equal([1, 3, 0], ParametricFit.DistinctBest(values, points, 8));
        Assert.Equal([1, 3], ParametricFit.DistinctBest(values, points, 2));
    }

    private sealed class SynchronousProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
