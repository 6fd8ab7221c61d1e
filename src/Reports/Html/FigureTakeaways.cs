using System.Globalization;
using Scaling.Allocation;
using Scaling.Audit;

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
        string n = HtmlNumbers.Count(optimum.Parameters);
        string c = HtmlNumbers.Scientific(optimum.Flops);
        return name switch
        {
            "isoflop" => $"Each curve is one budget's loss against model size; its lowest point is the compute-optimal size. At {c} FLOPs "
                + $"the lowest point is {n} parameters, and the valley is flat: sizes from {HtmlNumbers.Count(range.LowerParameters)} to "
                + $"{HtmlNumbers.Count(range.UpperParameters)} lose less than 1%.",
            "loss-landscape" => $"Loss falls towards large models trained long; each iso-FLOP line touches its lowest loss where the frontier "
                + $"crosses it. At {c} FLOPs that is {n} parameters on {HtmlNumbers.Count(optimum.Tokens)} tokens, loss {HtmlNumbers.Loss(optimum.Loss)}.",
            "budget-view" => BudgetView(facts),
            "audit-map" => AuditMap(request),
            "fit-observed-predicted" when request.Fit is { } fit =>
                $"Runs on the diagonal are predicted exactly; over {fit.RunsUsed.ToString(CultureInfo.InvariantCulture)} runs the log residuals "
                + $"have a root mean square of {HtmlNumbers.Exponent(fit.Residuals.RootMeanSquare)}.",
            "fit-residuals" when request.Fit is { } fit =>
                $"A law of the right form leaves residuals without a trend in compute: their mean is {HtmlNumbers.Exponent(fit.Residuals.Mean)}, "
                + $"the largest {HtmlNumbers.Exponent(fit.Residuals.MaxAbsolute)}.",
            "fit-exponent-a" when request.FitBootstrap?.Intervals.ExponentA is { } a =>
                $"N* grows as C^a; the bootstrap puts a between {HtmlNumbers.Exponent(a.Lower)} and {HtmlNumbers.Exponent(a.Upper)} (95%), "
                + $"estimate {HtmlNumbers.Exponent(a.Estimate)}.",
            "fit-backtest" when request.Extrapolation?.Backtest is { } backtest =>
                $"Each bar is a forecast made from the budgets up to one, for a larger budget's observed optimum: "
                + $"{backtest.Rows.Count(r => r.Covered).ToString(CultureInfo.InvariantCulture)} of {backtest.Rows.Count.ToString(CultureInfo.InvariantCulture)} calibrated intervals hold it, "
                + $"up to {backtest.ReachDecades.ToString("0.0", CultureInfo.InvariantCulture)} decades out; root mean square of ln(observed/predicted) {HtmlNumbers.Exponent(backtest.RootMeanSquareLogError())}.",
            _ => string.Empty,
        };
    }

    private static string BudgetView(PlanFacts facts)
    {
        var allocator = facts.Request.Law.Allocator();
        double flops = facts.Optimum.Flops;
        var small = allocator.Optimum(flops / 100);
        var large = allocator.Optimum(flops * 100);
        string cost = facts.Budget is { } budget ? $" Yours costs {HtmlNumbers.Euros(budget.Resources.CostEuros)}." : string.Empty;
        return $"A hundredth of the budget buys {HtmlNumbers.Count(small.Parameters)} parameters, a hundred times it "
            + $"{HtmlNumbers.Count(large.Parameters)}: each tenfold budget buys a {HtmlNumbers.Significant(Math.Pow(10, facts.Frontier.ExponentA))}× "
            + $"larger model on {HtmlNumbers.Significant(Math.Pow(10, facts.Frontier.ExponentB))}× the tokens, while cost, energy and CO₂ grow tenfold.{cost}";
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
