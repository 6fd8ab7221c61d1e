using FsCheck;
using FsCheck.Fluent;
using Scaling.Architecture;

namespace Scaling.Tests.Architecture;

public class HyperparameterLawsTests
{
    // DeepSeek LLM (arXiv 2401.02954), Table 2: DeepSeek 7B, 30 layers, d_model 4096, 32 heads, 102,400 vocabulary,
    // sequence 4,096, 2T tokens, peak learning rate 4.2e-4, batch 2,304 sequences.
    private static readonly TransformerShape DeepSeek7B = TransformerShape.Create(30, 4096, 32, ffnSize: 11008, vocabulary: 102400);

    [Fact]
    public void DeepSeek_7BModel_LearningRateWithin3PercentOfThePublished()
    {
        var h = HyperparameterLaws.DeepSeek(DeepSeek7B, 4096, 2e12);
        Assert.InRange(h.LearningRate / 4.2e-4 - 1, -0.03, 0.03);
    }

    [Fact]
    public void DeepSeek_7BModel_BatchWithin10PercentOfThePublished()
    {
        var h = HyperparameterLaws.DeepSeek(DeepSeek7B, 4096, 2e12);
        Assert.InRange(h.BatchTokens / (2304.0 * 4096) - 1, -0.10, 0.10);
    }

    [Fact]
    public void DeepSeekFlopsPerToken_7BModel_Is72Ld2Plus12LdSeq()
    {
        // DeepSeek LLM, Eq. 2: M = 72·n_layer·d² + 12·n_layer·d·l_seq.
        Assert.Equal((72.0 * 30 * 4096 * 4096) + (12.0 * 30 * 4096 * 4096), HyperparameterLaws.DeepSeekFlopsPerToken(DeepSeek7B, 4096));
    }

    [Fact]
    public void StepLaw_DeepSeek7B_ProposesAHigherLearningRateThanDeepSeek()
    {
        // Where the laws disagree: Step Law's rate rises with tokens per parameter; for DeepSeek 7B's 2T tokens it
        // proposes more than twice DeepSeek's published 4.2e-4.
        var step = HyperparameterLaws.StepLaw(DeepSeek7B, 2e12);
        var deepseek = HyperparameterLaws.DeepSeek(DeepSeek7B, 4096, 2e12);
        Assert.True(step.LearningRate > 2 * deepseek.LearningRate, $"{step.LearningRate} vs {deepseek.LearningRate}");
    }

    [Fact]
    public void KaplanLoss_Gpt3_IsTheEq15Value()
    {
        // Kaplan et al. 2020, Eq. 1.5 with α_N 0.076, α_D 0.103, N_c 6.4e13, D_c 1.8e13: L(175e9, 300e9) = 1.661.
        Assert.Equal(1.661, HyperparameterLaws.KaplanLoss(175e9, 300e9), 3);
    }

    [Fact]
    public void KaplanCriticalBatchTokens_IsBStarOverLToTheOneOverAlphaB()
    {
        // Kaplan et al. 2020, Eq. 1.4: B_crit = 2e8 / L^(1/0.21) tokens at the loss Eq. 1.5 predicts.
        double loss = HyperparameterLaws.KaplanLoss(DeepSeek7B.NonEmbeddingParameters, 2e12);
        Assert.Equal(2e8 / Math.Pow(loss, 1 / 0.21), HyperparameterLaws.KaplanCriticalBatchTokens(DeepSeek7B, 2e12), 6);
    }

    [Fact]
    public void KaplanCriticalBatch_DeepSeek7B_IsBelowDeepSeeksPublishedBatch()
    {
        // Where the batch laws disagree: DeepSeek 7B's published batch (2,304 × 4,096 tokens, DeepSeek LLM Table 2) is
        // past Kaplan's critical batch (about 7M tokens at Eq. 1.5's loss of 2.02), where Kaplan expects more batch to
        // buy fewer steps than it costs in tokens.
        double critical = HyperparameterLaws.KaplanCriticalBatchTokens(DeepSeek7B, 2e12);
        Assert.InRange(critical / (2304.0 * 4096), 0.5, 1.0);
    }

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property KaplanCriticalBatchTokens_MoreTokensNeverLowerIt() =>
        Prop.ForAll(Generators.LogUniform(9, 14).ToArbitrary(), Generators.Uniform(1.01, 100).ToArbitrary(), (tokens, more) =>
            HyperparameterLaws.KaplanCriticalBatchTokens(DeepSeek7B, tokens * more) > HyperparameterLaws.KaplanCriticalBatchTokens(DeepSeek7B, tokens));
}
