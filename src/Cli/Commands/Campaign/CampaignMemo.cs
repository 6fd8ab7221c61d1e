using System.Globalization;
using Scaling.Allocation;
using Scaling.Campaign;
using Scaling.Cli.Shared;
using Scaling.Fitting;
using Scaling.Fitting.Extrapolation;
using Scaling.Laws;

namespace Scaling.Cli.Commands.Campaign;

/// <summary>The prose of <c>scaling campaign --simulate</c> and <c>--next</c>.</summary>
internal static class CampaignMemo
{
    /// <summary>The design: budgets, sizes and tokens per budget, and how much of the campaign's compute it spends.</summary>
    public static string DescribeDesign(ScalingLaw named, IComputeAllocator allocator, CampaignDesign design, CampaignOptions options, bool simulating = false)
    {
        string rule = options.Spacing == BudgetSpacing.Ladder ? "the 1-3-6 ladder of Chinchilla's design" : "log-even over a 500x span";
        var lines = new List<string>
        {
            $"Campaign for a {Humanize.Scientific(design.TargetFlops)}-FLOP run under '{named.Name}': {design.BudgetsFlops.Count} budgets "
                + $"{Humanize.Scientific(design.BudgetsFlops[0])} .. {Humanize.Scientific(design.LargestBudgetFlops)} FLOPs ({rule}), {options.SizesPerBudget} sizes each = {design.Runs.Count} runs.",
            Invariant($"  Compute: {Humanize.Scientific(design.TotalFlops)} FLOPs of {Humanize.Scientific(design.CampaignFlops)} ({100 * design.TotalFlops / design.CampaignFlops:0.0}%); the campaign's largest budget ({Humanize.Scientific(design.LargestBudgetFlops)} FLOPs) is 1/{Times(design.ExtrapolationFactor)} of the target: {Math.Log10(design.ExtrapolationFactor):0.0} decades of extrapolation."),
        };
        if (design.ExtrapolatesFar)
        {
            string next = simulating ? "the simulation below shows how wide N* comes out." : "see how wide N* comes out with --simulate, or give more --campaign-flops.";
            lines.Add(Invariant($"  Warning: the target is {Math.Log10(design.ExtrapolationFactor):0.#} decades beyond the largest budget (Chinchilla extrapolated 192x, 2.3 decades); {next}"));
        }

        lines.Add($"  {"budget",-10}  {"N* predicted",12}  {"sizes (parameters)",-20}  {"tokens",-20}");
        foreach (double budget in design.BudgetsFlops)
        {
            var group = design.Runs.Where(r => r.BudgetFlops == budget).ToArray();
            lines.Add($"  {Humanize.Scientific(budget),-10}  {Humanize.Count(allocator.Optimum(budget).Parameters),12}  "
                + $"{Humanize.Count(group[0].Parameters) + " .. " + Humanize.Count(group[^1].Parameters),-20}  {Humanize.Count(group[0].Tokens) + " .. " + Humanize.Count(group[^1].Tokens),-20}");
        }

        lines.Add(Invariant($"  Sizes are log-even within {options.SpanDecades:0.##} decades either side of each budget's predicted optimum (centred: off-centre sampling biases an IsoFLOP parabola, Czech et al. 2026)."));
        return string.Join('\n', lines);
    }

    /// <summary>
    /// With a fit that carries a calibrated forecast of N*: the plan at the target as <c>scaling plan --law</c> gives it,
    /// with its interval and how far the target lies beyond the fit's runs; the campaign is centred on it.
    /// </summary>
    public static string DescribePlan(ScalingLaw named, FittedPlan plan)
    {
        if (plan is not ForecastPlan f)
        {
            return string.Empty;
        }

        var at = f.Forecast;
        return $"\n  The fit's plan at the target: N* {Humanize.Count(at.Parameters)} [{Humanize.Count(at.ParametersLower)}, {Humanize.Count(at.ParametersUpper)}] "
            + Invariant($"({at.Level * 100:0}% {(at.Calibrated ? "calibrated" : "not calibrated")}, the {f.Method.Name()} forecast in '{named.Name}', as 'scaling plan --law' gives it; the law's own optimum: {Humanize.Count(f.LawOptimum.Parameters)}). ")
            + at.Distance + " Budgets and sizes are centred on the forecast.";
    }

    /// <summary>The comment lines of the design's CSV.</summary>
    public static IEnumerable<string> Comments(ScalingLaw named, CampaignDesign design) =>
    [
        Invariant($"IsoFLOP campaign for a {design.TargetFlops:0.###E+0}-FLOP run, designed by 'scaling campaign' under '{named.Name}'."),
        Invariant($"{design.Runs.Count} runs, {design.TotalFlops:0.###E+0} FLOPs in all of {design.CampaignFlops:0.###E+0}. Fill in each run's final loss (nats/token), then: scaling fit FILE"),
    ];

    // Whole up to a million, then scientific: a 1e24 target over a 1e10-FLOP campaign is 1.67E+15 times, not 16 digits.
    private static string Times(double factor) =>
        factor < 1e6 ? factor.ToString("#,##0", CultureInfo.InvariantCulture) : Humanize.Scientific(factor);

    public static string DescribeSimulation(string lawName, CampaignSimulation simulation, bool centredOnForecast = false)
    {
        var options = simulation.Options;
        string centre = centredOnForecast ? "the plan's" : "the law's";
        var lines = new List<string>
        {
            Invariant($"Simulated {options.Trials} campaigns under '{lawName}' with {options.Noise} noise in log-loss (seed {options.Seed}): {centre} N* at {Humanize.Scientific(simulation.TargetFlops)} FLOPs is {Humanize.Count(simulation.TrueOptimum.Parameters)}")
                + (centredOnForecast ? " (the fit's calibrated forecast; each budget's valley of the law moved to it)." : "."),
            options.Misspecification is { } m
                ? Invariant($"  Each trial's true optimum drifts from {centre} as published IsoFLOP studies differ (exponent offset sd {m.SlopeSd:0.000}, drift {m.CurvatureMean:0.0000} ± {m.CurvatureSd:0.0000} per (ln C)^2, from the campaign's largest budget); estimates are judged against each trial's own truth, shown on {centre} scale. --exact-law simulates noise only.")
                : $"  Every trial is drawn from {(centredOnForecast ? "the law's valley moved to the plan's N*" : "the law itself")} (--exact-law): the spread is noise only, not the error of the law's form.",
        };
        foreach (var e in new[] { simulation.Approach3, simulation.Approach2, simulation.Calibrated }.OfType<SimulatedEstimates>())
        {
            string kind = ReferenceEquals(e, simulation.Calibrated) ? "calibrated" : "bootstrap";
            string coverage = e.Coverage is { } p
                ? Invariant($" Each campaign's own {options.Level * 100:0}% {kind} interval (median width {e.MedianTrialRelativeWidth * 100:0}% of N*) covered the truth in {p * 100:0.0}% ± {e.CoverageStandardError * 100:0.0}% of them.")
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

    /// <summary>The plan at the target from the runs' calibrated forecast of N*, first, when they support one.</summary>
    public static string DescribePlanOfRuns(FittedPlan? plan)
    {
        if (plan is not ForecastPlan f)
        {
            return "No calibrated forecast of N*: the runs form too few IsoFLOP budgets with a minimum inside their sizes; the law's bootstrap interval below measures their noise only.\n";
        }

        var at = f.Forecast;
        return Invariant($"Plan at {Humanize.Scientific(f.Flops)} FLOPs: {Humanize.Count(at.Parameters)} parameters [{Humanize.Count(at.ParametersLower)}, {Humanize.Count(at.ParametersUpper)}] ")
            + Invariant($"({at.Level * 100:0}% {(at.Calibrated ? "calibrated" : "not calibrated")}, the {f.Method.Name()} forecast of the runs' IsoFLOP minima, as 'scaling fit --flops' gives it). {at.Distance}\n");
    }

    public static string DescribeNextRuns(string path, int runs, NextRunsAdvice advice)
    {
        var lines = new List<string>
        {
            Invariant($"{runs} runs in {path}: the fitted law's own N* at {Humanize.Scientific(advice.TargetFlops)} FLOPs is {Humanize.Count(advice.Parameters.Estimate)}, 95% bootstrap interval [{Humanize.Count(advice.Parameters.Lower)}, {Humanize.Count(advice.Parameters.Upper)}] (width {advice.RelativeWidth * 100:0}% of N*, run noise only); residual noise {advice.NoiseSigma * 100:0.00}% in log-loss."),
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
