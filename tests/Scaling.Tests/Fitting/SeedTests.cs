using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Scaling.Fitting;

namespace Scaling.Tests.Fitting;

public class SeedTests
{
    [Property]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1305:Specify IFormatProvider", Justification = "The test calls the culture-free ToString() a user calls, under a foreign culture, on purpose.")]
    public Property TryParse_ReadsBackWhatToStringWrites_InAForeignCulture(long value) =>
        CultureScope.Run("de-DE", () => Seed.TryParse(new Seed(value).ToString(), out var seed) && seed.Value == value).Label($"{value}");

    [Theory]
    [InlineData("1e3")]
    [InlineData("4.5")]
    [InlineData("4,5")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("seven")]
    [InlineData("9223372036854775808")]
    public void TryParse_NotAWholeNumber_IsRefused(string? text)
    {
        Assert.False(Seed.TryParse(text, out _));
    }

    [Fact]
    public void Random_SameSeedAndStream_SameDraws_OtherStreamOrSeed_OtherDraws()
    {
        Seed seed = 42;
        var first = seed.Random(3);
        var again = seed.Random(3);
        var otherStream = seed.Random(4);
        var otherSeed = new Seed(43).Random(3);
        ulong[] draws = [first.NextUInt64(), again.NextUInt64(), otherStream.NextUInt64(), otherSeed.NextUInt64()];

        Assert.Equal(draws[0], draws[1]);
        Assert.Equal(3, draws.Distinct().Count());
    }
}
