using System.Globalization;
using Scaling.Allocation;
using Scaling.Campaign;
using Scaling.Cli.Shared;
using Scaling.Fitting;
using Scaling.Fitting.Extrapolation;
using Scaling.Laws;

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
            if (fitted.Law is ParametricLaw calibratedLaw && FittedPlan.At(fitted, flops) is ForecastPlan forecast)
            {
                var calibrated = RobustPlanner.Plan(calibratedLaw.LossLaw, fitted.Extrapolation!, flops, quantile);
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
        plan.Quantile is { } q ? string.Create(CultureInfo.InvariantCulture, $"{q * 100:0.#}th-percentile loss") : "expected loss";

    private static string Describe(FittedLaw law, RobustPlan plan)
    {
        var spread = Interval.FromSamples(plan.PointParameters, plan.LawsOptimalParameters);
        return string.Create(CultureInfo.InvariantCulture, $"Robust plan for {Humanize.Scientific(plan.Flops)} FLOPs over the {law.Resamples.Count} bootstrap refits in '{law.Law.Name}': ")
            + string.Create(CultureInfo.InvariantCulture, $"{Humanize.Count(plan.Parameters)} parameters on {Humanize.Count(plan.Tokens)} tokens, minimising the {Criterion(plan)} ({plan.Loss:0.0000}).\n")
            + string.Create(CultureInfo.InvariantCulture, $"  The point plan ({Humanize.Count(plan.PointParameters)}, the fitted law's own N*) has {Criterion(plan)} {plan.PointLoss:0.0000}: the robust size is {plan.ParametersRatio:0.00}x it and gains {plan.Gain:0.0E+0} nats/token.\n")
            + $"  The refits' own N* spread over [{Humanize.Count(spread.Lower)}, {Humanize.Count(spread.Upper)}] (95%).";
    }

    private static string DescribeCalibrated(FittedLaw law, RobustPlan plan, ForecastPlan forecast) => DescribeCalibrated(law, plan, forecast.Forecast)
        + (forecast.Forecast.Warnings.Count > 0 ? "\n" + string.Join('\n', forecast.Forecast.Warnings.Select(w => "  Warning: " + w)) : string.Empty);

    private static string DescribeCalibrated(FittedLaw law, RobustPlan plan, Fitting.Extrapolation.ExtrapolatedOptimum at) =>
        string.Create(CultureInfo.InvariantCulture, $"Robust plan for {Humanize.Scientific(plan.Flops)} FLOPs over the calibrated N* interval in '{law.Law.Name}' ")
            + string.Create(CultureInfo.InvariantCulture, $"({Humanize.Count(at.ParametersLower)} to {Humanize.Count(at.ParametersUpper)}, {at.Level * 100:0}%, {law.Extrapolation!.Forecast.Method.Name()} method): ")
            + string.Create(CultureInfo.InvariantCulture, $"{Humanize.Count(plan.Parameters)} parameters on {Humanize.Count(plan.Tokens)} tokens, minimising the {Criterion(plan)} ({plan.Loss:0.0000}) ")
            + "with the law's IsoFLOP valley moved to each plausible optimum.\n"
            + string.Create(CultureInfo.InvariantCulture, $"  The point plan ({Humanize.Count(plan.PointParameters)}, the forecast's N*) has {Criterion(plan)} {plan.PointLoss:0.0000}: the robust size is {plan.ParametersRatio:0.00}x it and gains {plan.Gain:0.0E+0} nats/token.\n")
            + "  " + at.Distance;

    private static string Describe(LawConsensus consensus)
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"Consensus of the {consensus.Laws.Count} published loss laws for {Humanize.Scientific(consensus.Flops)} FLOPs: {Humanize.Count(consensus.Parameters)} parameters on {Humanize.Count(consensus.Tokens)} tokens, ")
                + string.Create(CultureInfo.InvariantCulture, $"the size whose worst regret over the laws is smallest ({consensus.MaxRegret:0.0000} nats/token). Their own N* differ by {consensus.Spread:0.0}x."),
            $"  {"law",-24} {"own N*",8}  {"own loss",8}  {"loss here",9}  {"regret",7}",
        };
        foreach (var view in consensus.Laws)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {view.Name,-24} {Humanize.Count(view.OptimalParameters),8}  {view.OptimalLoss,8:0.0000}  {view.Loss,9:0.0000}  {view.Regret,7:0.0000}"));
        }

        lines.Add("  For a robust plan over one fit's uncertainty instead, give --law fit.json written by 'scaling fit' (it carries the bootstrap refits).");
        return string.Join('\n', lines);
    }
}
