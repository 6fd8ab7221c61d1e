using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Scaling.Architecture;
using Scaling.Hardware;

namespace Scaling.Tests.Architecture;

public class TransformerShapeTests
{
    public static TheoryData<int, int, int, int, int, int> TableA9()
    {
        // Hoffmann et al. 2022, Table A9 (data/benchmarks/hoffmann2022-table-a9.csv).
        var rows = new TheoryData<int, int, int, int, int, int>();
        foreach (string line in File.ReadAllLines(RepositoryFiles.Path("data/benchmarks/hoffmann2022-table-a9.csv")))
        {
            if (line.StartsWith('#') || line.StartsWith("parameters", StringComparison.Ordinal))
            {
                continue;
            }

            int[] v = line.Split(',')[..6].Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            rows.Add(v[0], v[1], v[2], v[3], v[4], v[5]);
        }

        return rows;
    }

    internal static TransformerShape Hoffmann(int dModel, int ffw, int kvSize, int heads, int layers) =>
        TransformerShape.Create(layers, dModel, heads, headSize: kvSize, ffnSize: ffw, vocabulary: 32000, conventions: ParameterConventions.Hoffmann2022);

    [Theory]
    [MemberData(nameof(TableA9))]
    public void Parameters_HoffmannTableA9Row_WithinOnePercentOfThePrintedCount(int millions, int dModel, int ffw, int kvSize, int heads, int layers)
    {
        // Hoffmann et al. 2022, Table A9: printed parameter counts in millions.
        double ours = Hoffmann(dModel, ffw, kvSize, heads, layers).Parameters / 1e6;
        Assert.InRange(ours / millions - 1, -0.01, 0.01);
    }

    [Fact]
    public void Parameters_TableA9WithoutTheRelativeProjection_MissesSomeRowByMoreThanOnePercent()
    {
        // The convention matters: Q, K, V, O and the dense block alone undercount the rows by up to 7.7%.
        var plain = ParameterConventions.Hoffmann2022 with { RelativePositionProjection = false };
        double worst = TableA9().Select(r => (int[])[(int)r[0], (int)r[1], (int)r[2], (int)r[3], (int)r[4], (int)r[5]])
            .Max(v => Math.Abs(TransformerShape.Create(v[5], v[1], v[4], headSize: v[3], ffnSize: v[2], conventions: plain).Parameters / 1e6 / v[0] - 1));
        Assert.True(worst > 0.05, $"worst {worst}");
    }

    [Fact]
    public void Parameters_Chinchilla70B_Is70BillionWithinHalfAPercent()
    {
        // Hoffmann et al. 2022, Table 4: 80 layers, 64 heads of 128, d_model 8192 (ffw 4·d_model as in Table A9).
        var chinchilla = Hoffmann(8192, 4 * 8192, 128, 64, 80);
        Assert.InRange(chinchilla.Parameters / 70e9 - 1, -0.005, 0.005);
    }

    [Fact]
    public void Parameters_Llama2With7B_IsExactlyThePublishedCount()
    {
        // meta-llama/Llama-2-7b-hf: 6,738,415,616 parameters (sum of its safetensors).
        var llama = TransformerShape.Create(32, 4096, 32, kvHeads: 32, headSize: 128, ffnSize: 11008, vocabulary: 32000, ParameterConventions.Llama);
        Assert.Equal(6_738_415_616L, llama.Parameters);
    }

    [Fact]
    public void KvCacheBytesPerToken_Llama2With7BInBf16_Is524288()
    {
        // 2 (K and V) · 32 layers · 32 KV heads · 128 · 2 bytes = 524,288 B per token.
        var llama = TransformerShape.Create(32, 4096, 32, ffnSize: 11008);
        Assert.Equal(524_288, llama.KvCacheBytesPerToken(Precision.Bf16));
    }

    [Fact]
    public void Create_HeadsNotDivisibleByKvHeads_ThrowsNamingKvHeads()
    {
        var e = Assert.Throws<InvalidShapeException>(() => TransformerShape.Create(32, 4096, 32, kvHeads: 5));
        Assert.Equal("kvHeads", e.Quantity);
        Assert.Contains("32 query heads", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DModelNotAMultipleOfHeads_ThrowsNamingHeads() =>
        Assert.Equal("heads", Assert.Throws<InvalidShapeException>(() => TransformerShape.Create(4, 1000, 3)).Quantity);

    [Fact]
    public void DefaultFfn_GatedAt4096_Is11008AsLlama()
    {
        // Touvron et al. 2023: 8/3·d rounded up to a multiple of 256 → 11008 for d = 4096.
        Assert.Equal(11008, TransformerShape.DefaultFfn(4096, gated: true));
    }

    private static Gen<TransformerShape> Shapes() =>
        from layers in Gen.Choose(1, 120)
        from heads in Gen.Choose(1, 64)
        from headSize in Gen.Elements(32, 64, 80, 128, 256)
        from groupSize in Gen.Elements(1, 2, 4, 8)
        from vocabulary in Gen.Choose(1000, 256000)
        from gated in Gen.Elements(true, false)
        let kv = heads % groupSize == 0 ? heads / groupSize : heads
        select TransformerShape.Create(layers, heads * headSize, heads, kv, headSize, null, vocabulary, gated ? ParameterConventions.Llama : ParameterConventions.Gpt2);

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property MoreLayers_NeverLowerTheCount() =>
        Prop.ForAll(Shapes().ToArbitrary(), Gen.Choose(1, 40).ToArbitrary(), (shape, extra) =>
            (shape.WithLayers(shape.Layers + extra).Parameters > shape.Parameters).Label(shape.ToString()));

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property FewerKvHeads_NeverRaiseKvCacheOrParameters() =>
        Prop.ForAll(Shapes().ToArbitrary(), shape =>
        {
            var mqa = shape.WithKvHeads(1);
            return (mqa.KvCacheBytesPerToken(Precision.Bf16) <= shape.KvCacheBytesPerToken(Precision.Bf16)
                    && mqa.Parameters <= shape.Parameters).Label(shape.ToString());
        });
}
