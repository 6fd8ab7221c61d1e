using Scaling.Tests.Cli.Commands.Plan;
namespace Scaling.Tests.Cli.Commands.Synth;

public class SynthCommandTests
{
    [Fact]
    public void CommittedSyntheticRuns_EqualWhatTheGeneratorWrites()
    {
        // data/benchmarks/synthetic-runs.csv must be exactly what its header's command regenerates, so it cannot rot.
        string committed = File.ReadAllText(RepositoryFiles.Path("data/benchmarks/synthetic-runs.csv")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var (code, output, _) = CliRunner.Run("synth", "--law", "hoffmann2022", "--noise", "0.01", "--seed", "2022");
        Assert.Equal(0, code);
        Assert.Equal(committed, output);
        Assert.Contains("# Regenerate: scaling synth --law hoffmann2022 --noise 0.01 --seed 2022 --out FILE", committed, StringComparison.Ordinal);
    }

    [Fact]
    public void Synth_SameSeed_SameCsv_OtherSeed_Other()
    {
        Assert.Equal(CliRunner.Run("synth", "--seed", "3").Out, CliRunner.Run("synth", "--seed", "3").Out);
        Assert.NotEqual(CliRunner.Run("synth", "--seed", "3").Out, CliRunner.Run("synth", "--seed", "4").Out);
    }

    [Fact]
    public void Synth_Out_DeletesTheTemporaryAKilledRunLeftBehind()
    {
        // SIGKILL between writing the hidden temporary and the move leaves '.NAME.GUID.tmp'; the next write removes it
        // (issue 24), and leaves alone a file that only looks similar.
        string folder = Directory.CreateTempSubdirectory("scaling-synth-").FullName;
        try
        {
            string stale = Path.Combine(folder, $".runs.csv.{Guid.NewGuid():N}.tmp");
            string other = Path.Combine(folder, ".runs.csv.notes.tmp");
            File.WriteAllText(stale, "half a file");
            File.WriteAllText(other, "someone else's");
            var (code, _, error) = CliRunner.Run("synth", "--out", Path.Combine(folder, "runs.csv"));
            Assert.True(code == 0, error);
            Assert.False(File.Exists(stale));
            Assert.True(File.Exists(other));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Synth_Runs_GivesThatManyRows()
    {
        var (_, output, _) = CliRunner.Run("synth", "--runs", "240");
        Assert.Equal(241, output.Split('\n').Count(l => l.Length > 0 && l[0] != '#'));
    }

    [Theory]
    [InlineData("--noise", "at most 1", "synth", "--noise", "2")]
    [InlineData("--noise", "at least 0", "synth", "--noise", "-0.1")]
    [InlineData("--seed", "whole number", "synth", "--seed", "x")]
    [InlineData("--law", "allocation rule", "synth", "--law", "tokens20")]
    public void Synth_BadOption_ExitsWithCode2AndOneLine(string option, string detail, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        PlanCommandTests.AssertOneLineError(code, output, error, option, detail);
    }
}
