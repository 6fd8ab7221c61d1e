using Scaling.Hardware;

namespace Scaling.Tests.Hardware;

public class PrecisionsTests
{
    // EleutherAI, "Transformer Math 101" (2023): FP32 4, FP16/BF16 2, FP8/INT8 1, INT4 0.5 bytes per parameter.
    [Theory]
    [InlineData(Precision.Fp32, 4)]
    [InlineData(Precision.Bf16, 2)]
    [InlineData(Precision.Fp16, 2)]
    [InlineData(Precision.Fp8, 1)]
    [InlineData(Precision.Int8, 1)]
    [InlineData(Precision.Int4, 0.5)]
    public void BytesPerParameter_MatchesTheFormat(Precision precision, double bytes) =>
        Assert.Equal(bytes, Precisions.BytesPerParameter(precision));

    [Fact]
    public void Parse_RoundTripsEveryName() =>
        Assert.All(Precisions.All, p => Assert.Equal(p, Precisions.Parse(Precisions.Name(p).ToUpperInvariant())));

    [Fact]
    public void Parse_Unknown_ListsTheKnownOnes()
    {
        var e = Assert.Throws<FormatException>(() => Precisions.Parse("fp12"));
        Assert.Contains("bf16", e.Message, StringComparison.Ordinal);
    }
}
