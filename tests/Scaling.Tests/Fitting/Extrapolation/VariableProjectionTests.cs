using Scaling.Fitting.Extrapolation;
using Scaling.Laws;

namespace Scaling.Tests.Fitting.Extrapolation;

public class VariableProjectionTests
{
    [Fact]
    public void Fit_Cancelled_StopsWithOperationCanceled()
    {
        var runs = SyntheticCurves.IsoFlop(LawPresets.Hoffmann2022.LossLaw, SyntheticCurves.HoffmannBudgets, 9, span: 6, noise: 0, seed: 1);
        Assert.ThrowsAny<OperationCanceledException>(() => VariableProjection.Fit(runs, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Fit_NoiseFreeHoffmannRuns_RecoversTheLawWithin1Percent()
    {
        // Hoffmann et al. 2022, Eq. 10: E 1.69, A 406.4, B 410.7, α 0.34, β 0.28 (LawPresets.Hoffmann2022).
        var law = LawPresets.Hoffmann2022.LossLaw;
        var runs = SyntheticCurves.IsoFlop(law, SyntheticCurves.HoffmannBudgets, 9, span: 6, noise: 0, seed: 1);
        var fit = VariableProjection.Fit(runs)!;
        Assert.Equal(law.Alpha, fit.Alpha, law.Alpha * 0.01);
        Assert.Equal(law.Beta, fit.Beta, law.Beta * 0.01);
        Assert.Equal(law.E, fit.E, law.E * 0.01);
        Assert.Equal(law.A, fit.A, law.A * 0.01);
        Assert.Equal(law.B, fit.B, law.B * 0.01);
    }

    [Fact]
    public void Fit_NoisyRuns_ResidualNoWorseThanTheTrueLaw()
    {
        // Least squares: the fitted law's residual on the runs cannot exceed the generating law's.
        var law = LawPresets.Hoffmann2022.LossLaw;
        var runs = SyntheticCurves.IsoFlop(law, SyntheticCurves.HoffmannBudgets, 9, span: 6, noise: 0.01, seed: 4);
        var fit = VariableProjection.Fit(runs)!;
        double Residual(LossLaw l) => runs.Sum(r => Math.Pow(r.Loss - l.Loss(r.Parameters, r.Tokens), 2));
        Assert.True(Residual(fit) <= Residual(law), $"fit {Residual(fit)} vs true {Residual(law)}");
    }

    [Fact]
    public void Fit_TooFewRuns_ThrowsUnusableRuns()
    {
        var runs = SyntheticCurves.IsoFlop(LawPresets.Hoffmann2022.LossLaw, [1e20], 4, span: 4, noise: 0, seed: 1);
        Assert.Throws<UnusableRunsException>(() => VariableProjection.Fit(runs));
    }
}
