using System.Globalization;
using Scaling.Campaign;
using Scaling.Cli.Shared;
using Scaling.Fitting;

namespace Scaling.Cli.Commands.Campaign;

/// <summary>The prose of <c>scaling campaign --simulate</c> and <c>--next</c>.</summary>
internal static class CampaignReport
{
    public static string DescribeSimulation(string lawName, CampaignSimulation simulation)
    {
        var options = simulation.Options;
        var lines = new List<string>
        {
            Invariant($"Simulated {options.Trials} campaigns under '{lawName}' with {options.Noise} noise in log-loss (seed {options.Seed}): the true N* at {Humanize.Scientific(simulation.TargetFlops)} FLOPs is {Humanize.Count(simulation.TrueOptimum.Parameters)}."),
        };
        foreach (var e in new[] { simulation.Approach3, simulation.Approach2 }.OfType<SimulatedEstimates>())
        {
            string coverage = e.Coverage is { } p
                ? Invariant($" Each campaign's own {options.Level * 100:0}% bootstrap interval (median width {e.MedianTrialRelativeWidth * 100:0}% of N*) covered the truth in {p * 100:0.0}% ± {e.CoverageStandardError * 100:0.0}% of them.")
                : string.Empty;
            string failed = e.FailedTrials > 0 ? Invariant($" {e.FailedTrials} campaigns could not be fitted.") : string.Empty;
            lines.Add(Invariant($"  {Capitalise(e.Approach)}: N* median {Humanize.Count(e.Parameters.Estimate)} ({Signed(e.RelativeBias * 100)}% from the truth); {options.Level * 100:0}% of campaigns within [{Humanize.Count(e.Parameters.Lower)}, {Humanize.Count(e.Parameters.Upper)}], ")
                + Invariant($"a width of {e.RelativeWidth * 100:0}% of N* (Monte Carlo error ± {e.RelativeWidthStandardError * 100:0}).{coverage}{failed}"));
        }

        if (simulation.Approach3.Loss is { } loss)
        {
            lines.Add(Invariant($"  Predicted optimal loss at the target: median {loss.Estimate:0.000}, {options.Level * 100:0}% of campaigns in [{loss.Lower:0.000}, {loss.Upper:0.000}] (truth {simulation.TrueOptimum.Loss:0.000})."));
        }

        return string.Join('\n', lines);
    }

    public static string DescribeNextRuns(string path, int runs, NextRunsAdvice advice)
    {
        var lines = new List<string>
        {
            Invariant($"{runs} runs in {path}: N* at {Humanize.Scientific(advice.TargetFlops)} FLOPs is {Humanize.Count(advice.Parameters.Estimate)}, 95% bootstrap interval [{Humanize.Count(advice.Parameters.Lower)}, {Humanize.Count(advice.Parameters.Upper)}] (width {advice.RelativeWidth * 100:0}% of N*); residual noise {advice.NoiseSigma * 100:0.00}% in log-loss."),
            "Next runs, each chosen for the largest expected narrowing of that interval given the ones before it:",
        };
        int index = 1;
        foreach (var p in advice.Proposals)
        {
            lines.Add(Invariant($"  {index++}. budget {Humanize.Scientific(p.Run.BudgetFlops)}: {Humanize.Count(p.Run.Parameters)} parameters on {Humanize.Count(p.Run.Tokens)} tokens -> width x{p.ShrinkFactor:0.000}, expected {p.ExpectedRelativeWidth * 100:0}% of N*"));
        }

        if (advice.Comparison is { } c)
        {
            lines.Add(Invariant($"By simulation under the fitted law ({c.Trials} campaigns each, Monte Carlo error about ± {c.StandardError * 100:0} points), 95% spread of N*: runs so far {c.CurrentRelativeWidth * 100:0}%, ")
                + Invariant($"with these runs {c.ProposedRelativeWidth * 100:0}% ({Humanize.Scientific(c.ProposedFlops)} FLOPs), with {advice.Proposals.Count} runs at twice the largest budget {c.DoublingRelativeWidth * 100:0}% ({Humanize.Scientific(c.DoublingFlops)} FLOPs)."));
        }

        return string.Join('\n', lines);
    }

    private static string Signed(double percent) => (percent < 0 ? "-" : "+") + Math.Abs(percent).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
