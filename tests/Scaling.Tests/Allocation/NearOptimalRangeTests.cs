using FsCheck;
using FsCheck.Fluent;
using Scaling.Allocation;
using Scaling.Laws;

namespace Scaling.Tests.Allocation;

public class NearOptimalRangeTests
{
    private static readonly double[] Tolerances = [0.001, 0.005, 0.01, 0.05];

    [MathProperty]
    public Property Ends_LoseExactlyTheAllowance(LossLaw law, Budget c, Factor f)
    {
        double tolerance = Tolerances[(int)(Math.Abs(Math.Log10(f.Value)) * 1000) % Tolerances.Length];
        var frontier = ComputeOptimalFrontier.Create(law);
        var range = NearOptimalRange.Create(frontier, c.Flops, tolerance);
        double target = (1 + tolerance) * frontier.OptimalLoss(c.Flops);
        double lower = frontier.At(c.Flops, range.LowerParameters).Loss;
        double upper = frontier.At(c.Flops, range.UpperParameters).Loss;
        return (Math.Abs(lower / target - 1) < 1e-9
                && Math.Abs(upper / target - 1) < 1e-9
                && range.LowerParameters < range.Optimum.Parameters
                && range.Optimum.Parameters < range.UpperParameters)
            .Label($"ε {tolerance}: L(lower) {lower}, L(upper) {upper}, target {target}; {range.LowerParameters} < {range.Optimum.Parameters} < {range.UpperParameters}");
    }

    [MathProperty]
    public Property InsideTheRange_LossStaysWithinTheAllowance(LossLaw law, Budget c, Factor f)
    {
        var frontier = ComputeOptimalFrontier.Create(law);
        var range = NearOptimalRange.Create(frontier, c.Flops, 0.005);
        // A size drawn between the ends (log-uniformly, from the factor) loses at most 0.5%; a size past an end loses more.
        double share = (Math.Log10(f.Value) + 3) / 6;
        double inside = Math.Exp(Math.Log(range.LowerParameters) + (share * Math.Log(range.UpperParameters / range.LowerParameters)));
        double outside = range.UpperParameters * (1.01 + share);
        return (frontier.At(c.Flops, inside).Loss <= range.LossLimit * (1 + 1e-12)
                && frontier.At(c.Flops, outside).Loss > range.LossLimit)
            .Label($"inside {inside}, outside {outside}");
    }

    [MathProperty]
    public Property LargerAllowance_WidensTheRange(LossLaw law, Budget c)
    {
        var frontier = ComputeOptimalFrontier.Create(law);
        var half = NearOptimalRange.Create(frontier, c.Flops, 0.005);
        var one = NearOptimalRange.Create(frontier, c.Flops, 0.01);
        return (one.LowerParameters < half.LowerParameters && one.UpperParameters > half.UpperParameters)
            .Label($"0.5%: [{half.LowerParameters}, {half.UpperParameters}], 1%: [{one.LowerParameters}, {one.UpperParameters}]");
    }

    [Fact]
    public void Tokens_SpendTheBudgetAtBothEnds()
    {
        var range = NearOptimalRange.Create(LawPresets.Hoffmann2022.Frontier(), 5.76e23, 0.01);
        Assert.Equal(5.76e23, 6 * range.LowerParameters * range.LowerParametersTokens, 5.76e23 * 1e-12);
        Assert.Equal(5.76e23, 6 * range.UpperParameters * range.UpperParametersTokens, 5.76e23 * 1e-12);
        Assert.True(range.LowerParametersTokens > range.Optimum.Tokens);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Create_RejectsAllowancesOutsideZeroToOne(double tolerance) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NearOptimalRange.Create(LawPresets.Hoffmann2022.Frontier(), 1e24, tolerance));
}
