using System.Globalization;
using Scaling.Allocation;
using Scaling.Campaign;
using Scaling.Cli.Shared;
using Scaling.Fitting;
using Scaling.Fitting.Extrapolation;
using Scaling.Laws;
using Scaling.Text;

namespace Scaling.Cli.Commands.Plan;

/// <summary>
/// <c>scaling plan --flops C --robust [--quantile q]</c>: with a fit that carries a calibrated forecast of N*, the size
/// that minimises the expected (or q-quantile) loss over its calibrated interval; with a fit that carries only its
/// bootstrap refits, the size that minimises the expected (or q-quantile) loss over the refits, against the point plan; without <c>--law</c>, the
/// consensus of the published loss laws (smallest worst-case regret) and what each law predicts for it. A <c>--law</c>
/// without refits (a preset, inline coefficients, a fit written with <c>--bootstrap 0</c>) is refused rather than
/// silently replaced by the consensus.
/// </summary>
internal static class RobustPlanMode
{
    /// <param name="fitted">The --law given, or null for the consensus of the published laws.</param>
    /// <param name="flopsGiven">--flops.</param>
    /// <param name="quantileGiven">--quantile.</param>
    /// <param name="asJson">--json.</param>
    public static string Run(FittedLaw? fitted, double? flopsGiven, double? quantileGiven, bool asJson)
    {
        double flops = flopsGiven ?? throw new UsageException("--robust: give the budget with --flops C, e.g. --robust --flops 1e24.");
        double? quantile = quantileGiven is { } q ? Quantile(q) : null;
        if (fitted is not null)
        {
            // The same decision as the point plan (FittedPlan): a fit whose plan rests on its calibrated forecast hedges that
            // forecast's interval, the honest uncertainty; its run refits measure noise only.
            if (fitted is { Law: ParametricLaw calibratedLaw, Extrapolation: { } extrapolation } && FittedPlan.At(fitted, flops) is ForecastPlan forecast)
            {
                var calibrated = RobustPlanner.Plan(calibratedLaw.LossLaw, extrapolation, flops, quantile);
                return asJson
                    ? CliJson.Write(RobustPlanOutput.FromCalibrated(fitted, calibrated, forecast), CliJsonContext.Default.RobustPlanOutput)
                    : DescribeCalibrated(fitted, calibrated, forecast);
            }

            if (fitted.Law is not ParametricLaw parametric || fitted.Resamples.Count < 2)
            {
                throw new UsageException(
                    $"--law: '{fitted.Law.Name}' carries no bootstrap refits, so a robust plan would not use it; give a fit written with them "
                    + "(scaling fit runs.csv --bootstrap 1000 --out fit.json, then --law fit.json), or leave out --law for the consensus of the published laws.");
            }

            var plan = RobustPlanner.Plan(parametric.LossLaw, fitted.Resamples, flops, quantile);
            return asJson ? CliJson.Write(RobustPlanOutput.From(fitted, plan), CliJsonContext.Default.RobustPlanOutput) : Describe(fitted, plan);
        }

        if (quantile is not null)
        {
            throw new UsageException("--quantile: the consensus of the published laws carries no bootstrap refits to take a quantile over; give a fit with them (scaling fit runs.csv --out fit.json, then --law fit.json).");
        }

        var published = LawPresets.All.OfType<ParametricLaw>().Select(l => (l.Name, l.LossLaw)).ToArray();
        var consensus = RobustPlanner.Consensus(published, flops);
        return asJson ? CliJson.Write(ConsensusOutput.From(consensus), CliJsonContext.Default.ConsensusOutput) : Describe(consensus);
    }

    private static double Quantile(double q) =>
        q < 1 ? q : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--quantile must lie strictly between 0 and 1, got {q}; for example --quantile 0.9."));

    private static string Criterion(RobustPlan plan) =>
        plan.Quantile is { } q ? string.Create(CultureInfo.InvariantCulture, $"{NumberText.Significant(q * 100)}th-percentile loss") : "expected loss";

    private static string Describe(FittedLaw law, RobustPlan plan)
    {
        var spread = Interval.FromSamples(plan.PointParameters, plan.LawsOptimalParameters);
        return string.Create(CultureInfo.InvariantCulture, $"Robust plan for {NumberText.Scientific(plan.Flops)} FLOPs over the {law.Resamples.Count} bootstrap refits in '{law.Law.Name}': ")
            + string.Create(CultureInfo.InvariantCulture, $"{NumberText.Count(plan.Parameters)} parameters on {NumberText.Count(plan.Tokens)} tokens, minimising the {Criterion(plan)} ({NumberText.Loss(plan.Loss)}).\n")
            + string.Create(CultureInfo.InvariantCulture, $"  The point plan ({NumberText.Count(plan.PointParameters)}, the fitted law's own N*) has {Criterion(plan)} {NumberText.Loss(plan.PointLoss)}: the robust size is {NumberText.Ratio(plan.ParametersRatio)}x it and gains {NumberText.Loss(plan.Gain)} nats/token.\n")
            + $"  The refits' own N* spread over [{NumberText.Count(spread.Lower)}, {NumberText.Count(spread.Upper)}] (95%).";
    }

    private static string DescribeCalibrated(FittedLaw law, RobustPlan plan, ForecastPlan forecast) => DescribeCalibrated(law, plan, forecast.Forecast, forecast.Method)
        + (forecast.Forecast.Warnings.Count > 0 ? "\n" + string.Join('\n', forecast.Forecast.Warnings.Select(w => "  Warning: " + w)) : string.Empty);

    private static string DescribeCalibrated(FittedLaw law, RobustPlan plan, Fitting.Extrapolation.ExtrapolatedOptimum at, Fitting.Extrapolation.ExtrapolationMethod method) =>
        string.Create(CultureInfo.InvariantCulture, $"Robust plan for {NumberText.Scientific(plan.Flops)} FLOPs over the calibrated N* interval in '{law.Law.Name}' ")
            + string.Create(CultureInfo.InvariantCulture, $"({NumberText.Count(at.ParametersLower)} to {NumberText.Count(at.ParametersUpper)}, {NumberText.Percent(at.Level)}, {method.Name()} method): ")
            + string.Create(CultureInfo.InvariantCulture, $"{NumberText.Count(plan.Parameters)} parameters on {NumberText.Count(plan.Tokens)} tokens, minimising the {Criterion(plan)} ({NumberText.Loss(plan.Loss)}) ")
            + "with the law's IsoFLOP valley moved to each plausible optimum.\n"
            + string.Create(CultureInfo.InvariantCulture, $"  The point plan ({NumberText.Count(plan.PointParameters)}, the forecast's N*) has {Criterion(plan)} {plan.PointLoss:0.0000}: the robust size is {plan.ParametersRatio:0.00}x it and gains {plan.Gain:0.0E+0} nats/token.\n")
            + "  " + at.Distance;

    private static string Describe(LawConsensus consensus)
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"Consensus of the {consensus.Laws.Count} published loss laws for {NumberText.Scientific(consensus.Flops)} FLOPs: {NumberText.Count(consensus.Parameters)} parameters on {NumberText.Count(consensus.Tokens)} tokens, ")
                + string.Create(CultureInfo.InvariantCulture, $"the size whose worst regret over the laws is smallest ({NumberText.Loss(consensus.MaxRegret)} nats/token). Their own N* differ by {NumberText.Ratio(consensus.Spread)}x."),
            $"  {"law",-24} {"own N*",8}  {"own loss",8}  {"loss here",9}  {"regret",7}",
        };
        foreach (var view in consensus.Laws)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {view.Name,-24} {NumberText.Count(view.OptimalParameters),8}  {NumberText.Loss(view.OptimalLoss),8}  {NumberText.Loss(view.Loss),9}  {NumberText.Loss(view.Regret),7}"));
        }

        lines.Add("  For a robust plan over one fit's uncertainty instead, give --law fit.json written by 'scaling fit' (it carries the bootstrap refits).");
        return string.Join('\n', lines);
    }
}
