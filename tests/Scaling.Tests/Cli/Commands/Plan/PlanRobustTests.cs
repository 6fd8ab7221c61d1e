using System.Text.Json.Nodes;

namespace Scaling.Tests.Cli.Commands.Plan;

public class PlanRobustTests
{
    private static string FitWithRefits()
    {
        string directory = Directory.CreateTempSubdirectory("robust").FullName;
        string runs = Path.Combine(directory, "runs.csv");
        string fit = Path.Combine(directory, "fit.json");
        CliRunner.Run("synth", "--runs", "60", "--out", runs);
        var (code, _, error) = CliRunner.Run("fit", runs, "--starts", "200", "--bootstrap", "100", "--out", fit);
        Assert.True(code == 0, error);
        return fit;
    }

    private static readonly Lazy<string> Fit = new(FitWithRefits);

    [Fact]
    public void PlanRobust_FitWithAForecast_MinimisesTheExpectedLossOverItsCalibratedInterval()
    {
        var (code, output, _) = CliRunner.Run("plan", "--flops", "1e24", "--robust", "--law", Fit.Value, "--json");
        Assert.Equal(0, code);
        var json = JsonNode.Parse(output)!;
        Assert.Equal("expected", json["criterion"]!.GetValue<string>());
        Assert.True(json["gain"]!.GetValue<double>() >= 0);
        Assert.True(json["loss"]!.GetValue<double>() <= json["pointLoss"]!.GetValue<double>());
        // The fit carries a calibrated forecast of N* (issue 23): the robust plan hedges its interval, not the run refits.
        Assert.Equal("calibrated N* interval", json["uncertainty"]!.GetValue<string>());
        Assert.InRange(json["pointParameters"]!.GetValue<double>(), json["intervals"]!["parameters"]!["lower"]!.GetValue<double>(), json["intervals"]!["parameters"]!["upper"]!.GetValue<double>());
    }

    [Fact]
    public void PlanRobust_FitWithAForecast_HedgesTheSameIntervalThePointPlanPrints_AndSaysHowFar()
    {
        // Issue 23: the robust plan and 'scaling plan --law fit.json' rest on the same calibrated interval, and both say
        // how far the budget lies beyond the runs.
        var robust = JsonNode.Parse(CliRunner.Run("plan", "--flops", "1e24", "--robust", "--law", Fit.Value, "--json").Out)!;
        var point = JsonNode.Parse(CliRunner.Run("plan", "--flops", "1e24", "--law", Fit.Value, "--json").Out)!;
        Assert.Equal(point["parameters"]!.GetValue<double>(), robust["pointParameters"]!.GetValue<double>(), 1e-9 * point["parameters"]!.GetValue<double>());
        foreach (string end in new[] { "lower", "upper" })
        {
            double expected = point["intervals"]!["parameters"]![end]!.GetValue<double>();
            Assert.Equal(expected, robust["intervals"]!["parameters"]![end]!.GetValue<double>(), 1e-9 * expected);
        }

        Assert.Equal(point["basis"]!["distance"]!.GetValue<string>(), robust["basis"]!["distance"]!.GetValue<string>());
        Assert.StartsWith("Your largest run budget (", robust["basis"]!["distance"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Your largest run budget (", CliRunner.Run("plan", "--flops", "1e24", "--robust", "--law", Fit.Value).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanRobust_Quantile_MinimisesThatQuantile()
    {
        var (code, output, _) = CliRunner.Run("plan", "--flops", "1e24", "--robust", "--quantile", "0.9", "--law", Fit.Value, "--json");
        Assert.Equal(0, code);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(0.9, json["quantile"]!.GetValue<double>());
        Assert.True(json["gain"]!.GetValue<double>() >= 0);
    }

    [Fact]
    public void PlanRobust_Preset_GivesTheConsensusOfThePublishedLawsWithEachLawsLoss()
    {
        var (code, output, _) = CliRunner.Run("plan", "--flops", "1e24", "--robust", "--json");
        Assert.Equal(0, code);
        var json = JsonNode.Parse(output)!;
        var laws = json["laws"]!.AsArray();
        Assert.Contains(laws, l => l!["name"]!.GetValue<string>() == "besiroglu2024");
        Assert.Contains(laws, l => l!["name"]!.GetValue<string>() == "hoffmann2022");
        double n = json["parameters"]!.GetValue<double>();
        Assert.InRange(n, laws.Min(l => l!["optimalParameters"]!.GetValue<double>()), laws.Max(l => l!["optimalParameters"]!.GetValue<double>()));
        Assert.All(laws, l => Assert.True(l!["regret"]!.GetValue<double>() >= 0));
    }

    [Theory]
    [InlineData("--quantile", "carries no bootstrap refits", "plan", "--flops", "1e24", "--robust", "--quantile", "0.9")]
    [InlineData("--quantile", "only applies with --robust", "plan", "--flops", "1e24", "--quantile", "0.9")]
    [InlineData("--robust", "--flops", "plan", "--robust")]
    [InlineData("--quantile", "strictly between", "plan", "--flops", "1e24", "--robust", "--quantile", "1")]
    public void PlanRobust_BadOption_ExitsWithCode2AndOneLine(string option, string detail, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        PlanCommandTests.AssertOneLineError(code, output, error, option, detail);
    }
}
