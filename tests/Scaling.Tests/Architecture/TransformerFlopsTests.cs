using FsCheck;
using FsCheck.Fluent;
using Scaling.Architecture;

namespace Scaling.Tests.Architecture;

public class TransformerFlopsTests
{
    [Theory]
    // Hoffmann et al. 2022, Table A4: the ratio of the Appendix F FLOP count to 6·N·D at sequence length 2048,
    // for six Table A9 shapes (d_model, ffw, head size, heads, layers).
    [InlineData(640, 2560, 64, 10, 10, 1.03)]      // 73M
    [InlineData(1024, 4096, 64, 16, 20, 1.10)]     // 305M
    [InlineData(1280, 5120, 128, 10, 24, 1.08)]    // 552M
    [InlineData(1792, 7168, 128, 14, 26, 1.04)]    // 1.1B
    [InlineData(2048, 8192, 128, 16, 28, 1.03)]    // 1.6B
    [InlineData(3584, 14336, 128, 28, 40, 0.99)]   // 6.8B
    public void HoffmannLayers_TableA4Shapes_GiveThePublishedRatioTo6N(int dModel, int ffw, int kvSize, int heads, int layers, double published)
    {
        var shape = TransformerShapeTests.Hoffmann(dModel, ffw, kvSize, heads, layers);
        double ratio = 3 * TransformerFlops.HoffmannLayersForward(shape, 2048) / (6.0 * shape.Parameters);
        Assert.Equal(published, Math.Round(ratio, 2));
    }

    [Fact]
    public void ModelFlopsUtilization_Palm540B_Is46Point2Percent()
    {
        // Chowdhery et al. 2022 (PaLM), Table 1 and App. B: 118 layers, d_model 18432, 48 heads of 256, multi-query,
        // SwiGLU with ffn 4·d, 256k shared vocabulary; 238.3k tokens/s on 6,144 TPU v4 at 275 TFLOP/s → MFU 46.2%.
        var palm = TransformerShape.Create(118, 18432, 48, kvHeads: 1, headSize: 256, ffnSize: 4 * 18432, vocabulary: 256000,
            ParameterConventions.Llama with { TiedEmbeddings = true, Norm = NormKind.None });
        Assert.InRange(palm.Parameters / 540.35e9 - 1, -0.002, 0.002);
        double mfu = TransformerFlops.ModelFlopsUtilization(
            TransformerFlops.PerToken(palm, 2048, FlopsCounting.Palm2022), 238.3e3, 6144, 275e12);
        Assert.Equal(0.462, Math.Round(mfu, 3));
    }

    [Fact]
    public void Kaplan_Gpt2_IsThreeTimesTable1Forward()
    {
        // Kaplan et al. 2020, Table 1: C_forward = 2N + 2·n_layer·n_ctx·d_attn (N non-embedding).
        var gpt2 = TransformerShape.Create(12, 768, 12, vocabulary: 50257, conventions: ParameterConventions.Gpt2);
        double expected = 3 * ((2.0 * gpt2.NonEmbeddingParameters) + (2.0 * 12 * 1024 * 768));
        Assert.Equal(expected, TransformerFlops.PerToken(gpt2, 1024, FlopsCounting.Kaplan2020));
    }

    private static Gen<TransformerShape> Shapes() =>
        from layers in Gen.Choose(1, 100)
        from heads in Gen.Choose(1, 64)
        from headSize in Gen.Elements(64, 128)
        from vocabulary in Gen.Choose(1000, 200000)
        select TransformerShape.Create(layers, heads * headSize, heads, vocabulary: vocabulary);

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property FlopsPerToken_NeverFallAsTheContextGrows() =>
        Prop.ForAll(Shapes().ToArbitrary(), Gen.Choose(1, 100_000).ToArbitrary(), Gen.Choose(1, 100_000).ToArbitrary(), (shape, t, extra) =>
            Enum.GetValues<FlopsCounting>().All(c => TransformerFlops.PerToken(shape, t + extra, c) >= TransformerFlops.PerToken(shape, t, c))
                .Label(shape.ToString()));
}
