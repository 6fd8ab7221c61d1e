using System.Text.Json;
using Scaling.Allocation;
using Scaling.Fitting.Runs;
using Scaling.Laws;
using Scaling.Tests.Cli.Commands.Plan;
using Scaling.Tests.Fitting;

namespace Scaling.Tests.Cli.Commands.Fit;

/// <summary><c>scaling fit --approach 1|2|all</c>.</summary>
public sealed class FitApproachesTests : IDisposable
{
    // a = β/(α+β) of the printed Hoffmann law that generated the synthetic runs (Hoffmann et al. 2022, Eq. 4 with Eq. 10: 0.4516).
    private static readonly double TrueA = ComputeOptimalFrontier.Create(LawPresets.Hoffmann2022.LossLaw).ExponentA;

    private readonly string folder = Directory.CreateTempSubdirectory("scaling-fit-approaches-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string IsoFlopCsv()
    {
        string path = Path.Combine(folder, "runs.csv");
        Assert.Equal(0, CliRunner.Run("synth", "--seed", "2022", "--out", path).ExitCode);
        return path;
    }

    [Fact]
    public void Approach2_RecoversTheExponentAndWritesARulePlanAccepts()
    {
        string fitPath = Path.Combine(folder, "rule.json");
        var (code, output, error) = CliRunner.Run("fit", IsoFlopCsv(), "--approach", "2", "--bootstrap", "100", "--flops", "1e24", "--out", fitPath, "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2, root.GetProperty("approach").GetInt32());
        double a = root.GetProperty("exponentA").GetDouble();
        Assert.InRange(a, TrueA - 0.03, TrueA + 0.03);
        var interval = root.GetProperty("intervals").GetProperty("exponentA");
        Assert.InRange(a, interval.GetProperty("lower").GetDouble(), interval.GetProperty("upper").GetDouble());

        var (planCode, planOutput, planError) = CliRunner.Run("plan", "--law", fitPath, "--flops", "1e24", "--json");
        Assert.True(planCode == 0, planError);
        // The plan takes N* from the file's calibrated forecast and keeps the rule's own N* beside it.
        double expected = root.GetProperty("plan").GetProperty("parameters").GetDouble();
        double rule = root.GetProperty("lawOptimum").GetProperty("parameters").GetDouble();
        var plan = JsonDocument.Parse(planOutput).RootElement;
        Assert.Equal(expected, plan.GetProperty("parameters").GetDouble(), expected * 1e-9);
        Assert.Equal(rule, plan.GetProperty("lawOptimum").GetProperty("parameters").GetDouble(), rule * 1e-9);
    }

    [Fact]
    public void Approach1_FitsTrainingCurves()
    {
        var runs = SyntheticCurves.Curves(LawPresets.Hoffmann2022.LossLaw, SyntheticCurves.LogSpaced(3e7, 3e10, 30), checkpoints: 40,
            lowestFlops: 1e17, highestFlops: 1e23, noise: 0, seed: 1);
        string path = Path.Combine(folder, "curves.csv");
        File.WriteAllText(path, RunsCsv.Format(runs));
        var (code, output, error) = CliRunner.Run("fit", path, "--approach", "1", "--bootstrap", "0", "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;

        // Noise-free curves: the envelope's discretisation bounds the error by about 0.027 (see EnvelopeFitterTests).
        Assert.InRange(root.GetProperty("exponentA").GetDouble(), TrueA - 0.03, TrueA + 0.03);
        Assert.Equal(30, root.GetProperty("curvesUsed").GetInt32());
    }

    [Fact]
    public void All_KeepsApproach3sLawAtTheTopAndReportsEachApproach()
    {
        var (code, output, error) = CliRunner.Run("fit", IsoFlopCsv(), "--approach", "all", "--starts", "300", "--bootstrap", "0", "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.True(root.GetProperty("law").TryGetProperty("alpha", out _));
        var approaches = root.GetProperty("approaches");
        Assert.Equal(root.GetProperty("exponentA").GetDouble(), approaches.GetProperty("3").GetProperty("exponentA").GetDouble());
        Assert.InRange(approaches.GetProperty("2").GetProperty("exponentA").GetDouble(), TrueA - 0.03, TrueA + 0.03);

        // The IsoFLOP file has no training curves: Approach 1 is skipped with the reason, not an error.
        Assert.Contains("checkpoints", approaches.GetProperty("1").GetProperty("skipped").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownApproach_IsOneLineError()
    {
        var (code, output, error) = CliRunner.Run("fit", IsoFlopCsv(), "--approach", "4");
        PlanCommandTests.AssertOneLineError(code, output, error, "--approach", "'4'");
    }

    [Fact]
    public void Approach1_WithoutCurves_IsOneLineError()
    {
        var (code, output, error) = CliRunner.Run("fit", IsoFlopCsv(), "--approach", "1");
        PlanCommandTests.AssertOneLineError(code, output, error, "runs.csv", "checkpoints");
    }
}
