using System.Globalization;
using Scaling.Allocation;
using Scaling.Audit;
using Scaling.Laws;
using Scaling.Resources;
using Scaling.Text;

namespace Scaling.Reports.Html;

/// <summary>The caption of each report figure: what a reader should take from it for this plan, in numbers from the library.</summary>
internal static class FigureTakeaways
{
    /// <summary>The takeaway of the figure called <paramref name="name"/> (the report's file stem).</summary>
    public static string For(string name, ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var facts = PlanFacts.Of(request);
        var optimum = facts.Optimum;
        var range = facts.NearOptimal[^1];
        string n = NumberText.Count(optimum.Parameters);
        string c = NumberText.Scientific(optimum.Flops);
        string own = NumberText.Count(facts.Plan.LawOptimum.Parameters);
        return name switch
        {
            "isoflop" when facts.Plan is ForecastPlan => $"Each curve is one budget's loss against model size under the fitted law, whose lowest point is at {own} "
                + $"parameters at {c} FLOPs. Your plan, {n} parameters (the diamond with its calibrated interval), comes from the forecast of your runs' "
                + $"own IsoFLOP minima, which extrapolated better on published studies; the valley is flat: sizes from {NumberText.Count(range.LowerParameters)} to "
                + $"{NumberText.Count(range.UpperParameters)} lose less than 1%.",
            "isoflop" => $"Each curve is one budget's loss against model size; its lowest point is the compute-optimal size. At {c} FLOPs "
                + $"the lowest point is {n} parameters, and the valley is flat: sizes from {NumberText.Count(range.LowerParameters)} to "
                + $"{NumberText.Count(range.UpperParameters)} lose less than 1%.",
            "loss-landscape" when facts.Plan is ForecastPlan => $"Loss falls towards large models trained long; the fitted law's frontier crosses {c} FLOPs at {own} "
                + $"parameters (circled). Your plan, from the forecast of your runs, is {n} parameters on {NumberText.Count(optimum.Tokens)} tokens (starred), loss {NumberText.Loss(optimum.Loss)}.",
            "loss-landscape" => $"Loss falls towards large models trained long; each iso-FLOP line touches its lowest loss where the frontier "
                + $"crosses it. At {c} FLOPs that is {n} parameters on {NumberText.Count(optimum.Tokens)} tokens, loss {NumberText.Loss(optimum.Loss)}.",
            "budget-view" => BudgetView(facts),
            "law-spread" => LawSpread(facts),
            "sensitivity" => Sensitivity(request),
            "audit-map" => AuditMap(request),
            "fit-observed-predicted" when request.Fit is { } fit =>
                $"Runs on the diagonal are predicted exactly; over {fit.RunsUsed.ToString(CultureInfo.InvariantCulture)} runs the log residuals "
                + $"have a root mean square of {NumberText.Exponent(fit.Residuals.RootMeanSquare)}.",
            "fit-residuals" when request.Fit is { } fit =>
                $"A law of the right form leaves residuals without a trend in compute: their mean is {NumberText.Exponent(fit.Residuals.Mean)}, "
                + $"the largest {NumberText.Exponent(fit.Residuals.MaxAbsolute)}.",
            "fit-exponent-a" when request.FitBootstrap?.Intervals.ExponentA is { } a =>
                $"N* grows as C^a; the bootstrap puts a between {NumberText.Exponent(a.Lower)} and {NumberText.Exponent(a.Upper)} (95%), "
                + $"estimate {NumberText.Exponent(a.Estimate)}.",
            "fit-backtest" when request.Extrapolation?.Backtest is { } backtest =>
                $"Each bar is a forecast made from the budgets up to one, for a larger budget's observed optimum: "
                + $"{backtest.Rows.Count(r => r.Covered).ToString(CultureInfo.InvariantCulture)} of {backtest.Rows.Count.ToString(CultureInfo.InvariantCulture)} calibrated intervals hold it, "
                + $"up to {NumberText.Decades(backtest.ReachDecades)} decades out; root mean square of ln(observed/predicted) {NumberText.Exponent(backtest.RootMeanSquareLogError())}.",
            _ => string.Empty,
        };
    }

    private static string BudgetView(PlanFacts facts)
    {
        var allocator = FittedPlan.Allocator(facts.Request.Fitted);
        double flops = facts.Optimum.Flops;
        var small = allocator.Optimum(flops / 100);
        var large = allocator.Optimum(flops * 100);
        // Over the four decades shown, on average (a forecast's exponent drifts; a law's does not).
        double tenfoldParameters = Math.Pow(large.Parameters / small.Parameters, 0.25);
        double tenfoldTokens = Math.Pow(large.Tokens / small.Tokens, 0.25);
        string sizes = $"A hundredth of the budget buys {NumberText.Count(small.Parameters)} parameters, a hundred times it "
            + $"{NumberText.Count(large.Parameters)}: each tenfold budget buys a {NumberText.Significant(tenfoldParameters)}× "
            + $"larger model on {NumberText.Significant(tenfoldTokens)}× the tokens.";
        if (facts.Budget is not { } budget)
        {
            return sizes;
        }

        var r = budget.Resources;
        string yours = $" Yours takes {NumberText.Gpus(r.Gpus)} for {NumberText.Days(r.Days)} and costs {NumberText.Euros(r.CostEuros)}";
        string tenfold = Try(() => ResourcePlan.Create(flops * 10, allocator.Optimum(flops * 10).Parameters, r.Assumptions)) is { } more
            ? $"; ten times the budget takes {NumberText.Gpus(more.Gpus)} for {NumberText.Days(more.Days)}: "
                + (more.GpuCountReason is GpuCountReason.MeetsSchedule or GpuCountReason.MeetsDeadline
                    ? "on a fixed schedule a larger budget buys a larger cluster, not a longer wait."
                    : "the time grows with the budget.")
            : ".";
        return sizes + yours + tenfold;
    }

    private static string LawSpread(PlanFacts facts)
    {
        double Spread(double flops)
        {
            var sizes = LawPresets.All.Select(l => l.Allocator().Optimum(flops).Parameters).ToArray();
            return sizes.Max() / sizes.Min();
        }

        double flops = facts.Optimum.Flops;
        var range = facts.NearOptimal[^1];
        var sizes = LawPresets.All.Select(l => l.Allocator().Optimum(flops).Parameters).ToArray();
        int inside = sizes.Count(n => n >= range.LowerParameters && n <= range.UpperParameters);
        return $"The published laws disagree on N* by {NumberText.Significant(Spread(flops))}× at your budget "
            + $"({NumberText.Significant(Spread(flops / 100))}× at a hundredth of it, {NumberText.Significant(Spread(flops * 100))}× at a hundred times), "
            + $"yet {inside} of their {sizes.Length} sizes lose less than 1% under {facts.Request.Law.Name} ({NumberText.Count(range.LowerParameters)} to "
            + $"{NumberText.Count(range.UpperParameters)}): the choice of law matters less than the spread suggests.";
    }

    private static string Sensitivity(ReportRequest request)
    {
        if (request.Resources is not { } assumptions || ReportBuilder.Sensitivity(request, assumptions) is not { } sensitivity)
        {
            return string.Empty;
        }

        var baseline = sensitivity.Baseline;
        var parts = new List<string>();
        var outputs = new[]
        {
            (SensitivityOutput.CostEuros, "the cost"), (SensitivityOutput.Gpus, "the GPU count"), (SensitivityOutput.Days, "the days"),
            (SensitivityOutput.Parameters, "N*"), (SensitivityOutput.Co2Tonnes, "CO₂"),
        };
        foreach (var (output, name) in outputs)
        {
            var moves = sensitivity.Factors
                .Select(f => (Factor: f, Low: f.LowChange(output, baseline), High: f.HighChange(output, baseline)))
                .Select(m => (m.Factor, m.Low, m.High, Size: Math.Max(Math.Abs(m.Low ?? 0), Math.Abs(m.High ?? 0))))
                .Where(m => m.Size >= 0.005)
                .OrderByDescending(m => m.Size)
                .ToList();
            if (moves.Count == 0 || moves[0].Size < 0.05)
            {
                string within = moves.Count == 0 ? string.Empty : $" (within {NumberText.Significant(Math.Ceiling(moves[0].Size * 100))}%)";
                parts.Add($"{name} barely {(output == SensitivityOutput.Days ? "move" : "moves")}{within}");
                continue;
            }

            var top = moves[0];
            var settings = new[] { (top.Low, top.Factor.LowSetting), (top.High, top.Factor.HighSetting) }
                .Where(c => c.Item1 is { } v && Math.Abs(v) >= 0.005)
                .Select(c => $"{Change(c.Item1)} {(top.Factor.Name == "law" ? "under" : "at")} {c.Item2}");
            string how = moves.Count == 1 ? "only" : "most";
            parts.Add($"{name} moves {how} with {(top.Factor.Name == "MFU" ? "MFU" : "the " + top.Factor.Name)} ({string.Join(", ", settings)})");
        }

        return char.ToUpperInvariant(parts[0][0]) + string.Join("; ", parts)[1..]
            + ". The longest bars are the assumptions to pin down before committing the budget.";
    }

    private static string Change(double? change) => change is { } c ? NumberText.Change(c) : "impossible";

    // A plan the domain refuses (ten times the budget may need more GPUs than allowed) has no takeaway; a bug still throws.
    private static T? Try<T>(Func<T> make)
        where T : class
    {
        try
        {
            return make();
        }
        catch (ScalingException)
        {
            return null;
        }
    }

    private static string AuditMap(ReportRequest request)
    {
        var auditor = ModelAuditor.Create(request.Law);
        var verdicts = ModelRegistry.Published.Select(m => auditor.Audit(m).Verdict).ToList();
        int under = verdicts.Count(v => v == AuditVerdict.Undertrained);
        int over = verdicts.Count(v => v == AuditVerdict.Overtrained);
        return $"A model far from the frontier split its compute badly between size and tokens: under {request.Law.Name}, {under} of "
            + $"{verdicts.Count} published models are undertrained, {verdicts.Count - under - over} near-optimal and {over} overtrained.";
    }
}
