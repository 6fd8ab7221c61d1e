using Scaling.Allocation;
using Scaling.Laws;

namespace Scaling.Tests.Laws;

public class PowerLawAllocationRuleTests
{
    // Hoffmann et al. 2022, arXiv 2203.15556, Table 3 (Approach 1): parameters, FLOPs, tokens.
    public static TheoryData<double, double, double> Table3 => new()
    {
        { 400e6, 1.92e19, 8.0e9 },
        { 1e9, 1.21e20, 20.2e9 },
        { 10e9, 1.23e22, 205.1e9 },
        { 67e9, 5.76e23, 1.5e12 },
        { 175e9, 3.85e24, 3.7e12 },
        { 280e9, 9.90e24, 5.9e12 },
        { 520e9, 3.43e25, 11.0e12 },
        { 1e12, 1.27e26, 21.2e12 },
        { 10e12, 1.30e28, 216.2e12 },
    };

    // Hoffmann et al. 2022, Table A3 (Approach 2): parameters, FLOPs, tokens.
    public static TheoryData<double, double, double> TableA3 => new()
    {
        { 400e6, 1.84e19, 7.7e9 },
        { 1e9, 1.20e20, 20.0e9 },
        { 10e9, 1.32e22, 219.5e9 },
        { 67e9, 6.88e23, 1.7e12 },
        { 175e9, 4.54e24, 4.3e12 },
        { 280e9, 1.18e25, 7.1e12 },
        { 520e9, 4.19e25, 13.4e12 },
        { 1e12, 1.59e26, 26.5e12 },
        { 10e12, 1.75e28, 292.0e12 },
    };

    [Theory]
    [MemberData(nameof(Table3))]
    public void Approach1_ReproducesTable3_Within5Percent(double parameters, double flops, double tokens) =>
        AssertRow(LawPresets.Hoffmann2022Approach1.Rule, parameters, flops, tokens);

    [Theory]
    [MemberData(nameof(TableA3))]
    public void Approach2_ReproducesTableA3_Within5Percent(double parameters, double flops, double tokens) =>
        AssertRow(LawPresets.Hoffmann2022Approach2.Rule, parameters, flops, tokens);

    [Fact]
    public void Tokens20_GivesTwentyTokensPerParameterAtAnyBudget()
    {
        var rule = LawPresets.Tokens20.Rule;
        foreach (double flops in new[] { 1e18, 5.76e23, 1e28 })
        {
            var optimum = rule.Allocator().Optimum(flops);
            Assert.Equal(20, optimum.TokensPerParameter, 9);
            Assert.Equal(flops, 6 * optimum.Parameters * optimum.Tokens, flops * 1e-12);
        }
    }

    [Fact]
    public void Optimum_IsTheInverseOfOptimumForParameters()
    {
        var rule = LawPresets.Hoffmann2022Approach2.Rule;
        var byFlops = rule.Allocator().Optimum(1e24);
        var byParameters = rule.Allocator().OptimumForParameters(byFlops.Parameters);
        Assert.Equal(1e24, byParameters.Flops, 1e24 * 1e-12);
    }

    [Theory]
    [InlineData(0.1, 0)]
    [InlineData(0.1, 1)]
    [InlineData(-0.1, 0.5)]
    [InlineData(double.NaN, 0.5)]
    public void Create_OutOfRange_Throws(double coefficient, double exponent)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PowerLawAllocationRule.Create(coefficient, exponent));
    }

    private static void AssertRow(PowerLawAllocationRule rule, double parameters, double flops, double tokens)
    {
        var row = rule.Allocator().OptimumForParameters(parameters);
        Assert.InRange(row.Flops / flops, 0.95, 1.05);
        Assert.InRange(row.Tokens / tokens, 0.95, 1.05);
    }
}
