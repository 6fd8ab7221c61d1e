using Scaling.Laws;

namespace Scaling.Tests.Laws;

public class LawPresetsTests
{
    [Theory]
    [InlineData("besiroglu2024")]
    [InlineData("BESIROGLU2024")]
    [InlineData("Hoffmann2022-Approach1")]
    [InlineData(" tokens20 ")]
    public void Find_IsCaseInsensitive(string name)
    {
        Assert.NotNull(LawPresets.Find(name));
    }

    [Fact]
    public void Find_UnknownName_ReturnsNull()
    {
        Assert.Null(LawPresets.Find("kaplan1999"));
    }

    [Fact]
    public void Default_IsTheBesirogluRefit()
    {
        Assert.Same(LawPresets.Besiroglu2024, LawPresets.Default);
    }

    [Fact]
    public void All_HaveDistinctNamesAndASource()
    {
        Assert.Equal(LawPresets.All.Count, LawPresets.All.Select(l => l.Name.ToLowerInvariant()).Distinct().Count());
        Assert.All(LawPresets.All, l => Assert.False(string.IsNullOrWhiteSpace(l.Source)));
    }

    [Fact]
    public void Hoffmann2022Unrounded_MatchesTheLogsInThePapersSource()
    {
        // Besiroglu et al. 2024 quote log E 0.5267228, log A 6.0073404, log B 6.0179186 from the TeX source.
        var law = LawPresets.Hoffmann2022Unrounded.LossLaw;
        Assert.Equal(0.5267228, Math.Log(law.E), 6);
        Assert.Equal(6.0073404, Math.Log(law.A), 6);
        Assert.Equal(6.0179186, Math.Log(law.B), 6);
    }
}
