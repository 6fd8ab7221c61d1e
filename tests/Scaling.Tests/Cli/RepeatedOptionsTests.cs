using System.Text.RegularExpressions;

namespace Scaling.Tests.Cli;

/// <summary>
/// An option that takes a value, given twice (<c>--flops 1e22 --flops 1e23</c>), is refused with exit 2 naming it, on
/// every command: neither value is silently taken. A flag given twice (<c>--json --json</c>) means what it means once and
/// is accepted, as System.CommandLine does by default.
/// </summary>
public sealed partial class RepeatedOptionsTests
{
    /// <summary>Every command and every option of it that takes a value, read from the help a user sees.</summary>
    public static TheoryData<string, string> ValuedOptions()
    {
        var rows = new TheoryData<string, string>();
        foreach (string command in Section(CliRunner.Run("--help").Out, "Commands:").Select(line => CommandName().Match(line).Groups[1].Value))
        {
            foreach (var match in Section(CliRunner.Run(command, "--help").Out, "Options:").Select(line => ValuedOption().Match(line)).Where(m => m.Success))
            {
                rows.Add(command, match.Groups[1].Value);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(ValuedOptions))]
    public void ValuedOption_GivenTwice_ExitsTwoNamingIt(string command, string option)
    {
        var (code, output, error) = CliRunner.Run(command, option, "1", option, "1");
        Assert.True(code == 2, $"{command} {option} twice: exit {code}, {error}");
        Assert.Equal(string.Empty, output);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Contains($"'{option}' expects a single argument", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ValuedOptions_CoverEveryCommandThatTakesOne()
    {
        var commands = ValuedOptions().Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string> { "plan", "fit", "report", "architecture", "campaign", "audit", "synth", "mfu", "finetune" }, commands);
    }

    [Fact]
    public void Flag_GivenTwice_MeansWhatItMeansOnce()
    {
        var once = CliRunner.Run("plan", "--flops", "1e22", "--json");
        var twice = CliRunner.Run("plan", "--flops", "1e22", "--json", "--json");
        Assert.Equal((0, once.Out), (twice.ExitCode, twice.Out));
    }

    // The indented lines under a heading of the help text, up to the next blank line.
    private static IEnumerable<string> Section(string help, string heading) =>
        help.Split('\n').SkipWhile(line => line.Trim() != heading).Skip(1).TakeWhile(line => line.Trim().Length > 0);

    [GeneratedRegex(@"^\s+(\S+)")]
    private static partial Regex CommandName();

    // "  --flops <C>  …" or "  -o, --out <DIR>  …": the long name of an option followed by its value's name.
    [GeneratedRegex(@"^\s+(?:-\S+, )*(--[\w-]+) <[^>]+>")]
    private static partial Regex ValuedOption();
}
