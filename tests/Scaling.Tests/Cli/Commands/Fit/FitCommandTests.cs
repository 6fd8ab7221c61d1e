using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Scaling.Tests.Cli.Commands.Plan;

namespace Scaling.Tests.Cli.Commands.Fit;

public sealed class FitCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("scaling-fit-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string SyntheticCsv(string seed = "2022")
    {
        string path = Path.Combine(folder, $"runs-{seed}.csv");
        if (File.Exists(path))
        {
            return path;
        }

        var (code, _, _) = CliRunner.Run("synth", "--seed", seed, "--out", path);
        Assert.Equal(0, code);
        return path;
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Fit_Json_HasTheStableFields()
    {
        var (code, output, error) = CliRunner.Run("fit", SyntheticCsv(), "--starts", "200", "--bootstrap", "40", "--flops", "5.76e23", "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        var law = root.GetProperty("law");
        foreach (string name in new[] { "E", "A", "B", "alpha", "beta" })
        {
            Assert.True(law.GetProperty(name).GetDouble() > 0, name);
        }

        double alpha = law.GetProperty("alpha").GetDouble(), beta = law.GetProperty("beta").GetDouble();
        Assert.Equal(beta / (alpha + beta), root.GetProperty("exponentA").GetDouble(), 12);
        Assert.Equal(alpha / (alpha + beta), root.GetProperty("exponentB").GetDouble(), 12);
        Assert.True(root.GetProperty("objective").GetDouble() > 0);
        Assert.True(root.GetProperty("converged").GetBoolean());
        Assert.Equal(200, root.GetProperty("starts").GetInt32());
        Assert.InRange(root.GetProperty("startsAtBest").GetInt32(), 1, 200);
        Assert.Equal(File.ReadAllLines(SyntheticCsv()).Count(l => l.Length > 0 && l[0] != '#') - 1, root.GetProperty("runsUsed").GetInt32());
        var intervals = root.GetProperty("intervals");
        foreach (string name in new[] { "E", "A", "B", "alpha", "beta", "exponentA", "exponentB" })
        {
            var interval = intervals.GetProperty(name);
            Assert.True(interval.GetProperty("lower").GetDouble() <= interval.GetProperty("upper").GetDouble(), name);
            Assert.True(interval.GetProperty("standardError").GetDouble() > 0, name);
            Assert.True(interval.TryGetProperty("estimate", out _), name);
        }

        // The plan's intervals are the calibrated forecast's (no standard error: not a bootstrap); the law's own
        // optimum keeps its run-bootstrap intervals under lawOptimum.
        foreach (string name in new[] { "parameters", "tokens", "tokensPerParameter" })
        {
            var interval = intervals.GetProperty(name);
            Assert.InRange(interval.GetProperty("estimate").GetDouble(), interval.GetProperty("lower").GetDouble(), interval.GetProperty("upper").GetDouble());
            Assert.Equal(JsonValueKind.Null, interval.GetProperty("standardError").ValueKind);
            var own = root.GetProperty("lawOptimum").GetProperty("intervals").GetProperty(name);
            Assert.True(own.GetProperty("standardError").GetDouble() > 0, name);
        }

        Assert.Equal("forecast", root.GetProperty("plan").GetProperty("basis").GetProperty("kind").GetString());
        Assert.Empty(root.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public void Fit_Out_ThenPlanWithLawFile_PlansWithTheFittedLaw()
    {
        string fitPath = Path.Combine(folder, "fit.json");
        var (code, output, _) = CliRunner.Run("fit", SyntheticCsv(), "--starts", "200", "--bootstrap", "0", "--flops", "5.76e23", "--json", "--out", fitPath);
        Assert.Equal(0, code);
        Assert.Equal(output.Trim(), JsonSerializer.Serialize(JsonDocument.Parse(File.ReadAllText(fitPath)).RootElement));
        // The plan takes N* from the fit's calibrated forecast (issue 23) and still reports the law's own optimum.
        var fit = JsonDocument.Parse(output).RootElement;
        double forecast = fit.GetProperty("plan").GetProperty("parameters").GetDouble();
        Assert.Equal(forecast, fit.GetProperty("extrapolation").GetProperty("at").GetProperty("parameters").GetProperty("estimate").GetDouble(), forecast * 1e-12);
        double lawOwn = fit.GetProperty("lawOptimum").GetProperty("parameters").GetDouble();

        var (planCode, planOutput, planError) = CliRunner.Run("plan", "--flops", "5.76e23", "--law", fitPath, "--json");
        Assert.Equal(0, planCode);
        Assert.Equal(string.Empty, planError);
        var plan = JsonDocument.Parse(planOutput).RootElement;
        Assert.Equal(forecast, plan.GetProperty("parameters").GetDouble(), forecast * 1e-12);
        Assert.Equal(lawOwn, plan.GetProperty("lawOptimum").GetProperty("parameters").GetDouble(), lawOwn * 1e-12);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Fact]
    public void Fit_SameSeed_SameJson()
    {
        string csv = SyntheticCsv();
        string[] args = ["fit", csv, "--starts", "100", "--bootstrap", "30", "--seed", "9", "--json"];
        var first = CliRunner.Run(args);
        var second = CliRunner.Run(args);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Out, second.Out);
        var other = CliRunner.Run(["fit", csv, "--starts", "100", "--bootstrap", "30", "--seed", "10", "--json"]);
        Assert.NotEqual(first.Out, other.Out);
    }

    [Fact]
    public void Fit_ThenPlanWithTheFile_CarriesTheCalibratedIntervalToAnyBudget()
    {
        string path = Path.Combine(folder, "fit-intervals.json");
        var fit = CliRunner.Run("fit", SyntheticCsv(), "--starts", "150", "--bootstrap", "60", "--seed", "4", "--flops", "1e23", "--out", path);
        Assert.Equal(0, fit.ExitCode);
        using var fitted = JsonDocument.Parse(File.ReadAllText(path));
        var fitInterval = fitted.RootElement.GetProperty("extrapolation").GetProperty("at").GetProperty("parameters");

        // At the fit's own budget the plan repeats the fit's calibrated interval; at another budget it still has one,
        // wider, with its distance from the runs.
        var same = CliRunner.Run("plan", "--law", path, "--flops", "1e23", "--json");
        using var samePlan = JsonDocument.Parse(same.Out);
        var planInterval = samePlan.RootElement.GetProperty("extrapolation").GetProperty("parameters");
        Assert.Equal(fitInterval.GetProperty("lower").GetDouble(), planInterval.GetProperty("lower").GetDouble(), 1e-9 * fitInterval.GetProperty("lower").GetDouble());
        Assert.Equal(fitInterval.GetProperty("upper").GetDouble(), planInterval.GetProperty("upper").GetDouble(), 1e-9 * fitInterval.GetProperty("upper").GetDouble());

        var other = CliRunner.Run("plan", "--law", path, "--flops", "1e25", "--json");
        Assert.Equal(0, other.ExitCode);
        using var otherPlan = JsonDocument.Parse(other.Out);
        var far = otherPlan.RootElement.GetProperty("extrapolation");
        Assert.True(far.GetProperty("widthRatio").GetDouble() > samePlan.RootElement.GetProperty("extrapolation").GetProperty("widthRatio").GetDouble());
        Assert.Equal(far.GetProperty("decades").GetDouble() - 2, samePlan.RootElement.GetProperty("extrapolation").GetProperty("decades").GetDouble(), 1e-9);
        var prose = CliRunner.Run("plan", "--law", path, "--flops", "1e25");
        Assert.Contains("95% interval N* [", prose.Out, StringComparison.Ordinal);
        Assert.Contains("Your largest run budget", prose.Out, StringComparison.Ordinal);

        // Under a cap the forecast would need the capped solver too, so the plan says nothing it did not compute.
        var capped = CliRunner.Run("plan", "--law", path, "--flops", "1e25", "--max-parameters", "1e10", "--json");
        using var cappedPlan = JsonDocument.Parse(capped.Out);
        Assert.False(cappedPlan.RootElement.TryGetProperty("intervals", out _));
        Assert.False(cappedPlan.RootElement.TryGetProperty("extrapolation", out _));
    }

    [Fact]
    public void Fit_Prose_ReadsLikeAMemo()
    {
        var (code, output, error) = CliRunner.Run("fit", SyntheticCsv(), "--starts", "200", "--bootstrap", "30", "--flops", "1e22");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Approach 3 fit (Hoffmann et al. 2022) to ", output, StringComparison.Ordinal);
        Assert.Contains("Converged: every gradient component", output, StringComparison.Ordinal);
        Assert.Contains("of 200 starts reached the best objective", output, StringComparison.Ordinal);
        Assert.StartsWith("Plan for 1.00E+22 FLOPs: ", output, StringComparison.Ordinal);
        Assert.Contains("The fitted law's own optimum, for comparison: ", output, StringComparison.Ordinal);
        Assert.Contains("N* beyond the runs: drift method", output, StringComparison.Ordinal);
        Assert.Contains("Bootstrap: 30 resamples (seed 0)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ExcludeTopLoss_UsesFewerRuns()
    {
        string csv = SyntheticCsv();
        var (_, output, _) = CliRunner.Run("fit", csv, "--starts", "100", "--bootstrap", "0", "--exclude-top-loss", "3", "--json");
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(3, doc.RootElement.GetProperty("runsExcluded").GetInt32());
    }

    [Fact]
    public void Fit_BadCsvValue_ExitsWithCode2NamingFileLineAndColumn()
    {
        string path = Write("runs.csv", "# runs\nparameters,tokens,loss\n1e8,2e9,3.1\n2e8,1e9,abc\n");
        var (code, output, error) = CliRunner.Run("fit", path);
        PlanCommandTests.AssertOneLineError(code, output, error, path + ":4:", "loss 'abc' is not a number");
    }

    // Small files of plausible and implausible rows: too few runs, one size, equal losses, zeros, negatives, huge values.
    private static Gen<string> RunFiles() =>
        from header in Gen.Elements("parameters,tokens,loss", "N,D,loss", "parameters,flops,loss", "run,N,D,loss")
        from rows in Gen.ListOf(
            from n in Gen.Elements("1e8", "2e8", "4e8", "1e9", "0", "-1e8", "1e300")
            from d in Gen.Elements("2e9", "4e9", "8e9", "2e10", "0", "1e-300")
            from loss in Gen.Elements("3.1", "2.9", "2.7", "2.5", "3.1", "0", "1e308")
            select header.StartsWith("run", StringComparison.Ordinal) ? $"r{n},{n},{d},{loss}" : $"{n},{d},{loss}")
        select header + "\n" + string.Join("\n", rows.Take(12)) + "\n";

    [Property(MaxTest = 60)]
    public Property Fit_AnySmallRunsFile_FitsOrFailsWithCode2AndOneLine() =>
        Prop.ForAll(RunFiles().ToArbitrary(), content =>
        {
            string path = Write($"random-{Guid.NewGuid():N}.csv", content);
            var (code, output, error) = CliRunner.Run("fit", path, "--bootstrap", "0");
            string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            bool clean = !error.Contains("   at ", StringComparison.Ordinal) && !error.Contains("Exception", StringComparison.Ordinal);
            return (code == 0 ? output.Length > 0 && clean : code == 2 && lines.Length == 1 && output.Length == 0 && clean)
                .Label($"exit {code}; stderr: {error}");
        });

    [Fact]
    public void Fit_TooFewRuns_ExitsWithCode2()
    {
        string path = Write("few.csv", "N,D,loss\n1e8,2e9,3.1\n2e8,1e9,3.0\n3e8,3e9,2.9\n");
        var (code, output, error) = CliRunner.Run("fit", path);
        PlanCommandTests.AssertOneLineError(code, output, error, "runs", "at least 5");
    }

    [Fact]
    public void Fit_OneModelSize_ExitsWithCode2()
    {
        string path = Write("one-n.csv", "N,D,loss\n1e8,1e9,3.1\n1e8,2e9,3.0\n1e8,3e9,2.9\n1e8,4e9,2.85\n1e8,5e9,2.8\n");
        var (code, output, error) = CliRunner.Run("fit", path);
        PlanCommandTests.AssertOneLineError(code, output, error, "runs", "not identifiable");
    }

    [Theory]
    [InlineData("--approach", "1, 2, 3 or all", "--approach", "5")]
    [InlineData("--bootstrap", "0 (no intervals) or a whole number from 2 to 100,000", "--bootstrap", "-1")]
    [InlineData("--bootstrap", "0 (no intervals) or a whole number from 2 to 100,000", "--bootstrap", "1000000000")]
    [InlineData("--bootstrap", "from 2 to 100,000", "--bootstrap", "1")]
    [InlineData("--exclude-top-loss", "whole number", "--exclude-top-loss", "abc")]
    [InlineData("--delta", "greater than 0", "--delta", "0")]
    [InlineData("--flops", "greater than 0", "--flops", "-5")]
    [InlineData("--seed", "whole number", "--seed", "1.5")]
    [InlineData("--starts", "from 1 to 4,500", "--starts", "0")]
    [InlineData("--starts", "from 1 to 4,500", "--starts", "2147483647")]
    [InlineData("--exclude-top-loss", "exclude fewer", "--exclude-top-loss", "100000")]
    public void Fit_BadOption_ExitsWithCode2AndOneLine(string option, string detail, params string[] extra)
    {
        string[] quick = extra.Contains("--starts") ? [] : ["--starts", "20"];
        var (code, output, error) = CliRunner.Run(["fit", SyntheticCsv(), .. quick, .. extra]);
        PlanCommandTests.AssertOneLineError(code, output, error, option, detail);
    }

    [Fact]
    public void Fit_MissingFile_ExitsWithCode2()
    {
        string path = Path.Combine(folder, "nope.csv");
        var (code, output, error) = CliRunner.Run("fit", path);
        PlanCommandTests.AssertOneLineError(code, output, error, $"'{path}'", "does not exist");
    }

    [Fact]
    public void Fit_OutExistsWithoutForce_ExitsWithCode2AndKeepsTheFile()
    {
        string existing = Write("fit.json", "keep me");
        var (code, output, error) = CliRunner.Run("fit", SyntheticCsv(), "--starts", "20", "--out", existing);
        PlanCommandTests.AssertOneLineError(code, output, error, "--out", "--force");
        Assert.Equal("keep me", File.ReadAllText(existing));
    }

    [Fact]
    public void Fit_WithoutOut_SaysHowToKeepAndUseTheFit()
    {
        var (code, output, error) = CliRunner.Run("fit", SyntheticCsv(), "--bootstrap", "0", "--starts", "200");
        Assert.True(code == 0, error);
        Assert.EndsWith("Next: keep the fit with --out fit.json, then plan with it: scaling plan --law fit.json --flops 1.00E+24", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_WithOut_PrintsAPlanCommandThatRuns()
    {
        string fit = Path.Combine(folder, "fit.json");
        var (code, output, error) = CliRunner.Run("fit", SyntheticCsv(), "--bootstrap", "20", "--starts", "200", "--out", fit);
        Assert.True(code == 0, error);
        string command = output.TrimEnd().Split('\n')[^1].Split("plan with it: scaling ")[1];
        var plan = CliRunner.Run(command.Split(' '));
        Assert.True(plan.ExitCode == 0, plan.Error);
        Assert.Contains("95% interval", plan.Out, StringComparison.Ordinal);
    }
}
