using FsCheck;
using FsCheck.Fluent;
using Scaling.Audit;
using Scaling.Laws;

namespace Scaling.Tests.Audit;

public class ModelAuditorTests
{
    private static ModelAuditor Auditor(string law) => ModelAuditor.Create(LawPresets.Find(law)!);

    private static PublishedModel Model(string name) => ModelRegistry.Published.Single(m => m.Name == name);

    // The acceptance list (Hoffmann et al. 2022, Table 1 sizes and tokens: GPT-3 1.7, Gopher 1.1, MT-NLG 0.5 tokens/parameter are undertrained;
    // Chinchilla 20 and LLaMA-65B 21.5 near optimal; Llama 3 8B ≈ 1,875 overtrained on purpose), under the printed
    // Hoffmann law and the Besiroglu refit.
    [Theory]
    [InlineData("hoffmann2022", "GPT-3 175B", AuditVerdict.Undertrained)]
    [InlineData("hoffmann2022", "Gopher 280B", AuditVerdict.Undertrained)]
    [InlineData("hoffmann2022", "MT-NLG 530B", AuditVerdict.Undertrained)]
    [InlineData("hoffmann2022", "Chinchilla 70B", AuditVerdict.NearOptimal)]
    [InlineData("hoffmann2022", "LLaMA-65B", AuditVerdict.NearOptimal)]
    [InlineData("hoffmann2022", "Llama 3 8B", AuditVerdict.Overtrained)]
    [InlineData("besiroglu2024", "GPT-3 175B", AuditVerdict.Undertrained)]
    [InlineData("besiroglu2024", "Gopher 280B", AuditVerdict.Undertrained)]
    [InlineData("besiroglu2024", "MT-NLG 530B", AuditVerdict.Undertrained)]
    [InlineData("besiroglu2024", "Chinchilla 70B", AuditVerdict.NearOptimal)]
    [InlineData("besiroglu2024", "LLaMA-65B", AuditVerdict.NearOptimal)]
    [InlineData("besiroglu2024", "Llama 3 8B", AuditVerdict.Overtrained)]
    public void Audit_PublishedModel_GetsTheExpectedVerdict(string law, string model, AuditVerdict expected)
    {
        Assert.Equal(expected, Auditor(law).Audit(Model(model)).Verdict);
    }

    [Theory]
    [InlineData("hoffmann2022", 3.219e10, 2.982e12)]  // Hoffmann et al. 2022, Eq. 4 with Eq. 10, computed at C = 5.76e23
    [InlineData("besiroglu2024", 7.225e10, 1.329e12)]
    public void Audit_ModelAtGophersBudget_FindsThePublishedOptimum(string law, double parameters, double tokens)
    {
        // Any model with 6ND = 5.76e23 has the same compute-optimal split.
        var audit = Auditor(law).Audit(80e9, 5.76e23 / (6 * 80e9));
        Assert.Equal(5.76e23, audit.Flops, 5.76e23 * 1e-12);
        Assert.Equal(parameters, audit.OptimalParameters, parameters * 0.005);
        Assert.Equal(tokens, audit.OptimalTokens, tokens * 0.005);
    }

    [Theory]
    [InlineData("GPT-3 175B", 2.0023)]     // Hoffmann et al. 2022, Eq. 2 with Eq. 10 (printed preset)
    [InlineData("Gopher 280B", 1.9933)]
    [InlineData("Chinchilla 70B", 1.9366)]
    public void Audit_PrintedLaw_PredictsThePublishedLosses(string model, double loss)
    {
        Assert.Equal(loss, Auditor("hoffmann2022").Audit(Model(model)).PredictedLoss!.Value, 4);
    }

    [Fact]
    public void Audit_InverseFrontier_GivesTheOptimalTokensForTheSize()
    {
        // Hoffmann et al. 2022, Eq. 4, unrounded coefficients: N = 1e9 → C 1.75e20, D 2.91e10.
        var audit = Auditor("hoffmann2022-unrounded").Audit(1e9, 1e10);
        Assert.Equal(2.91e10, audit.OptimalTokensForSize, 2.91e10 * 0.005);
        Assert.Equal(1.75e20, audit.OptimalFlopsForSize, 1.75e20 * 0.005);
    }

    [Theory]
    [InlineData("hoffmann2022")]
    [InlineData("besiroglu2024")]
    public void Audit_Gpt3_WasteMatchesTheClosedFormInTheParameterRatio(string name)
    {
        // waste = 1 − ((β·r^(−α) + α·r^β)/(α+β))^(−1/γ), r = N/N*, γ = αβ/(α+β): an independent route to the number.
        var law = ((ParametricLaw)LawPresets.Find(name)!).LossLaw;
        var audit = Auditor(name).Audit(175e9, 300e9);
        double r = audit.ParameterRatio, alpha = law.Alpha, beta = law.Beta, gamma = alpha * beta / (alpha + beta);
        double rho = ((beta * Math.Pow(r, -alpha)) + (alpha * Math.Pow(r, beta))) / (alpha + beta);
        Assert.Equal(1 - Math.Pow(rho, -1 / gamma), audit.WastedComputeFraction!.Value, 9);
    }

    [Fact]
    public void Audit_FlopsForSameLoss_BuyTheModelsLossOnTheFrontier()
    {
        var auditor = Auditor("besiroglu2024");
        var audit = auditor.Audit(530e9, 270e9);
        Assert.Equal(audit.PredictedLoss!.Value, auditor.Frontier!.Optimum(audit.FlopsForSameLoss!.Value).Loss, 12);
    }

    [Fact]
    public void Audit_LossGap_IsPredictedMinusOptimal()
    {
        var audit = Auditor("hoffmann2022").Audit(280e9, 300e9);
        Assert.Equal(audit.PredictedLoss!.Value - audit.OptimalLoss!.Value, audit.LossGap!.Value, 12);
        Assert.True(audit.LossGap > 0.01, $"gap {audit.LossGap}");
    }

    [Fact]
    public void Audit_AllocationRule_JudgesBySizeOnlyAndLeavesLossFieldsNull()
    {
        var audit = ModelAuditor.Create(LawPresets.Tokens20).Audit(175e9, 300e9);
        Assert.Equal(AuditVerdict.Undertrained, audit.Verdict);
        Assert.Null(audit.PredictedLoss);
        Assert.Null(audit.OptimalLoss);
        Assert.Null(audit.LossGap);
        Assert.Null(audit.WastedComputeFraction);
        Assert.Equal(20 * 175e9, audit.OptimalTokensForSize, 20 * 175e9 * 1e-12);
        Assert.Equal(20, audit.OptimalTokensPerParameter, 9);
    }

    [Fact]
    public void Audit_Tolerance_MovesTheVerdictAcrossTheBandEdge()
    {
        // Chinchilla is ≈ 2.15× the printed law's N*: near-optimal with t = 2.5, undertrained with t = 2.
        var law = LawPresets.Hoffmann2022;
        Assert.Equal(AuditVerdict.NearOptimal, ModelAuditor.Create(law, 2.5).Audit(70e9, 1.4e12).Verdict);
        Assert.Equal(AuditVerdict.Undertrained, ModelAuditor.Create(law, 2.0).Audit(70e9, 1.4e12).Verdict);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Create_ToleranceNotAboveOne_ThrowsNamingIt(double tolerance)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ModelAuditor.Create(LawPresets.Default, tolerance));
        Assert.Equal("parameterRatioTolerance", e.ParamName);
    }

    [Theory]
    [InlineData(0, 1e10, "parameters")]
    [InlineData(1e9, double.NaN, "tokens")]
    public void Audit_InvalidModel_ThrowsNamingTheField(double parameters, double tokens, string field)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ModelAuditor.Create(LawPresets.Default).Audit(parameters, tokens));
        Assert.Equal(field, e.ParamName);
    }

    [Fact]
    public void Audit_ComputeBeyondDoubleRange_IsInfeasible()
    {
        var e = Assert.Throws<InfeasiblePlanException>(() => ModelAuditor.Create(LawPresets.Default).Audit(1e200, 1e200));
        Assert.Equal("flops", e.Quantity);
    }

    [MathProperty]
    public Property WastedFraction_LiesInZeroToOne(LossLaw law, Budget c)
    {
        // Factors within 100× of N*: further out a steep random law drives the needed compute below 1e-16·C, where
        // 1 − C'/C rounds to 1 although it is below 1 in exact arithmetic.
        return Prop.ForAll(Generators.LogUniform(-2, 2).ToArbitrary(), f =>
        {
            var auditor = ModelAuditor.Create(ScalingLaw.Parametric("p", law, "test", "test"));
            double n = auditor.Frontier!.Optimum(c.Flops).Parameters * f;
            double waste = auditor.Audit(n, c.Flops / (6 * n)).WastedComputeFraction!.Value;
            return (waste >= 0 && waste < 1).Label($"waste {waste} at N/N* {f}");
        });
    }

    [MathProperty]
    public Property AtTheOptimum_WasteAndGapAreZeroAndTheVerdictIsNearOptimal(LossLaw law, Budget c)
    {
        var auditor = ModelAuditor.Create(ScalingLaw.Parametric("p", law, "test", "test"));
        var optimum = auditor.Frontier!.Optimum(c.Flops);
        var audit = auditor.Audit(optimum.Parameters, optimum.Tokens);
        return (audit.WastedComputeFraction <= Slack(law, optimum.Loss, auditor)
                && audit.LossGap <= 1e-12 * optimum.Loss
                && audit.Verdict == AuditVerdict.NearOptimal)
            .Label($"waste {audit.WastedComputeFraction} gap {audit.LossGap} verdict {audit.Verdict}");
    }

    [MathProperty]
    public Property AtTheOptimum_AnyToleranceSaysNearOptimal(Budget c, Factor f)
    {
        double tolerance = 1 + Math.Abs(Math.Log10(f.Value)) + 1e-6;
        var allocationRule = ModelAuditor.Create(LawPresets.Hoffmann2022Approach2, tolerance);
        var lossLaw = ModelAuditor.Create(LawPresets.Besiroglu2024, tolerance);
        var ruleOptimum = allocationRule.Allocator.Optimum(c.Flops);
        var lawOptimum = lossLaw.Allocator.Optimum(c.Flops);
        return (allocationRule.Audit(ruleOptimum.Parameters, ruleOptimum.Tokens).Verdict == AuditVerdict.NearOptimal
                && lossLaw.Audit(lawOptimum.Parameters, lawOptimum.Tokens).Verdict == AuditVerdict.NearOptimal)
            .Label($"tolerance {tolerance}");
    }

    [MathProperty]
    public Property MovingAwayFromTheFrontierAlongTheIsoFlopLine_NeverLowersTheWaste(LossLaw law, Budget c, Factor a, Factor b)
    {
        // Same side of N*, |ln r2| ≥ |ln r1|.
        double near = Math.Min(Math.Abs(Math.Log(a.Value)), Math.Abs(Math.Log(b.Value)));
        double far = Math.Max(Math.Abs(Math.Log(a.Value)), Math.Abs(Math.Log(b.Value)));
        double side = a.Value >= 1 ? 1 : -1;
        var auditor = ModelAuditor.Create(ScalingLaw.Parametric("p", law, "test", "test"));
        var optimum = auditor.Frontier!.Optimum(c.Flops);
        ModelAudit At(double logRatio)
        {
            double n = optimum.Parameters * Math.Exp(side * logRatio);
            return auditor.Audit(n, c.Flops / (6 * n));
        }

        var closer = At(near);
        var further = At(far);
        double slack = Slack(law, closer.PredictedLoss!.Value, auditor);
        return (further.WastedComputeFraction >= closer.WastedComputeFraction - slack
                && further.LossGap >= closer.LossGap - (1e-12 * closer.PredictedLoss))
            .Label($"closer {closer.WastedComputeFraction} further {further.WastedComputeFraction} slack {slack}");
    }

    [MathProperty]
    public Property Verdict_FollowsTheParameterRatioBand(Budget c, Factor f)
    {
        var auditor = ModelAuditor.Create(LawPresets.Hoffmann2022);
        double n = auditor.Frontier!.Optimum(c.Flops).Parameters * f.Value;
        var audit = auditor.Audit(n, c.Flops / (6 * n));
        var expected = audit.ParameterRatio > 2.5 ? AuditVerdict.Undertrained
            : audit.ParameterRatio < 0.4 ? AuditVerdict.Overtrained
            : AuditVerdict.NearOptimal;
        return (audit.Verdict == expected).Label($"ratio {audit.ParameterRatio} verdict {audit.Verdict}");
    }

    /// <summary>
    /// The rounding of 1 − FlopsForLoss(L)/C: C = k·((L − E)/K)^(−1/γ) has condition number L/((L − E)·γ), so one
    /// rounding of L moves the ratio by that many ulps (see ComputeOptimalFrontierTests).
    /// </summary>
    private static double Slack(LossLaw law, double loss, ModelAuditor auditor) =>
        1e-12 + (8 * (double.BitIncrement(1.0) - 1.0) * loss / ((loss - law.E) * auditor.Frontier!.LossDecayExponent));
}
