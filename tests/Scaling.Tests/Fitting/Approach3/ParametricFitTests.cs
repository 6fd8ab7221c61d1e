using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using Scaling.Fitting.Approach3;
using Scaling.Fitting.Runs;
using Scaling.Laws;

namespace Scaling.Tests.Fitting.Approach3;

public class ParametricFitTests
{
    private static readonly LossLaw Printed = LawPresets.Hoffmann2022.LossLaw;

    // A quick grid for the tests that are not about the paper's 4,500 starts.
    private static readonly ParametricFitOptions Quick = new() { Grid = InitialGrid.Hoffmann2022.Sample(300) };

    private static IReadOnlyList<TrainingRun> Synthetic(long seed, double noise = 0.01) =>
        SyntheticRuns.Generate(SyntheticRunsDesign.Hoffmann2022 with { Seed = seed, LogNoise = noise });

    private static double TrueExponentA => Printed.Beta / (Printed.Alpha + Printed.Beta);

    [Fact]
    public void Hoffmann2022Grid_Has4500Starts()
    {
        // Hoffmann et al. 2022, App. D.2: 5 values each of alpha, beta and e, 6 each of a and b.
        Assert.Equal(4500, InitialGrid.Hoffmann2022.Count);
        var point = new double[5];
        InitialGrid.Hoffmann2022.Point(4499, point);
        Assert.Equal([25, 25, 1, 2, 2], point);
    }

    [Fact]
    public void Fit_PrintedHoffmannWithOnePercentNoise_RecoversAlphaBetaAndA()
    {
        // The accuracy target: 9 budgets 6e18..3e21, 20-30 sizes each, 1% log-normal noise, the paper's grid.
        var fit = ParametricFit.Fit(Synthetic(2022));
        Assert.Equal(Printed.Alpha, fit.Law.Alpha, 0.02);
        Assert.Equal(Printed.Beta, fit.Law.Beta, 0.02);
        Assert.Equal(TrueExponentA, fit.ExponentA, 0.02);
        Assert.True(fit.Converged);
        Assert.Equal(4500, fit.Starts);
        Assert.InRange(fit.StartsAtBest, 1, fit.Starts);
        Assert.False(fit.OnGridBoundary);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(11)]
    public void Fit_OtherSeeds_RecoverTheExponents(long seed)
    {
        var fit = ParametricFit.Fit(Synthetic(seed), Quick);
        Assert.Equal(Printed.Alpha, fit.Law.Alpha, 0.02);
        Assert.Equal(Printed.Beta, fit.Law.Beta, 0.02);
        Assert.Equal(TrueExponentA, fit.ExponentA, 0.02);
    }

    [Fact]
    public void Fit_NoiseFreeData_RecoversTheLawClosely()
    {
        var fit = ParametricFit.Fit(Synthetic(1, noise: 0), Quick);
        Assert.Equal(Printed.E, fit.Law.E, 0.005);
        Assert.Equal(Printed.Alpha, fit.Law.Alpha, 0.002);
        Assert.Equal(Printed.Beta, fit.Law.Beta, 0.002);
        Assert.Equal(1, fit.Law.A / Printed.A, 0.02);
        Assert.Equal(1, fit.Law.B / Printed.B, 0.02);
        Assert.True(fit.Residuals.MaxAbsolute < 1e-6);
    }

    [Fact]
    public void Fit_BestPoint_IsStationaryForAnIndependentOptimiser()
    {
        // MathNet's BFGS, started at our optimum on the same objective written independently, must not move it.
        var runs = Synthetic(3);
        var fit = ParametricFit.Fit(runs, Quick);
        double[] lnN = runs.Select(r => Math.Log(r.Parameters)).ToArray();
        double[] lnD = runs.Select(r => Math.Log(r.Tokens)).ToArray();
        double[] lnL = runs.Select(r => Math.Log(r.Loss)).ToArray();
        var objective = ObjectiveFunction.Gradient(v =>
        {
            double f = 0;
            var g = Vector<double>.Build.Dense(5);
            for (int i = 0; i < lnN.Length; i++)
            {
                double u = v[0] - (v[3] * lnN[i]), w = v[1] - (v[4] * lnD[i]), e = v[2];
                double m = Math.Max(u, Math.Max(w, e));
                double s = Math.Exp(u - m) + Math.Exp(w - m) + Math.Exp(e - m);
                double r = m + Math.Log(s) - lnL[i];
                f += Math.Abs(r) <= 1e-3 ? 0.5 * r * r : 1e-3 * (Math.Abs(r) - 5e-4);
                double h = Math.Clamp(r, -1e-3, 1e-3);
                double pu = Math.Exp(u - m) / s, pw = Math.Exp(w - m) / s, pe = Math.Exp(e - m) / s;
                g[0] += h * pu;
                g[1] += h * pw;
                g[2] += h * pe;
                g[3] -= h * pu * lnN[i];
                g[4] -= h * pw * lnD[i];
            }

            return (f, g);
        });
        var start = Vector<double>.Build.DenseOfArray([Math.Log(fit.Law.A), Math.Log(fit.Law.B), Math.Log(fit.Law.E), fit.Law.Alpha, fit.Law.Beta]);
        var result = new BfgsMinimizer(1e-12, 1e-14, 1e-16, 2000).FindMinimum(objective, start);
        Assert.True(result.FunctionInfoAtMinimum.Value >= fit.Objective * (1 - 1e-9));
        Assert.Equal(fit.Law.Alpha, result.MinimizingPoint[3], 1e-4);
        Assert.Equal(fit.Law.Beta, result.MinimizingPoint[4], 1e-4);
    }

    [Fact]
    public void Fit_ThreadCount_DoesNotChangeTheResult()
    {
        var runs = Synthetic(4);
        var one = ParametricFit.Fit(runs, Quick with { MaxDegreeOfParallelism = 1 });
        var all = ParametricFit.Fit(runs, Quick);
        Assert.Equal(one.Law, all.Law);
        Assert.Equal(one.Objective, all.Objective);
        Assert.Equal(one.StartsAtBest, all.StartsAtBest);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(12)]
    public void Fit_SinglePrecisionPhase_EndsAtTheSameOptimumAsDoublePrecisionThroughout(long seed)
    {
        // The single-precision phase only changes how starts travel; the converged best point must be the same.
        var runs = Synthetic(seed);
        var fast = ParametricFit.Fit(runs, Quick);
        var exact = ParametricFit.Fit(runs, Quick with { SinglePrecisionPhase = false });
        Assert.True(fast.Converged && exact.Converged);
        Assert.Equal(exact.Objective, fast.Objective, 1e-9 * exact.Objective);
        Assert.Equal(exact.Law.Alpha, fast.Law.Alpha, 1e-6);
        Assert.Equal(exact.Law.Beta, fast.Law.Beta, 1e-6);
        Assert.Equal(exact.Law.E, fast.Law.E, 1e-6);
    }

    [Fact]
    public void Fit_ReportedObjective_IsTheDoublePrecisionObjectiveAtTheReportedLaw()
    {
        // Independent of the optimiser's precision phases: the summed Huber loss of the log residuals at the result.
        var runs = Synthetic(8);
        var fit = ParametricFit.Fit(runs, Quick);
        double expected = runs.Sum(r =>
        {
            double residual = Math.Log(fit.Law.Loss(r.Parameters, r.Tokens)) - Math.Log(r.Loss);
            return Math.Abs(residual) <= 1e-3 ? 0.5 * residual * residual : 1e-3 * (Math.Abs(residual) - 5e-4);
        });
        Assert.Equal(expected, fit.Objective, 1e-10 * expected);
    }

    [Fact]
    public void Fit_ExcludeTopLoss_LeavesOutTheHighestLossRuns()
    {
        var runs = Synthetic(5);
        var fit = ParametricFit.Fit(runs, Quick with { ExcludeTopLoss = 4 });
        Assert.Equal(runs.Count - 4, fit.RunsUsed);
        Assert.Equal(4, fit.RunsExcluded);
        double highestKept = fit.Runs.Max(r => r.Loss);
        Assert.Equal(4, runs.Count(r => r.Loss > highestKept));
    }

    [Fact]
    public void Fit_GridThatDoesNotBracketTheOptimum_SaysSo()
    {
        var narrow = InitialGrid.Create(alphas: [0.05, 0.1], betas: [0.05, 0.1], logEs: [0, 0.2], logAs: [5, 6], logBs: [5, 6]);
        var fit = ParametricFit.Fit(Synthetic(6), new ParametricFitOptions { Grid = narrow });
        Assert.True(fit.OnGridBoundary);
        Assert.Contains("alpha", fit.GridBoundaryAxes);
        Assert.Contains("beta", fit.GridBoundaryAxes);
    }

    [Fact]
    public void Fit_TooFewRuns_ThrowsAnArgumentExceptionNamingTheFix()
    {
        var runs = Synthetic(1).Take(4).ToArray();
        var e = Assert.Throws<UnusableRunsException>(() => ParametricFit.Fit(runs, Quick));
        Assert.Contains("at least 5", e.Message);
    }
}
