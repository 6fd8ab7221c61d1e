using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Scaling.Architecture;
using Scaling.Hardware;

namespace Scaling.Tests.Architecture;

public class MixtureOfExpertsTests
{
    private static TransformerShape Read(string file) =>
        HuggingFaceConfig.Parse(File.ReadAllText(RepositoryFiles.Path("data/configs/" + file)), file).Shape;

    private static double Billions(long parameters) => Math.Round(parameters / 1e9, 1);

    [Fact]
    public void Mixtral_ActiveParameters_MatchMistralsTwelvePointNineBillion()
    {
        // Mistral AI, "Mixtral of experts" (2023): 46.7B total, 12.9B used per token.
        var mixtral = Read("mixtral-8x7b-v0.1.json");
        Assert.Equal((46.7, 12.9), (Billions(mixtral.Parameters), Billions(mixtral.ActiveParameters)));
    }

    [Fact]
    public void Mixtral_FromFlags_EqualsTheConfigCount()
    {
        var flags = TransformerShape.Create(32, 4096, 32, 8, null, 14336, 32000, ParameterConventions.Llama, MixtureOfExperts.Create(8, 2, 14336));
        Assert.Equal(46_702_792_704L, flags.Parameters);
    }

    [Fact]
    public void DeepSeekV3_TotalAndActivated_MatchTheTechnicalReport()
    {
        // DeepSeek-AI 2024 (arXiv 2412.19437), abstract: 671B total parameters, 37B activated for each token. DeepSeek
        // counts activated parameters without the token-embedding lookup (V2: 21B, V2-Lite: 2.4B the same way).
        var v3 = Read("deepseek-v3.json");
        Assert.Equal(671.0, Math.Round(v3.Parameters / 1e9));
        Assert.Equal(37.0, Math.Round(v3.ActiveParametersWithoutEmbeddingLookup / 1e9));
    }

    [Fact]
    public void DeepSeekV2_TotalAndActivated_MatchThePaper()
    {
        // DeepSeek-AI 2024 (arXiv 2405.04434), abstract: 236B total parameters, 21B activated for each token.
        var v2 = Read("deepseek-v2.json");
        Assert.Equal((236.0, 21.0), (Math.Round(v2.Parameters / 1e9), Math.Round(v2.ActiveParametersWithoutEmbeddingLookup / 1e9)));
    }

    [Fact]
    public void DeepSeekV2Lite_NullQueryRank_MeansNoQueryLatentNotTheFamilyDefault()
    {
        // DeepSeek-V2-Lite's config.json says "q_lora_rank": null (queries projected directly, arXiv 2405.04434 App. B);
        // DeepseekV2Config's default of 1536 applies only to an absent key.
        Assert.Null(Read("deepseek-v2-lite.json").Latent!.QueryRank);
    }

    [Fact]
    public void DeepSeekV2Lite_Total_MatchesThePaper()
    {
        // arXiv 2405.04434, App. B: 15.7B total. (Its "2.4B activated" is 2.45B by this count, on the rounding edge;
        // no count of the published tensors gives 2.40B, so it is not asserted.)
        Assert.Equal(15.7, Billions(Read("deepseek-v2-lite.json").Parameters));
    }

    [Fact]
    public void Qwen15Moe_TotalAndActive_MatchQwensFigures()
    {
        // Qwen team (2024), Qwen1.5-MoE-A2.7B: 14.3B parameters in total, 2.7B activated.
        var qwen = Read("qwen1.5-moe-a2.7b.json");
        Assert.Equal((14.3, 2.7), (Billions(qwen.Parameters), Billions(qwen.ActiveParameters)));
    }

    [Fact]
    public void DeepSeekV2_LatentKvCache_IsNineHalvesOfAHeadPerLayer()
    {
        // DeepSeek-V2 (arXiv 2405.04434), Table 1: MLA caches (d_c + d_h^R)·l ≈ 9/2·d_h·l elements per token, with
        // d_c = 4·d_h = 512 and d_h^R = d_h/2 = 64; GQA with the same heads would cache 2·n_h·d_h·l.
        var v2 = Read("deepseek-v2.json");
        Assert.Equal(4.5 * 128 * 60 * 2, v2.KvCacheBytesPerToken(Precision.Bf16));
    }

    [Fact]
    public void DeepSeekV3_LatentKvCache_IsSixtyFourTimesSmallerThanMultiHead()
    {
        var v3 = Read("deepseek-v3.json");
        double multiHead = 2.0 * 61 * 128 * 128 * 2;
        Assert.Equal(61 * 576 * 2, v3.KvCacheBytesPerToken(Precision.Bf16));
        Assert.True(multiHead / v3.KvCacheBytesPerToken(Precision.Bf16) > 56);
    }

    [Fact]
    public void Mixtral_SixNFlops_FollowTheActivePath()
    {
        var mixtral = Read("mixtral-8x7b-v0.1.json");
        Assert.Equal(6.0 * mixtral.ActiveParameters, TransformerFlops.PerToken(mixtral, 4096, FlopsCounting.SixN));
    }

    [Fact]
    public void Mixtral_HoffmannFlops_AreCloserToTheActiveThanToTheTotalCount()
    {
        var mixtral = Read("mixtral-8x7b-v0.1.json");
        double flops = TransformerFlops.PerToken(mixtral, 4096, FlopsCounting.Hoffmann2022);
        Assert.InRange(flops / (6.0 * mixtral.ActiveParameters), 1.0, 1.2);
    }

    [Fact]
    public void DenseLayers_MoreThanTheLayers_Throws()
    {
        var e = Assert.Throws<InvalidShapeException>(() =>
            TransformerShape.Create(2, 64, 4, experts: MixtureOfExperts.Create(8, 2, 64, denseLayers: 3)));
        Assert.Equal("denseLayers", e.Quantity);
    }

    [Fact]
    public void ActiveExperts_MoreThanTheExperts_Throws() =>
        Assert.Equal("activeExperts", Assert.Throws<InvalidShapeException>(() => MixtureOfExperts.Create(4, 5, 64)).Quantity);

    [Property(MaxTest = 200)]
    public Property ActiveParameters_NeverExceedTheTotal_AndEqualItWhenEveryExpertIsActive(PositiveInt experts, PositiveInt active, PositiveInt ffn)
    {
        int e = 1 + (experts.Get % 64), k = 1 + (active.Get % e), f = 1 + (ffn.Get % 4096);
        var shape = TransformerShape.Create(4, 256, 4, experts: MixtureOfExperts.Create(e, k, f, sharedExperts: 1));
        var all = shape.WithExperts(MixtureOfExperts.Create(e, e, f, sharedExperts: 1));
        return (shape.ActiveParameters <= shape.Parameters && all.ActiveParameters == all.Parameters).ToProperty();
    }

    [Property(MaxTest = 200)]
    public Property TotalParameters_GrowByOneExpertPerMoeLayerForEachExpertAdded(PositiveInt experts, PositiveInt ffn)
    {
        int e = 1 + (experts.Get % 64), f = 1 + (ffn.Get % 4096);
        var shape = TransformerShape.Create(6, 128, 4, experts: MixtureOfExperts.Create(e, 1, f, denseLayers: 2));
        var more = shape.WithExperts(MixtureOfExperts.Create(e + 1, 1, f, denseLayers: 2));
        return (more.Parameters - shape.Parameters == 4L * ((3L * 128 * f) + 128)).ToProperty();
    }
}
