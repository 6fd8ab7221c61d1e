using FsCheck;
using FsCheck.Fluent;
using Scaling.Fitting;

namespace Scaling.Tests.Fitting;

public class PowerLawFitTests
{
    [MathProperty]
    public Property Fit_ExactPowerLaw_RecoversCoefficientAndExponent(Factor coefficient, Budget low)
    {
        double exponent = 0.2 + (0.6 * (Math.Log10(coefficient.Value) + 3) / 6);
        double[] flops = [low.Flops, low.Flops * 10, low.Flops * 300, low.Flops * 1e4];
        var values = flops.Select(c => coefficient.Value * Math.Pow(c, exponent)).ToArray();
        var fit = PowerLawFit.Fit(flops, values);
        return (Math.Abs(fit.Exponent - exponent) < 1e-9
                && Math.Abs((fit.Coefficient / coefficient.Value) - 1) < 1e-7
                && Math.Abs(fit.RSquared - 1) < 1e-9)
            .Label($"k {fit.Coefficient} vs {coefficient.Value}, e {fit.Exponent} vs {exponent}");
    }

    [Fact]
    public void Fit_SingleComputeValue_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => PowerLawFit.Fit([1e20, 1e20], [1e9, 2e9]));
        Assert.Contains("two or more distinct compute", ex.Message);
    }

    [Fact]
    public void Fit_ScatteredPoints_MatchesLinearRegressionOfTheLogs()
    {
        double[] flops = [1e18, 3e18, 1e19, 4e19, 1e20];
        double[] values = [2.0e8, 3.9e8, 6.1e8, 1.3e9, 2.0e9];
        var fit = PowerLawFit.Fit(flops, values);
        var (intercept, slope) = MathNet.Numerics.Fit.Line(flops.Select(c => Math.Log(c)).ToArray(), values.Select(v => Math.Log(v)).ToArray());
        Assert.Equal(slope, fit.Exponent, 10);
        Assert.Equal(Math.Exp(intercept), fit.Coefficient, fit.Coefficient * 1e-9);
    }
}
