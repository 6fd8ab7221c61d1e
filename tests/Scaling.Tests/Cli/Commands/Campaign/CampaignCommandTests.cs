using System.Globalization;
using System.Text.Json.Nodes;
using Scaling.Allocation;
using Scaling.Campaign;
using Scaling.Fitting.Runs;
using Scaling.Laws;
using Scaling.Tests.Cli.Commands.Plan;

namespace Scaling.Tests.Cli.Commands.Campaign;

public class CampaignCommandTests
{
    [Fact]
    public void Campaign_TooSmallForItsRuns_SaysWhatTheDesignerSaysUnderCampaignFlops()
    {
        // One route for the error: the designer's own message, which CliErrors alone prefixes with the option at fault.
        var designer = Assert.Throws<InfeasiblePlanException>(() => CampaignDesigner.Design(LawPresets.Default.Allocator(), 1e24, 1e3));
        var (code, output, error) = CliRunner.Run("campaign", "--target-flops", "1e24", "--campaign-flops", "1e3");
        Assert.Equal((2, string.Empty), (code, output));
        Assert.Equal($"error: --campaign-flops: {designer.Message}", error.TrimEnd('\n'));
    }

    [Fact]
    public void Campaign_Json_ListsEveryRunWithinTheCampaignBudget()
    {
        var (code, output, _) = CliRunner.Run("campaign", "--target-flops", "1e24", "--campaign-flops", "4.1e22", "--json");
        Assert.Equal(0, code);
        var json = JsonNode.Parse(output)!;
        var runs = json["runs"]!.AsArray();
        Assert.Equal(72, runs.Count);
        double total = runs.Sum(r => r!["flops"]!.GetValue<double>());
        Assert.Equal(total, json["totalFlops"]!.GetValue<double>(), total * 1e-12);
        Assert.True(total <= 4.1e22);
        // Hoffmann et al. 2022, §3.2: Chinchilla's nine budgets.
        Assert.Equal([6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21], json["budgets"]!.AsArray().Select(b => b!.GetValue<double>()));
        Assert.All(runs, r => Assert.True(r!["budget"] is not null && r["parameters"] is not null && r["tokens"] is not null));
    }

    [Fact]
    public void Campaign_Out_WritesARunsFileThatScalingFitAcceptsOnceLossesAreFilledIn()
    {
        string directory = Directory.CreateTempSubdirectory("campaign").FullName;
        string plan = Path.Combine(directory, "plan.csv");
        var (code, _, _) = CliRunner.Run("campaign", "--target-flops", "1e24", "--campaign-flops", "4.1e22", "--law", "hoffmann2022", "--out", plan);
        Assert.Equal(0, code);

        // Fill in the loss column as a team would when the runs finish.
        var law = LawPresets.Hoffmann2022.LossLaw!;
        string filled = string.Join('\n', File.ReadAllLines(plan).Select(line =>
        {
            if (line.StartsWith('#') || line.StartsWith("run,", StringComparison.Ordinal))
            {
                return line;
            }

            string[] fields = line.Split(',');
            double n = double.Parse(fields[2], CultureInfo.InvariantCulture), d = double.Parse(fields[3], CultureInfo.InvariantCulture);
            return line + law.Loss(n, d).ToString("R", CultureInfo.InvariantCulture);
        }));
        File.WriteAllText(plan, filled);

        Assert.Throws<Scaling.UnreadableFileException>(() => RunsCsv.Parse(File.ReadAllText(plan).Replace("b1-s1,", "b1-s1,,", StringComparison.Ordinal), "plan.csv"));
        Assert.Equal(72, RunsCsv.Parse(File.ReadAllText(plan), "plan.csv").Count);
        var (fitCode, fitOutput, _) = CliRunner.Run("fit", plan, "--starts", "100", "--bootstrap", "0", "--json");
        Assert.Equal(0, fitCode);
        Assert.Equal(72, JsonNode.Parse(fitOutput)!["runsUsed"]!.GetValue<int>());
    }

    [Fact]
    public void Campaign_UnfilledPlan_IsRefusedByFitWithOneLineNamingTheLoss()
    {
        string directory = Directory.CreateTempSubdirectory("campaign").FullName;
        string plan = Path.Combine(directory, "plan.csv");
        CliRunner.Run("campaign", "--target-flops", "1e24", "--campaign-flops", "4.1e22", "--out", plan);
        var (code, output, error) = CliRunner.Run("fit", plan);
        Assert.Equal(2, code);
        Assert.Contains("loss", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Empty(output);
    }

    [Fact]
    public void Campaign_Simulate_ReportsTheSpreadOfNStarAndTheCoverage()
    {
        var (code, output, _) = CliRunner.Run("campaign", "--target-flops", "1e24", "--campaign-flops", "4.1e22", "--law", "hoffmann2022-unrounded",
            "--simulate", "--trials", "20", "--resamples", "20", "--seed", "4", "--json");
        Assert.Equal(0, code);
        var json = JsonNode.Parse(output)!;
        var n = json["optimalParameters"]!;
        double truth = json["truth"]!["parameters"]!.GetValue<double>();
        Assert.True(n["lower"]!.GetValue<double>() < truth && truth < n["upper"]!.GetValue<double>());
        Assert.Equal((n["upper"]!.GetValue<double>() - n["lower"]!.GetValue<double>()) / truth, json["relativeWidth"]!.GetValue<double>(), 1e-12);
        Assert.InRange(json["coverage"]!.GetValue<double>(), 0, 1);
        Assert.NotNull(json["approach2"]!["optimalParameters"]);
        Assert.NotNull(json["calibrated"]!["optimalParameters"]);
        Assert.True(json["misspecification"]!["slopeSd"]!.GetValue<double>() > 0);
    }

    [Fact]
    public void Campaign_SimulateExactLaw_DrawsFromTheLawAloneAndSaysSo()
    {
        var (code, output, _) = CliRunner.Run("campaign", "--target-flops", "1e24", "--campaign-flops", "4.1e22", "--simulate", "--exact-law",
            "--trials", "10", "--resamples", "0", "--seed", "4");
        Assert.Equal(0, code);
        Assert.Contains("(--exact-law): the spread is noise only", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Campaign_Next_ProposesRunsAndComparesWithDoublingTheLargestBudget()
    {
        string directory = Directory.CreateTempSubdirectory("campaign").FullName;
        string runs = Path.Combine(directory, "runs.csv");
        CliRunner.Run("synth", "--law", "hoffmann2022-unrounded", "--runs", "45", "--out", runs);
        var (code, output, _) = CliRunner.Run("campaign", "--target-flops", "1e24", "--runs", runs, "--next", "3", "--json");
        Assert.Equal(0, code);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(3, json["next"]!.AsArray().Count);
        Assert.NotNull(json["comparison"]!["doublingRelativeWidth"]);
    }

    [Theory]
    [InlineData("--target-flops", "give the budget", "campaign", "--campaign-flops", "4.1e22")]
    [InlineData("--campaign-flops", "give the compute", "campaign", "--target-flops", "1e24")]
    [InlineData("--campaign-flops", "greater than 0", "campaign", "--target-flops", "1e24", "--campaign-flops", "-1")]
    [InlineData("--simulate", "allocation rule", "campaign", "--target-flops", "1e24", "--campaign-flops", "4.1e22", "--law", "tokens20", "--simulate")]
    [InlineData("--next", "--runs", "campaign", "--target-flops", "1e24", "--next", "4")]
    [InlineData("--noise", "only applies with --simulate", "campaign", "--target-flops", "1e24", "--campaign-flops", "4.1e22", "--noise", "0.02")]
    [InlineData("--exact-law", "only applies with --simulate", "campaign", "--target-flops", "1e24", "--campaign-flops", "4.1e22", "--exact-law")]
    [InlineData("--noise-kind", "gaussian or exponential", "campaign", "--target-flops", "1e24", "--campaign-flops", "4.1e22", "--simulate", "--noise-kind", "uniform")]
    [InlineData("--spacing", "ladder or even", "campaign", "--target-flops", "1e24", "--campaign-flops", "4.1e22", "--spacing", "odd")]
    [InlineData("--trials", "from 2 to 100,000", "campaign", "--target-flops", "1e24", "--campaign-flops", "4.1e22", "--simulate", "--trials", "1")]
    [InlineData("--runs", "does not exist", "campaign", "--target-flops", "1e24", "--runs", "/nonexistent/runs.csv")]
    public void Campaign_BadOption_ExitsWithCode2AndOneLine(string option, string detail, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        PlanCommandTests.AssertOneLineError(code, output, error, option, detail);
    }

    [Fact]
    public void CampaignSimulate_FitWithAForecast_CentresOnThePlanItsIntervalAndSaysHowFar()
    {
        // Issue 23: with a fit of Chinchilla's runs up to 1e20 FLOPs (data/benchmarks/isoflops/epoch-chinchilla.csv), the
        // campaign plans around the N* 'scaling plan --law fit.json' gives (the calibrated forecast, 4.91B at 3e21), not the
        // law's own 13.9B, and simulates its truth there.
        string directory = Directory.CreateTempSubdirectory("campaign-forecast").FullName;
        string fit = Path.Combine(directory, "fit.json");
        Assert.Equal(0, CliRunner.Run("fit", Fit.FitHeadlineTests.ChinchillaUpTo2e20(directory), "--starts", "300", "--bootstrap", "50", "--out", fit).ExitCode);
        var plan = JsonNode.Parse(CliRunner.Run("plan", "--law", fit, "--flops", "3e21", "--json").Out)!;
        double expected = plan["parameters"]!.GetValue<double>();

        string[] args = ["campaign", "--target-flops", "3e21", "--campaign-flops", "3e20", "--law", fit, "--simulate", "--trials", "40", "--resamples", "0"];
        var (code, output, error) = CliRunner.Run([.. args, "--json"]);
        Assert.True(code == 0, error);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(expected, json["plan"]!["parameters"]!.GetValue<double>(), expected * 1e-9);
        Assert.Equal(plan["intervals"]!["parameters"]!["lower"]!.GetValue<double>(), json["plan"]!["intervals"]!["parameters"]!["lower"]!.GetValue<double>(), expected * 1e-9);
        Assert.Equal(expected, json["truth"]!["parameters"]!.GetValue<double>(), expected * 1e-9);
        // The drift forecast of each simulated campaign scatters about that truth.
        var spread = json["calibrated"]!["optimalParameters"]!;
        Assert.InRange(expected, spread["lower"]!.GetValue<double>(), spread["upper"]!.GetValue<double>());

        string prose = CliRunner.Run(args).Out;
        Assert.Contains("Your largest run budget (1.00E+20 FLOPs) is 1/30 of this budget: 1.5 decades of extrapolation.", prose, StringComparison.Ordinal);
        Assert.Contains("the campaign's largest budget (1.00E+19 FLOPs) is 1/300 of the target: 2.5 decades of extrapolation.", prose, StringComparison.Ordinal);
        Assert.Contains("the plan's N* at 3.00E+21 FLOPs is 4.91B", prose, StringComparison.Ordinal);
    }

    [Fact]
    public void Campaign_FarTarget_WarnsAndPointsToSimulate()
    {
        // docs/campaign.md's campaign of 1e21 FLOPs for a 1e24 target: the largest rung is 6e19, 16,667x short of the target.
        var (code, output, _) = CliRunner.Run("campaign", "--target-flops", "1e24", "--campaign-flops", "1e21");
        Assert.Equal(0, code);
        Assert.Contains("the campaign's largest budget (6.00E+19 FLOPs) is 1/16,667 of the target: 4.2 decades of extrapolation.", output, StringComparison.Ordinal);
        Assert.Contains("Warning: the target is 4.2 decades beyond the largest budget", output, StringComparison.Ordinal);
        Assert.Contains("with --simulate", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Campaign_ChinchillaLikeReach_DoesNotWarn()
    {
        var (code, output, _) = CliRunner.Run("campaign", "--target-flops", "1e24", "--campaign-flops", "4.1e22");
        Assert.Equal(0, code);
        Assert.DoesNotContain("Warning", output, StringComparison.Ordinal);
    }
}
