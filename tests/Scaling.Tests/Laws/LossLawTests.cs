using FsCheck;
using FsCheck.Fluent;
using Scaling.Laws;

namespace Scaling.Tests.Laws;

public class LossLawTests
{
    private static readonly LossLaw Printed = LawPresets.Hoffmann2022.LossLaw;

    [Theory]
    [InlineData(0, 406.4, 410.7, 0.34, 0.28)]
    [InlineData(1.69, -1, 410.7, 0.34, 0.28)]
    [InlineData(1.69, 406.4, double.NaN, 0.34, 0.28)]
    [InlineData(1.69, 406.4, 410.7, double.PositiveInfinity, 0.28)]
    [InlineData(1.69, 406.4, 410.7, 0.34, -0.28)]
    public void Create_NonPositiveOrNonFiniteCoefficient_Throws(double e, double a, double b, double alpha, double beta)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LossLaw.Create(e, a, b, alpha, beta));
    }

    // Test vectors (computed from Hoffmann et al. 2022, Eq. 10 as printed):
    // Chinchilla (70B, 1.4T) 1.9366 < Gopher (280B, 300B) 1.9933 < GPT-3 (175B, 300B) 2.0023.
    [Theory]
    [InlineData(70e9, 1.4e12, 1.9366)]
    [InlineData(280e9, 300e9, 1.9933)]
    [InlineData(175e9, 300e9, 2.0023)]
    public void Loss_PrintedHoffmann_MatchesPublishedModels(double parameters, double tokens, double expected)
    {
        Assert.Equal(expected, Printed.Loss(parameters, tokens), 4);
    }

    [MathProperty]
    public Property DerivativeByParameters_MatchesCentralDifference(LossLaw law, Budget size) =>
        MatchesCentralDifference(n => law.Loss(n, 1e12), law.DerivativeByParameters, size.Flops / 1e6);

    [MathProperty]
    public Property DerivativeByTokens_MatchesCentralDifference(LossLaw law, Budget tokens) =>
        MatchesCentralDifference(d => law.Loss(1e9, d), law.DerivativeByTokens, tokens.Flops / 1e3);

    [MathProperty]
    public Property Loss_IsTheIrreducibleLossPlusPositiveTerms(LossLaw law, Budget n, Budget d) =>
        (law.ParameterTerm(n.Flops) > 0 && law.DataTerm(d.Flops) > 0
            && law.Loss(n.Flops, d.Flops) == law.E + law.ParameterTerm(n.Flops) + law.DataTerm(d.Flops))
        .Label($"L = {law.Loss(n.Flops, d.Flops)}");

    [MathProperty]
    public Property ReducibleTerms_FallStrictlyWithScale(LossLaw law, Budget x, Factor f)
    {
        // The terms themselves, not E + term: beyond ~1e25 the term is below the last digit of E.
        double bigger = x.Flops * (1 + Math.Abs(Math.Log10(f.Value)) + 1e-3);
        return (law.ParameterTerm(bigger) < law.ParameterTerm(x.Flops) && law.DataTerm(bigger) < law.DataTerm(x.Flops))
            .Label($"x {x.Flops} bigger {bigger}");
    }

    [Fact]
    public void Loss_NonPositiveParameters_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Printed.Loss(0, 1e9));
    }

    private static Property MatchesCentralDifference(Func<double, double> f, Func<double, double> derivative, double x)
    {
        double h = x * 1e-5;
        double numeric = (f(x + h) - f(x - h)) / (2 * h);
        double analytic = derivative(x);
        // The loss is ~2 and the step changes it by ~1e-5 of its reducible part; allow that cancellation.
        double tolerance = 1e-5 * Math.Abs(analytic) + (1e-15 * Math.Abs(f(x)) / h);
        return (Math.Abs(numeric - analytic) <= tolerance).Label($"x={x} numeric={numeric} analytic={analytic}");
    }
}
