using FsCheck;
using FsCheck.Fluent;
using Scaling.Allocation;
using Scaling.Laws;

namespace Scaling.Tests.Laws;

public class DataConstrainedLossLawTests
{
    private static readonly DataConstrainedLossLaw Muennighoff =
        DataConstrainedLossLaw.Create(LawPresets.Muennighoff2023.LossLaw, RepetitionDecay.Muennighoff2023);

    // Test vector computed from Muennighoff et al. 2023 (arXiv 2305.16264) fitted constants: 2.2256441.
    // We get 2.2255998 (2e-5 relative): the vector's N_opt(U_D) is 0.16% below our G²·U_D = 1.2746e9, a difference in
    // how N_opt was evaluated, not in the law. A hand computation from the published equations is good to 0.5%; we hold 1e-4.
    [Fact]
    public void Loss_PublishedExample_Matches()
    {
        double loss = Muennighoff.Loss(parameters: 6.34e9, tokens: 242e9, uniqueTokens: 25e9);
        Assert.True(Math.Abs(loss / 2.2256441 - 1) < 1e-4, $"loss {loss:R}");
    }

    // Muennighoff et al. 2023 (arXiv 2305.16264), effective data with R_D* = 15.387756: D'/U_D after 2 epochs 1.968, after 4 epochs 3.726, after 16 epochs 10.58.
    [Theory]
    [InlineData(2, 1.968)]
    [InlineData(4, 3.726)]
    [InlineData(16, 10.58)]
    public void EffectiveTokens_AfterEpochs_MatchesPublishedRatio(double epochs, double expectedRatio)
    {
        double unique = 100e9;
        double ratio = Muennighoff.EffectiveTokens(epochs * unique, unique) / unique;
        Assert.True(Math.Abs(ratio / expectedRatio - 1) < 0.005, $"ratio {ratio}");
    }

    [Fact]
    public void EffectiveTokens_SaturatesAtOnePlusDecayTimesUnique()
    {
        // Muennighoff et al. 2023: D' approaches (1 + R_D*)·U_D ≈ 16.4·U_D however often the data is repeated.
        double ratio = Muennighoff.EffectiveTokens(1e6 * 1e9, 1e9) / 1e9;
        Assert.Equal(1 + RepetitionDecay.Muennighoff2023.DataDecayEpochs, ratio, 9);
    }

    [MathProperty]
    public Property WithoutRepetition_EqualsTheBaseLawUpToTheSupportedSize(LossLaw law, Budget tokens)
    {
        var constrained = DataConstrainedLossLaw.Create(law, RepetitionDecay.Muennighoff2023);
        double supported = ComputeOptimalFrontier.Create(law).ParametersForTokens(tokens.Flops);
        double loss = constrained.Loss(supported, tokens.Flops, tokens.Flops * 2);
        return (Math.Abs(loss - law.Loss(supported, tokens.Flops)) <= 1e-15 * loss).Label($"{loss}");
    }

    [MathProperty]
    public Property Loss_NeverBelowTheBaseLaw(LossLaw law, Budget n, Budget d, Factor uniqueShare)
    {
        var constrained = DataConstrainedLossLaw.Create(law, RepetitionDecay.Muennighoff2023);
        double unique = d.Flops * uniqueShare.Value;
        return (constrained.Loss(n.Flops, d.Flops, unique) >= law.Loss(n.Flops, d.Flops)).Label($"U {unique}");
    }

    [Fact]
    public void ComputeOptimalParameters_InvertsTheFrontier()
    {
        var optimum = ComputeOptimalFrontier.Create(Muennighoff.BaseLaw).Optimum(1e23);
        Assert.Equal(1.0, Muennighoff.ComputeOptimalParameters(optimum.Tokens) / optimum.Parameters, 12);
    }
}
