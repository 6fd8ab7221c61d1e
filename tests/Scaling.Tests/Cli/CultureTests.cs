namespace Scaling.Tests.Cli;

/// <summary>The command line speaks one language and one number format whatever the machine's culture.</summary>
public class CultureTests
{
    public static TheoryData<string> Cultures => CultureScope.Foreign;

    [Theory]
    [MemberData(nameof(Cultures))]
    public void ParseError_IsTheSameEnglishLineAsUnderTheInvariantCulture(string culture)
    {
        var invariant = CultureScope.Run("", () => CliRunner.Run("plan", "--GPU", "H100-SXM"));
        var foreign = CultureScope.Run(culture, () => CliRunner.Run("plan", "--GPU", "H100-SXM"));
        Assert.Equal(2, foreign.ExitCode);
        Assert.Contains("Unrecognized command or argument '--GPU'", foreign.Error, StringComparison.Ordinal);
        Assert.Equal(invariant.Error, foreign.Error);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Plan_ReadsAndWritesNumbersInvariantly(string culture)
    {
        var invariant = CultureScope.Run("", () => CliRunner.Run("plan", "--flops", "1.5e24", "--gpu", "H100-SXM"));
        var foreign = CultureScope.Run(culture, () => CliRunner.Run("plan", "--flops", "1.5e24", "--gpu", "H100-SXM"));
        Assert.Equal(0, foreign.ExitCode);
        Assert.Contains("1.50E+24", foreign.Out, StringComparison.Ordinal);
        Assert.Equal(invariant.Out, foreign.Out);
    }
}
