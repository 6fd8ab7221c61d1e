using System.Globalization;
using Scaling.Allocation;
using Scaling.Campaign;
using Scaling.Fitting.Extrapolation;
using Scaling.Laws;
using Scaling.Text;

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
            $"Campaign for a {NumberText.Scientific(design.TargetFlops)}-FLOP run under '{named.Name}': {design.BudgetsFlops.Count} budgets "
                + $"{NumberText.Scientific(design.BudgetsFlops[0])} .. {NumberText.Scientific(design.LargestBudgetFlops)} FLOPs ({rule}), {options.SizesPerBudget} sizes each = {design.Runs.Count} runs.",
            Invariant($"  Compute: {NumberText.Scientific(design.TotalFlops)} FLOPs of {NumberText.Scientific(design.CampaignFlops)} ({100 * design.TotalFlops / design.CampaignFlops:0.0}%); the campaign's largest budget ({NumberText.Scientific(design.LargestBudgetFlops)} FLOPs) is 1/{Times(design.ExtrapolationFactor)} of the target: {Math.Log10(design.ExtrapolationFactor):0.0} decades of extrapolation."),
        };
        if (design.ExtrapolatesFar)
        {
            string next = simulating ? "the simulation below shows how wide N* comes out." : "see how wide N* comes out with --simulate, or give more --campaign-flops.";
            lines.Add(Invariant($"  Warning: the target is {NumberText.Decades(Math.Log10(design.ExtrapolationFactor))} decades beyond the largest budget (Chinchilla extrapolated 192x, 2.3 decades); {next}"));
        }

        lines.Add($"  {"budget",-10}  {"N* predicted",12}  {"sizes (parameters)",-20}  {"tokens",-20}");
        foreach (double budget in design.BudgetsFlops)
        {
            var group = design.Runs.Where(r => r.BudgetFlops == budget).ToArray();
            lines.Add($"  {NumberText.Scientific(budget),-10}  {NumberText.Count(allocator.Optimum(budget).Parameters),12}  "
                + $"{NumberText.Count(group[0].Parameters) + " .. " + NumberText.Count(group[^1].Parameters),-20}  {NumberText.Count(group[0].Tokens) + " .. " + NumberText.Count(group[^1].Tokens),-20}");
        }

        lines.Add(Invariant($"  Sizes are log-even within {NumberText.Significant(options.SpanDecades)} decades either side of each budget's predicted optimum (centred: off-centre sampling biases an IsoFLOP parabola, Czech et al. 2026)."));
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
        return $"\n  The fit's plan at the target: N* {NumberText.Count(at.Parameters)} [{NumberText.Count(at.ParametersLower)}, {NumberText.Count(at.ParametersUpper)}] "
            + Invariant($"({at.Level * 100:0}% {(at.Calibrated ? "calibrated" : "not calibrated")}, the {f.Method.Name()} forecast in '{named.Name}', as 'scaling plan --law' gives it; the law's own optimum: {NumberText.Count(f.LawOptimum.Parameters)}). ")
            + at.Distance + " Budgets and sizes are centred on the forecast.";
    }

    /// <summary>The comment lines of the design's CSV.</summary>
    public static IEnumerable<string> Comments(ScalingLaw named, CampaignDesign design) =>
    [
        Invariant($"IsoFLOP campaign for a {NumberText.Scientific(design.TargetFlops)}-FLOP run, designed by 'scaling campaign' under '{named.Name}'."),
        Invariant($"{design.Runs.Count} runs, {NumberText.Scientific(design.TotalFlops)} FLOPs in all of {NumberText.Scientific(design.CampaignFlops)}. Fill in each run's final loss (nats/token), then: scaling fit FILE"),
    ];

    // Whole up to a million, then scientific: a 1e24 target over a 1e10-FLOP campaign is 1.67E+15 times, not 16 digits.
    private static string Times(double factor) =>
        factor < 1e6 ? factor.ToString("#,##0", CultureInfo.InvariantCulture) : NumberText.Scientific(factor);

    public static string DescribeSimulation(string lawName, CampaignSimulation simulation, bool centredOnForecast = false)
    {
        var options = simulation.Options;
        string centre = centredOnForecast ? "the plan's" : "the law's";
        var lines = new List<string>
        {
            Invariant($"Simulated {options.Trials} campaigns under '{lawName}' with {options.Noise} noise in log-loss (seed {options.Seed}): {centre} N* at {NumberText.Scientific(simulation.TargetFlops)} FLOPs is {NumberText.Count(simulation.TrueOptimum.Parameters)}")
                + (centredOnForecast ? " (the fit's calibrated forecast; each budget's valley of the law moved to it)." : "."),
            options.Misspecification is { } m
                ? Invariant($"  Each trial's true optimum drifts from {centre} as published IsoFLOP studies differ (exponent offset sd {m.SlopeSd:0.000}, drift {m.CurvatureMean:0.0000} ± {m.CurvatureSd:0.0000} per (ln C)^2, from the campaign's largest budget); estimates are judged against each trial's own truth, shown on {centre} scale. --exact-law simulates noise only.")
                : $"  Every trial is drawn from {(centredOnForecast ? "the law's valley moved to the plan's N*" : "the law itself")} (--exact-law): the spread is noise only, not the error of the law's form.",
        };
        foreach (var e in new[] { simulation.Approach3, simulation.Approach2, simulation.Calibrated }.OfType<SimulatedEstimates>())
        {
            string kind = ReferenceEquals(e, simulation.Calibrated) ? "calibrated" : "bootstrap";
            string coverage = e.Coverage is { } p
                ? Invariant($" Each campaign's own {NumberText.Percent(options.Level)} {kind} interval (median width {NumberText.Percent(e.MedianTrialRelativeWidth ?? double.NaN)} of N*) covered the truth in {NumberText.Percent(p)} ± {NumberText.Percent(e.CoverageStandardError ?? double.NaN)} of them.")
                : string.Empty;
            string failed = e.FailedTrials > 0 ? Invariant($" {e.FailedTrials} campaigns could not be fitted.") : string.Empty;
            lines.Add(Invariant($"  {Capitalise(e.Approach)}: N* median {NumberText.Count(e.Parameters.Estimate)} ({NumberText.Change(e.RelativeBias)} from the truth); {NumberText.Percent(options.Level)} of campaigns within [{NumberText.Count(e.Parameters.Lower)}, {NumberText.Count(e.Parameters.Upper)}], ")
                + Invariant($"a width of {NumberText.Percent(e.RelativeWidth)} of N* (Monte Carlo error ± {NumberText.Percent(e.RelativeWidthStandardError)}).{coverage}{failed}"));
        }

        if (simulation.Approach3.Loss is { } loss)
        {
            lines.Add(Invariant($"  Predicted optimal loss at the target: median {NumberText.Loss(loss.Estimate)}, {NumberText.Percent(options.Level)} of campaigns in [{NumberText.Loss(loss.Lower)}, {NumberText.Loss(loss.Upper)}] (truth {NumberText.Loss(simulation.TrueOptimum.Loss)})."));
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
        return Invariant($"Plan at {NumberText.Scientific(f.Flops)} FLOPs: {NumberText.Count(at.Parameters)} parameters [{NumberText.Count(at.ParametersLower)}, {NumberText.Count(at.ParametersUpper)}] ")
            + Invariant($"({at.Level * 100:0}% {(at.Calibrated ? "calibrated" : "not calibrated")}, the {f.Method.Name()} forecast of the runs' IsoFLOP minima, as 'scaling fit --flops' gives it). {at.Distance}\n");
    }

    public static string DescribeNextRuns(string path, int runs, NextRunsAdvice advice)
    {
        var lines = new List<string>
        {
            Invariant($"{runs} runs in {path}: the fitted law's own N* at {NumberText.Scientific(advice.TargetFlops)} FLOPs is {NumberText.Count(advice.Parameters.Estimate)}, 95% bootstrap interval [{NumberText.Count(advice.Parameters.Lower)}, {NumberText.Count(advice.Parameters.Upper)}] (width {advice.RelativeWidth * 100:0}% of N*, run noise only); residual noise {advice.NoiseSigma * 100:0.00}% in log-loss."),
            "Next runs, each chosen for the largest expected narrowing of that interval given the ones before it:",
        };
        int index = 1;
        foreach (var p in advice.Proposals)
        {
            lines.Add(Invariant($"  {index++}. budget {NumberText.Scientific(p.Run.BudgetFlops)}: {NumberText.Count(p.Run.Parameters)} parameters on {NumberText.Count(p.Run.Tokens)} tokens -> width x{NumberText.Ratio(p.ShrinkFactor)}, expected {NumberText.Percent(p.ExpectedRelativeWidth)} of N*"));
        }

        if (advice.Comparison is { } c)
        {
            lines.Add(Invariant($"By simulation under the fitted law ({c.Trials} campaigns each, Monte Carlo error about ± {NumberText.Significant(c.StandardError * 100)} points), 95% spread of N*: runs so far {NumberText.Percent(c.CurrentRelativeWidth)}, ")
                + Invariant($"with these runs {NumberText.Percent(c.ProposedRelativeWidth)} ({NumberText.Scientific(c.ProposedFlops)} FLOPs), with {advice.Proposals.Count} runs at twice the largest budget {NumberText.Percent(c.DoublingRelativeWidth)} ({NumberText.Scientific(c.DoublingFlops)} FLOPs)."));
        }

        return string.Join('\n', lines);
    }


    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
