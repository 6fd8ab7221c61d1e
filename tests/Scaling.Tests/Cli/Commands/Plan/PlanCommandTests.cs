using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Scaling.Tests.Cli.Commands.Plan;

public class PlanCommandTests
{
    [Fact]
    public void Plan_UnroundedAtGopherBudget_ReadsLikeASentence()
    {
        var (code, output, error) = CliRunner.Run("plan", "--flops", "5.76e23", "--law", "hoffmann2022-unrounded");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        // Hoffmann et al. 2022, Eq. 4 with the unrounded Eq. 10 fit: N 4.036e10, D 2.379e12, so 59 tokens per parameter;
        // the loss to three decimals, as every number formatter of the project prints a loss.
        Assert.StartsWith("40.4B parameters on 2.38T tokens, 59 tokens/parameter, predicted loss 1.918.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Json_HasTheStableCamelCaseFields()
    {
        var (code, output, _) = CliRunner.Run("plan", "--flops", "5.76e23", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("besiroglu2024", root.GetProperty("law").GetString());
        Assert.Equal(5.76e23, root.GetProperty("flops").GetDouble());
        double parameters = root.GetProperty("parameters").GetDouble();
        double tokens = root.GetProperty("tokens").GetDouble();
        Assert.Equal(5.76e23, 6 * parameters * tokens, 5.76e23 * 1e-9);
        Assert.Equal(tokens / parameters, root.GetProperty("tokensPerParameter").GetDouble(), 9);
        Assert.True(root.GetProperty("loss").GetDouble() > 1.8172);
        Assert.Equal(1.0, root.GetProperty("exponentA").GetDouble() + root.GetProperty("exponentB").GetDouble(), 12);
    }

    [Fact]
    public void Plan_AllocationRule_HasNullLoss()
    {
        var (code, output, _) = CliRunner.Run("plan", "--flops", "1e24", "--law", "TOKENS20", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("loss").ValueKind);
        Assert.Equal(20, doc.RootElement.GetProperty("tokensPerParameter").GetDouble(), 9);
    }

    [Fact]
    public void Plan_FitJsonFile_IsAccepted()
    {
        string path = Path.Combine(Path.GetTempPath(), $"fit-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"law": {"E": 1.69, "A": 406.4, "B": 410.7, "alpha": 0.34, "beta": 0.28}, "objective": 0.01}""");
        try
        {
            var (code, output, _) = CliRunner.Run("plan", "--flops", "5.76e23", "--law", path, "--json");
            Assert.Equal(0, code);
            using var doc = JsonDocument.Parse(output);
            // Same coefficients as the printed preset: Hoffmann et al. 2022 Eq. 4 with Eq. 10 gives N 3.219e10 at this budget.
            Assert.Equal(3.219e10, doc.RootElement.GetProperty("parameters").GetDouble(), 3.219e10 * 0.005);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Plan_TargetLoss_PlansTheSmallestBudgetThatReachesIt()
    {
        var (code, output, _) = CliRunner.Run("plan", "--target-loss", "2.0", "--law", "hoffmann2022", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(2.0, doc.RootElement.GetProperty("loss").GetDouble(), 9);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    public void Plan_UnderACommaDecimalCulture_ReadsAndWritesInvariantNumbers(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var (code, output, _) = CliRunner.Run("plan", "--flops", "1.5e24", "--json");
            Assert.Equal(0, code);
            Assert.Contains("\"flops\":1.5E+24", output, StringComparison.Ordinal);
            var (_, prose, _) = CliRunner.Run("plan", "--flops", "1.5e24");
            Assert.Contains("1.50E+24 FLOPs", prose, StringComparison.Ordinal);
            Assert.DoesNotContain(",", prose.Split('\n')[0].Split(" tokens/")[0].Split(" on ")[0], StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("--flops", "0", "plan", "--flops", "0")]
    [InlineData("--flops", "-1", "plan", "--flops", "-1")]
    [InlineData("--flops", "NaN", "plan", "--flops", "NaN")]
    [InlineData("--flops", "Infinity", "plan", "--flops", "Infinity")]
    [InlineData("--flops", "1e400", "plan", "--flops", "1e400")]
    [InlineData("--flops", "1,5e24", "plan", "--flops", "1,5e24")]
    [InlineData("--flops", "abc", "plan", "--flops", "abc")]
    [InlineData("--law", "nonsense", "plan", "--flops", "1e24", "--law", "nonsense")]
    [InlineData("--law", "does-not-exist.json", "plan", "--flops", "1e24", "--law", "does-not-exist.json")]
    [InlineData("--law", "beta", "plan", "--flops", "1e24", "--law", "E=1.69,A=406.4,B=410.7,alpha=0.34")]
    [InlineData("--flops", "exactly one", "plan")]
    [InlineData("--target-loss", "irreducible", "plan", "--target-loss", "1.5", "--law", "hoffmann2022")]
    [InlineData("--max-parameters", "at least 1", "plan", "--flops", "1e24", "--max-parameters", "-5")]
    [InlineData("--max-parameters", "at least 1", "plan", "--flops", "1e24", "--max-parameters", "0.5")]
    public void Plan_BadInput_ExitsWithCode2AndOneLineNamingTheOption(string option, string detail, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        AssertOneLineError(code, output, error, option, detail);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"law": {"E": 1.69, "A": 406.4}}""")]
    [InlineData("""{"law": {"E": 0, "A": 406.4, "B": 410.7, "alpha": 0.34, "beta": 0.28}}""")]
    public void Plan_MalformedLawFile_ExitsWithCode2NamingTheOptionAndFile(string content)
    {
        string path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        try
        {
            var (code, output, error) = CliRunner.Run("plan", "--flops", "1e24", "--law", path);
            AssertOneLineError(code, output, error, "--law", path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Plan_UnknownOption_ExitsWithCode2()
    {
        var (code, output, error) = CliRunner.Run("plan", "--flops", "1e24", "--flop-budget", "3");
        AssertOneLineError(code, output, error, "--flop-budget", "Unrecognized");
    }

    [Fact]
    public void Process_BadFlops_ExitsWithCode2AndNoStackTrace()
    {
        // The in-process runner returns what Main returns; this checks the real process once.
        string cli = Path.Combine(AppContext.BaseDirectory, "Scaling.Cli.dll");
        var start = new ProcessStartInfo("dotnet", [cli, "plan", "--flops", "-1e24"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        AssertOneLineError(process.ExitCode, output, error, "--flops", "-1e24");
    }

    internal static void AssertOneLineError(int code, string output, string error, string option, string detail)
    {
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(option, lines[0], StringComparison.Ordinal);
        Assert.Contains(detail, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }
}
