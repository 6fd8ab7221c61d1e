using System.Globalization;
using Scaling.Allocation;
using Scaling.Cli.Shared;
using Scaling.Fitting.Bootstrap;
using Scaling.Fitting.Extrapolation;
using Scaling.Text;

namespace Scaling.Cli.Commands.Fit;

/// <summary>
/// The plan <c>scaling fit --flops C</c> leads with (<see cref="FittedPlan"/> decides which N* it is): in JSON the
/// top-level <c>plan</c> and <c>intervals.parameters/tokens/tokensPerParameter</c>, with the law's own optimum under
/// <c>lawOptimum</c>; in prose the first paragraph, the law's own optimum last in it and named for what it is.
/// </summary>
internal static class FitHeadline
{
    /// <summary>
    /// <paramref name="report"/> with the plan, the plan's intervals and the law's own optimum; a rule's own intervals
    /// come from its bootstrap (<paramref name="ruleIntervals"/>), a loss law's from the plan's refits.
    /// </summary>
    public static FitOutput Apply(FitOutput report, FittedPlan plan, AllocationIntervals? ruleIntervals)
    {
        var lawIntervals = LawIntervals(plan, ruleIntervals);
        var planIntervals = plan is ForecastPlan f ? OptimumIntervalsOutput.From(f.Forecast) : lawIntervals;
        var own = LawOptimumOutput.From(plan.LawOptimum, lawIntervals);
        var output = FitPlanOutput.From(plan);
        return report switch
        {
            Approach3Output a => a with { Plan = output, LawOptimum = own, Intervals = a.Intervals?.WithPlan(planIntervals) },
            AllocationFitOutput r => r with { Plan = output, LawOptimum = own, Intervals = r.Intervals?.WithPlan(planIntervals) },
            _ => report,
        };
    }

    /// <summary>An approach's output under <c>--approach all</c> with its own optimum at the budget.</summary>
    public static FitOutput WithLawOptimum(FitOutput report, ComputeOptimum lawOptimum, AllocationIntervals? ruleIntervals) => report switch
    {
        AllocationFitOutput r => r with { LawOptimum = LawOptimumOutput.From(lawOptimum, OptimumIntervalsOutput.From(ruleIntervals)) },
        _ => report,
    };

    /// <summary>The first paragraph of the memo: the plan, what it rests on, how far it reaches, then the law's own optimum.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="ruleIntervals">An allocation rule's bootstrap intervals at the budget (Approaches 1 and 2).</param>
    /// <param name="largestRunFlops">The largest run's 6·N·D, for the distance of a plan without a forecast.</param>
    /// <param name="lawWarnings">How many warnings the law's fit has (they follow in the memo).</param>
    public static string Prose(FittedPlan plan, AllocationIntervals? ruleIntervals, double? largestRunFlops, int lawWarnings)
    {
        var lines = new List<string>();
        var o = plan.Optimum;
        string loss = o is LossOptimum { Loss: var l } ? $", the law's predicted loss {NumberText.Loss(l)}" : string.Empty;
        if (plan is ForecastPlan f)
        {
            var at = f.Forecast;
            string level = Invariant($"{at.Level * 100:0}%");
            lines.Add($"Plan for {NumberText.Scientific(plan.Flops)} FLOPs: {NumberText.Count(o.Parameters)} parameters [{NumberText.Count(at.ParametersLower)}, {NumberText.Count(at.ParametersUpper)}] "
                + $"on {NumberText.Count(o.Tokens)} tokens [{NumberText.Count(at.TokensLower)}, {NumberText.Count(at.TokensUpper)}], "
                + $"{NumberText.Ratio(o.TokensPerParameter)} tokens/parameter [{NumberText.Ratio(at.TokensPerParameterLower)}, {NumberText.Ratio(at.TokensPerParameterUpper)}]{loss}.");
            lines.Add(at.Calibrated
                ? $"  N* from the {f.Method.Name()} forecast of your runs' IsoFLOP minima; {level} interval calibrated on back-tests of published IsoFLOP studies at the same distance ({NumberText.Ratio(at.WidthRatio)}x wide)."
                : $"  N* from the {f.Method.Name()} forecast; {level} interval from the method's block bootstrap over budgets, not calibrated ({NumberText.Ratio(at.WidthRatio)}x wide).");
            lines.Add("  " + at.Distance);
            lines.AddRange(at.Warnings.Select(w => "  Warning: " + w));
            lines.Add(LawLine(plan, LawIntervals(plan, ruleIntervals)));
        }
        else
        {
            var own = LawIntervals(plan, ruleIntervals);
            lines.Add($"Plan for {NumberText.Scientific(plan.Flops)} FLOPs, the fitted law's own optimum: {NumberText.Count(o.Parameters)} parameters{Range(own?.Parameters, NumberText.Count)} "
                + $"on {NumberText.Count(o.Tokens)} tokens{Range(own?.Tokens, NumberText.Count)}, {NumberText.Ratio(o.TokensPerParameter)} tokens/parameter{Range(own?.TokensPerParameter, NumberText.Ratio)}{loss}.");
            string why = ((LawPlan)plan).NoForecast is { } reason ? $"No calibrated interval: {reason}" : "No calibrated interval.";
            lines.Add("  " + why + (own is null ? string.Empty : " The interval is the run bootstrap's: it measures the runs' noise, not the error of the law's form, which dominates beyond the runs."));
            if (largestRunFlops is { } largest && plan.Flops > largest)
            {
                lines.Add(Invariant($"  Your largest run (6·N·D = {NumberText.Scientific(largest)} FLOPs) is 1/{NumberText.Significant(plan.Flops / largest)} of this budget: {Math.Log10(plan.Flops / largest):0.0} decades of extrapolation."));
            }
        }

        if (lawWarnings > 0)
        {
            lines.Add($"  Warning: the fitted law is not to be trusted here ({(lawWarnings == 1 ? "a warning" : $"{lawWarnings} warnings")} below): its predicted loss and its own optimum mean little.");
        }

        return string.Join('\n', lines);
    }

    // The law's own optimum, second: named for what it is, with its run-bootstrap interval.
    private static string LawLine(FittedPlan plan, OptimumIntervalsOutput? own)
    {
        var o = plan.LawOptimum;
        string loss = o is LossOptimum { Loss: var l } ? $", loss {NumberText.Loss(l)}" : string.Empty;
        string what = o is LossOptimum ? "law" : "rule";
        return $"  The fitted {what}'s own optimum, for comparison: {NumberText.Count(o.Parameters)} parameters{Range(own?.Parameters, NumberText.Count)} on {NumberText.Count(o.Tokens)} tokens"
            + $"{Range(own?.Tokens, NumberText.Count)}, {NumberText.Ratio(o.TokensPerParameter)} tokens/parameter{Range(own?.TokensPerParameter, NumberText.Ratio)}{loss}"
            + (own is null ? "." : $"; its interval is the run bootstrap's, which measures the runs' noise, not the error of the {what}'s form")
            + (own is null ? string.Empty : $" (on published studies the {what}'s optimum extrapolated worse than the forecast: docs/extrapolation.md).");
    }

    private static OptimumIntervalsOutput? LawIntervals(FittedPlan plan, AllocationIntervals? ruleIntervals) =>
        OptimumIntervalsOutput.From(plan.LawIntervals) ?? OptimumIntervalsOutput.From(ruleIntervals);

    private static string Range(IntervalOutput? interval, Func<double, string> format) =>
        interval is { } i ? $" [{format(i.Lower)}, {format(i.Upper)}]" : string.Empty;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
