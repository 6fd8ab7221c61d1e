using Scaling.Fitting.Runs;

namespace Scaling.Tests.Fitting.Runs;

public class FittableRunsTests
{
    private static TrainingRun Run(double n, double d, double loss) => TrainingRun.Create(n, d, loss);

    [Fact]
    public void Require_FewerThanFiveRuns_SaysHowManyAreNeeded()
    {
        var runs = Enumerable.Range(1, 4).Select(i => Run(i * 1e8, i * 1e9, 3 - (0.1 * i))).ToArray();
        var e = Assert.Throws<UnusableRunsException>(() => FittableRuns.Require(runs));
        Assert.Contains("only 4 usable run(s)", e.Message);
        Assert.Contains("at least 5", e.Message);
    }

    [Fact]
    public void Require_OneModelSize_SaysTheLawIsNotIdentifiable()
    {
        var runs = Enumerable.Range(1, 6).Select(i => Run(1e8, i * 1e9, 3 - (0.1 * i))).ToArray();
        var e = Assert.Throws<UnusableRunsException>(() => FittableRuns.Require(runs));
        Assert.Contains("same parameter count", e.Message);
        Assert.Contains("not identifiable", e.Message);
    }

    [Fact]
    public void Require_OneTokenCount_SaysTheLawIsNotIdentifiable()
    {
        var runs = Enumerable.Range(1, 6).Select(i => Run(i * 1e8, 1e9, 3 - (0.1 * i))).ToArray();
        var e = Assert.Throws<UnusableRunsException>(() => FittableRuns.Require(runs));
        Assert.Contains("same token count", e.Message);
    }

    [Fact]
    public void Require_EqualLosses_SaysThereIsNothingToFit()
    {
        var runs = Enumerable.Range(1, 6).Select(i => Run(i * 1e8, i * 1e9, 3)).ToArray();
        var e = Assert.Throws<UnusableRunsException>(() => FittableRuns.Require(runs));
        Assert.Contains("same loss", e.Message);
    }

    [Fact]
    public void Require_AVariedDesign_Passes()
    {
        var runs = Enumerable.Range(1, 6).Select(i => Run(i * 1e8, (7 - i) * 1e9, 3 - (0.01 * i))).ToArray();
        FittableRuns.Require(runs);
    }
}
