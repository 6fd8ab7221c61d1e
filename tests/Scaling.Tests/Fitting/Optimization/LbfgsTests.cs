using Scaling.Fitting.Approach3;
using Scaling.Fitting.Optimization;
using Scaling.Fitting.Runs;

namespace Scaling.Tests.Fitting.Optimization;

public class LbfgsTests
{
    private static (HuberLogLossObjective Objective, double[] Start, double Tolerance) Problem(int startIndex)
    {
        var runs = SyntheticRuns.Generate(SyntheticRunsDesign.Hoffmann2022 with { Seed = 9 });
        var data = new FitData(runs);
        var objective = new HuberLogLossObjective(data.Count, 1e-3, data.LogParametersCenter, data.LogTokensCenter);
        objective.Load(data.LogN, data.LogD, data.LogL, data.Ones);
        var natural = new double[5];
        InitialGrid.Hoffmann2022.Point(startIndex, natural);
        var start = new double[5];
        objective.ToCentered(natural, start);
        return (objective, start, 1e-9 * 1e-3 * data.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2000)]
    [InlineData(4499)]
    public void Minimize_SinglePrecisionPhase_DoesMostEvaluationsInSingleButConvergesAndReportsInDouble(int startIndex)
    {
        var (objective, x, tolerance) = Problem(startIndex);

        var outcome = new Lbfgs(HuberLogLossObjective.Dimension).Minimize(objective, x, tolerance, 2000, 1e-5 * 1e-3 * objective.Count);

        Assert.Equal(LbfgsStop.GradientTolerance, outcome.Stop);
        Assert.True(outcome.SingleEvaluations > outcome.Evaluations / 2, $"{outcome.SingleEvaluations} of {outcome.Evaluations} in single precision");
        var gradient = new double[5];
        Assert.Equal(objective.Evaluate(x, gradient), outcome.Value);
        Assert.True(gradient.Max(Math.Abs) <= tolerance);
    }

    [Fact]
    public void Minimize_WithoutSinglePrecisionTolerance_NeverEvaluatesInSingle()
    {
        var (objective, x, tolerance) = Problem(2000);

        var outcome = new Lbfgs(HuberLogLossObjective.Dimension).Minimize(objective, x, tolerance, 2000);

        Assert.Equal(LbfgsStop.GradientTolerance, outcome.Stop);
        Assert.Equal(0, outcome.SingleEvaluations);
    }

    [Fact]
    public void Minimize_IterationLimitInSinglePrecision_ReportsTheDoublePrecisionValue()
    {
        var (objective, x, tolerance) = Problem(4499);

        var outcome = new Lbfgs(HuberLogLossObjective.Dimension).Minimize(objective, x, tolerance, 3, 1e-5 * 1e-3 * objective.Count);

        Assert.Equal(LbfgsStop.IterationLimit, outcome.Stop);
        Assert.Equal(objective.Evaluate(x, new double[5]), outcome.Value);
    }
}
