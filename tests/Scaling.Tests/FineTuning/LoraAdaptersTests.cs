using FsCheck;
using FsCheck.Fluent;
using Scaling.Architecture;
using Scaling.FineTuning;

namespace Scaling.Tests.FineTuning;

public class LoraAdaptersTests
{
    // GPT-3 175B: 96 layers, d_model 12,288, 96 heads of 128, a 4·d_model feed-forward, 2,048 learned positions and the
    // GPT-2 vocabulary of 50,257 (Brown et al. 2020, arXiv 2005.14165, Table 2.1; 175.0B parameters).
    internal static readonly TransformerShape Gpt3 = TransformerShape.Create(
        96, 12288, 96, headSize: 128, ffnSize: 4 * 12288, vocabulary: 50257, conventions: ParameterConventions.Gpt2 with { LearnedPositions = 2048 });

    // Brown et al. round to 175.0B; the exact count of this shape is 174.6B (12·L·d² = 173.9B in the blocks).
    [Fact]
    public void Gpt3Shape_HasAbout175BillionParameters() => Assert.Equal(175.0e9, Gpt3.Parameters, 0.5e9);

    // Hu et al. 2021 ("LoRA", arXiv 2106.09685), Table 4 and App. D.4: two budgets on GPT-3 175B, 4.7M (r_q = r_v = 1,
    // or r_v = 2) and 37.7M (r_q = r_v = 8); Table 18 lists r_q = r_k = r_v = r_o = 4 at 37.7M too, and Table 5's
    // 18M budget (r = 8 on one type, r = 4 on two, r = 2 on all four). The paper truncates to 0.1M.
    [Theory]
    [InlineData("q:1,v:1", 4.7)]
    [InlineData("v:2", 4.7)]
    [InlineData("q:8,v:8", 37.7)]
    [InlineData("q:4,k:4,v:4,o:4", 37.7)]
    [InlineData("q:8", 18.8)]
    [InlineData("q:4,v:4", 18.8)]
    [InlineData("q:2,k:2,v:2,o:2", 18.8)]
    [InlineData("q:64,v:64", 301.9)]
    public void TrainableParameters_Gpt3_MatchHuEtAl(string ranks, double publishedMillions)
    {
        long count = Parse(ranks).TrainableParameters(Gpt3);
        Assert.Equal(publishedMillions, Math.Floor(count / 1e5) / 10, 1e-9);
    }

    [Fact]
    public void TrainableParameters_SquareMatrices_AreHuEtAlsFormula()
    {
        // |Θ| = 2 × L̂_LoRA × d_model × r (Hu et al. 2021, §4.2): 192 adapted matrices of 12,288 at r = 1.
        Assert.Equal(2L * 192 * 12288 * 1, LoraAdapters.QueryValue(1).TrainableParameters(Gpt3));
    }

    [Fact]
    public void AllLinear_OnATwoMatrixFeedForward_SkipsTheGate()
    {
        long withGate = LoraAdapters.AllLinear(4).TrainableParameters(Gpt3);
        long without = LoraAdapters.Create(4, AdaptedMatrix.Query, AdaptedMatrix.Key, AdaptedMatrix.Value, AdaptedMatrix.Output, AdaptedMatrix.Up, AdaptedMatrix.Down).TrainableParameters(Gpt3);
        Assert.Equal(without, withGate);
    }

    [MathProperty]
    public Property TrainableParameters_AreLinearInTheRank() =>
        Prop.ForAll(Gen.Choose(1, 256).ToArbitrary(), Gen.Choose(2, 8).ToArbitrary(), (rank, factor) =>
        {
            var shape = TransformerShape.Create(32, 4096, 32, kvHeads: 8, vocabulary: 32000);
            long one = LoraAdapters.AllLinear(rank).TrainableParameters(shape);
            long scaled = LoraAdapters.AllLinear(rank * factor).TrainableParameters(shape);
            return (scaled == one * factor).Label($"{one} × {factor} vs {scaled}");
        });

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Create_RankBelowOne_Throws(int rank) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LoraAdapters.QueryValue(rank));

    [Fact]
    public void Create_NoMatrix_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LoraAdapters.Create(4));

    internal static LoraAdapters Parse(string ranks) => LoraAdapters.WithRanks(ranks.Split(',').Select(part =>
    {
        var pieces = part.Split(':');
        var matrix = Enum.GetValues<AdaptedMatrix>().Single(m => LoraAdapters.ShortName(m) == pieces[0]);
        return (matrix, int.Parse(pieces[1], System.Globalization.CultureInfo.InvariantCulture));
    }));
}
