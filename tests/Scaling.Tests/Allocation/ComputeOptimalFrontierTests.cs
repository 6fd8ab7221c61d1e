using FsCheck;
using FsCheck.Fluent;
using Scaling.Allocation;
using Scaling.Laws;

namespace Scaling.Tests.Allocation;

public class ComputeOptimalFrontierTests
{
    private static ComputeOptimalFrontier Frontier(ParametricLaw law) => law.Frontier();

    [MathProperty]
    public Property Optimum_IsHoffmannsEquation4(LossLaw law, Budget c)
    {
        // Hoffmann et al. 2022, Eq. 4, written out here from the coefficients: N* = G·(C/6)^(β/(α+β)),
        // D* = G⁻¹·(C/6)^(α/(α+β)), G = (αA/(βB))^(1/(α+β)). A swapped exponent or a wrong G fails this.
        double sum = law.Alpha + law.Beta;
        double g = Math.Pow(law.Alpha * law.A / (law.Beta * law.B), 1 / sum);
        double parameters = g * Math.Pow(c.Flops / 6, law.Beta / sum);
        double tokens = Math.Pow(c.Flops / 6, law.Alpha / sum) / g;

        var optimum = ComputeOptimalFrontier.Create(law).Optimum(c.Flops);

        return (Math.Abs(optimum.Parameters / parameters - 1) <= 1e-12 && Math.Abs(optimum.Tokens / tokens - 1) <= 1e-12)
            .Label($"N {optimum.Parameters} vs {parameters}, D {optimum.Tokens} vs {tokens}");
    }

    [MathProperty]
    public Property Optimum_IsNotBeatenAlongTheIsoFlopLine(LossLaw law, Budget c, Factor f)
    {
        var frontier = ComputeOptimalFrontier.Create(law);
        var optimum = frontier.Optimum(c.Flops);
        var moved = frontier.At(c.Flops, optimum.Parameters * f.Value);
        // Near f = 1 both losses agree to rounding; allow a few ulps of the loss.
        return (moved.Loss >= optimum.Loss - (1e-14 * optimum.Loss))
            .Label($"optimum {optimum.Loss} moved {moved.Loss}");
    }

    [MathProperty]
    public Property Optimum_GrowsWithBudgetAndLowersLoss(LossLaw law, Budget c, Factor f)
    {
        var frontier = ComputeOptimalFrontier.Create(law);
        double larger = c.Flops * (1 + Math.Abs(Math.Log10(f.Value)) + 1e-3);
        var small = frontier.Optimum(c.Flops);
        var big = frontier.Optimum(larger);
        return (big.Parameters > small.Parameters && big.Tokens > small.Tokens && big.Loss < small.Loss)
            .Label($"small {small} big {big}");
    }

    [MathProperty]
    public Property Exponents_AreTheLocalSlopesOfTheOptimum(LossLaw law, Budget c)
    {
        // a = d ln N*/d ln C and b = d ln D*/d ln C, measured on the optimum itself over a doubling of compute, and
        // a = β/(α+β) (Hoffmann et al. 2022, Eq. 4): reporting α/(α+β) for a fails whenever α ≠ β.
        var frontier = ComputeOptimalFrontier.Create(law);
        var low = frontier.Optimum(c.Flops);
        var high = frontier.Optimum(c.Flops * 2);
        double slopeN = Math.Log(high.Parameters / low.Parameters) / Math.Log(2);
        double slopeD = Math.Log(high.Tokens / low.Tokens) / Math.Log(2);
        return (Math.Abs(slopeN - frontier.ExponentA) <= 1e-9
                && Math.Abs(slopeD - frontier.ExponentB) <= 1e-9
                && Math.Abs(frontier.ExponentA - (law.Beta / (law.Alpha + law.Beta))) <= 1e-15)
            .Label($"a {frontier.ExponentA} slope {slopeN}; b {frontier.ExponentB} slope {slopeD}");
    }

    [Fact]
    public void Create_ExponentNegligibleBesideTheOther_IsAnInvalidLaw()
    {
        // α = 1e-300 makes a = β/(α+β) round to 1 and G underflow to 0: every plan would be 0 parameters.
        var law = LossLaw.Create(1.69, 406.4, 410.7, alpha: 1e-300, beta: 0.28);
        var e = Assert.Throws<InvalidLawException>(() => ComputeOptimalFrontier.Create(law));
        Assert.Equal("a", e.Quantity);
    }

    [Theory]
    [InlineData(1e-300, "parameters")]
    [InlineData(1e-7, "parameters")]
    public void Plan_BudgetBelowAOneParameterModel_IsInfeasible(double flops, string quantity)
    {
        var e = Assert.Throws<InfeasiblePlanException>(() => LawPresets.Default.Plan(flops));
        Assert.Equal(quantity, e.Quantity);
    }

    [Theory]
    [InlineData(1e308)]
    [InlineData(1.0)]
    public void FlopsForLoss_TargetNoComputeReaches_IsInfeasible(double loss)
    {
        var e = Assert.Throws<InfeasiblePlanException>(() => Frontier(LawPresets.Default).FlopsForLoss(loss));
        Assert.Equal(loss, e.Value);
    }

    [MathProperty]
    public Property FlopsForLoss_InvertsTheOptimalLoss(LossLaw law, Budget c)
    {
        var frontier = ComputeOptimalFrontier.Create(law);
        double loss = frontier.Optimum(c.Flops).Loss;
        double back = frontier.FlopsForLoss(loss);
        // C = k·((L − E)/K)^(−1/γ) has condition number L/((L − E)·γ): one rounding of L moves C by that many ulps.
        // For the published laws this term is below 1e-12, but a random steep law at 1e30 FLOPs leaves L − E ≈ 1e-8,
        // where no floating-point inverse can do better.
        double reducible = loss - law.E;
        double conditioning = 4 * (double.BitIncrement(1.0) - 1.0) * loss / (reducible * frontier.LossDecayExponent);
        return (Math.Abs(back / c.Flops - 1) <= 1e-9 + conditioning).Label($"C {c.Flops} back {back} conditioning {conditioning}");
    }

    [Theory]
    [InlineData("besiroglu2024")]
    [InlineData("hoffmann2022")]
    [InlineData("hoffmann2022-unrounded")]
    public void FlopsForLoss_PublishedLaws_InvertWithin1e9UpTo1e30(string name)
    {
        var frontier = Frontier((ParametricLaw)LawPresets.Find(name)!);
        for (double c = 1e15; c <= 1e30; c *= 7.3)
        {
            double back = frontier.FlopsForLoss(frontier.Optimum(c).Loss);
            Assert.True(Math.Abs(back / c - 1) <= 1e-9, $"C {c} back {back}");
        }
    }

    [MathProperty]
    public Property OptimalLoss_AgreesWithTheLossAtTheOptimum(LossLaw law, Budget c)
    {
        var frontier = ComputeOptimalFrontier.Create(law);
        double closedForm = frontier.OptimalLoss(c.Flops);
        double direct = frontier.Optimum(c.Flops).Loss;
        return (Math.Abs(closedForm - direct) <= 1e-12 * direct).Label($"{closedForm} vs {direct}");
    }

    [MathProperty]
    public Property OptimumForParameters_IsTheInverseOfOptimum(LossLaw law, Budget c)
    {
        var frontier = ComputeOptimalFrontier.Create(law);
        var forward = frontier.Optimum(c.Flops);
        var back = frontier.OptimumForParameters(forward.Parameters);
        return (Math.Abs(back.Flops / c.Flops - 1) <= 1e-9 && Math.Abs(back.Tokens / forward.Tokens - 1) <= 1e-9)
            .Label($"back {back}");
    }

    [MathProperty]
    public Property CappedOptimum_RespectsTheCapAndIsTheBestWithinIt(LossLaw law, Budget c, Factor f)
    {
        var frontier = ComputeOptimalFrontier.Create(law);
        var free = frontier.Optimum(c.Flops);
        double cap = free.Parameters * f.Value;
        var capped = frontier.Optimum(c.Flops, AllocationLimits.Create(maxParameters: cap));
        var smaller = frontier.At(c.Flops, Math.Min(cap, capped.Parameters) * 0.9);
        return (capped.Parameters <= cap * (1 + 1e-15)
                && Math.Abs(6 * capped.Parameters * capped.Tokens / c.Flops - 1) <= 1e-9
                && capped.Loss >= free.Loss - (1e-14 * free.Loss)
                && smaller.Loss >= capped.Loss - (1e-14 * capped.Loss))
            .Label($"cap {cap} capped {capped}");
    }

    [MathProperty]
    public Property ComputeEfficiency_IsOneOnTheFrontierAndTheFrontiersShareOfTheComputeOffIt(LossLaw law, Budget c, Factor f)
    {
        var frontier = ComputeOptimalFrontier.Create(law);
        var free = frontier.Optimum(c.Flops);
        double onFrontier = frontier.ComputeEfficiency(free.Parameters, free.Tokens);
        double parameters = free.Parameters * f.Value;
        double tokens = free.Tokens / f.Value;
        double off = frontier.ComputeEfficiency(parameters, tokens);
        // The definition, C*(L(N, D)) / (6·N·D), where L − E keeps six digits and C* is representable.
        double loss = law.Loss(parameters, tokens);
        bool representable = loss - law.E > 1e-6 * law.E && double.IsNormal(6 * parameters * tokens);
        double direct = representable ? frontier.FlopsForLoss(loss) / (6 * parameters * tokens) : 1;
        representable &= double.IsNormal(direct);
        return (Math.Abs(onFrontier - 1) <= 1e-9
                && off <= 1
                && (Math.Abs(Math.Log(f.Value)) < 0.1 || off < 1)
                && (!representable || Math.Abs(off / Math.Min(1, direct) - 1) <= 1e-6))
            .Label($"on {onFrontier}, off {off}, direct {direct}");
    }

    [Fact]
    public void Optimum_ConfigurableFlopsPerParameterToken_SpendsTheBudget()
    {
        var frontier = ComputeOptimalFrontier.Create(LawPresets.Default.LossLaw, flopsPerParameterToken: 8);
        var optimum = frontier.Optimum(1e24);
        Assert.Equal(1.0, 8 * optimum.Parameters * optimum.Tokens / 1e24, 12);
    }

    [Fact]
    public void Optimum_BothCapsTooTight_Throws()
    {
        var frontier = Frontier(LawPresets.Default);
        var limits = AllocationLimits.Create(maxParameters: 1e9, maxTokens: 1e10);
        var e = Assert.Throws<InfeasiblePlanException>(() => frontier.Optimum(1e24, limits));
        Assert.Equal("flops", e.Quantity);
    }

    [Fact]
    public void Optimum_TokenCap_MovesComputeIntoParameters()
    {
        var frontier = Frontier(LawPresets.Default);
        var capped = frontier.Optimum(5.76e23, AllocationLimits.Create(maxTokens: 1e12));
        Assert.Equal(1e12, capped.Tokens, 1e12 * 1e-12);
        Assert.True(capped.Parameters > frontier.Optimum(5.76e23).Parameters);
    }

    [Theory]
    [InlineData(1.69)]
    [InlineData(1.5)]
    public void FlopsForLoss_AtOrBelowIrreducibleLoss_Throws(double target)
    {
        var e = Assert.Throws<InfeasiblePlanException>(() => Frontier(LawPresets.Hoffmann2022).FlopsForLoss(target));
        Assert.Contains("irreducible", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FlopsForLoss_NaN_IsAnArgumentError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Frontier(LawPresets.Hoffmann2022).FlopsForLoss(double.NaN));
    }

    // Test vectors computed by hand from Hoffmann et al. 2022 (arXiv 2203.15556) Eq. 4 and 10 (printed preset), C = 5.76e23 (Gopher's budget):
    // G 1.3447, a 0.4516, N 3.219e10, D 2.982e12, D/N 92.7, L 1.9307.
    [Fact]
    public void Optimum_PrintedHoffmannAtGopherBudget_MatchesTestVector()
    {
        var frontier = Frontier(LawPresets.Hoffmann2022);
        var optimum = frontier.Optimum(5.76e23);
        AssertRelative(1.3447, frontier.G);
        AssertRelative(0.4516, frontier.ExponentA);
        AssertRelative(3.219e10, optimum.Parameters);
        AssertRelative(2.982e12, optimum.Tokens);
        AssertRelative(92.7, optimum.TokensPerParameter);
        AssertRelative(1.9307, optimum.Loss);
    }

    // Computed from Hoffmann et al. 2022, Eq. 4 with the unrounded Eq. 10 fit: at C = 5.76e23 → N 4.036e10 (Hoffmann et al. 2022's "40B" for Gopher's budget), D 2.379e12.
    [Fact]
    public void Optimum_UnroundedHoffmannAtGopherBudget_GivesThePapers40B()
    {
        var optimum = Frontier(LawPresets.Hoffmann2022Unrounded).Optimum(5.76e23);
        AssertRelative(4.036e10, optimum.Parameters);
        AssertRelative(2.379e12, optimum.Tokens);
    }

    // Computed from Besiroglu et al. 2024 (arXiv 2404.10102) refit, Hoffmann Eq. 4, at C = 5.76e23 → G 0.1196, a 0.5126, N 7.225e10, D 1.329e12, D/N 18.4.
    [Fact]
    public void Optimum_BesirogluAtGopherBudget_MatchesTestVector()
    {
        var frontier = Frontier(LawPresets.Besiroglu2024);
        var optimum = frontier.Optimum(5.76e23);
        AssertRelative(0.1196, frontier.G);
        AssertRelative(0.5126, frontier.ExponentA);
        AssertRelative(7.225e10, optimum.Parameters);
        AssertRelative(1.329e12, optimum.Tokens);
        AssertRelative(18.4, optimum.TokensPerParameter);
    }

    // Computed from Hoffmann et al. 2022, Eq. 4 inverted, unrounded Eq. 10 fit: N = 1e9 → C 1.75e20, D 2.91e10.
    [Fact]
    public void OptimumForParameters_UnroundedOneBillion_MatchesTestVector()
    {
        var optimum = Frontier(LawPresets.Hoffmann2022Unrounded).OptimumForParameters(1e9);
        AssertRelative(1.75e20, optimum.Flops);
        AssertRelative(2.91e10, optimum.Tokens);
    }

    // Our tolerance for vectors computed by hand from the published equations is 0.5%.
    private static void AssertRelative(double expected, double actual) =>
        Assert.True(Math.Abs(actual / expected - 1) <= 0.005, $"expected {expected}, got {actual}");
}
