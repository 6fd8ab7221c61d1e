using System.Globalization;
using Scaling.Cli.Shared;
using Scaling.Fitting.Approach1;
using Scaling.Fitting.Approach2;
using Scaling.Fitting.Bootstrap;
using Scaling.Fitting.Runs;
using Scaling.Fitting;
using Scaling.Laws;

namespace Scaling.Cli.Commands.Fit;

/// <summary>
/// <c>scaling fit --approach 1|2</c>: the power-law allocation rule fitted by Approach 1 (lower envelope of training
/// curves) or Approach 2 (IsoFLOP profiles), as a memo or JSON whose <c>rule</c> <c>scaling plan --law</c> accepts.
/// </summary>
internal static class AllocationFitReport
{
    public static (FitOutput Report, string Memo) Approach2(CliConsole console, string path, IReadOnlyList<TrainingRun> runs, int resamples, Seed seed, double? budget, bool asJson)
    {
        IsoFlopFitResult fit;
        using (var bar = ProgressLine.Start(console, !asJson && resamples > 0, "fit: bootstrap  ", resamples))
        {
            fit = IsoFlopFitter.Fit(runs, new IsoFlopFitOptions { Resamples = resamples, Seed = seed }, bar);
        }

        var report = AllocationFitOutput.From(FitApproach.Two, fit.Frontier, fit.Bootstrap, fit.Warnings, budget) with
        {
            GroupsUsed = fit.GroupsUsed,
            RunsUsed = fit.RunsUsed,
            Profiles = fit.Profiles.Select(IsoFlopProfileOutput.From).ToArray(),
        };
        string header = Invariant($"Approach 2 (IsoFLOP profiles, Hoffmann et al. 2022 §3.2) on {fit.RunsUsed} runs in {fit.GroupsUsed} of {fit.Profiles.Count} compute groups from {path}:");
        return (report, Memo(header, fit.Frontier, fit.Bootstrap, fit.Warnings, budget));
    }

    public static (FitOutput Report, string Memo) Approach1(CliConsole console, string path, IReadOnlyList<TrainingRun> runs, int resamples, Seed seed, double? budget, bool asJson)
    {
        EnvelopeFitResult fit;
        using (var bar = ProgressLine.Start(console, !asJson && resamples > 0, "fit: bootstrap  ", resamples))
        {
            fit = EnvelopeFitter.Fit(runs, new EnvelopeFitOptions { Resamples = resamples, Seed = seed }, bar);
        }

        var report = AllocationFitOutput.From(FitApproach.One, fit.Frontier, fit.Bootstrap, fit.Warnings, budget) with
        {
            CurvesUsed = fit.CurvesUsed,
            PointsUsed = fit.PointsUsed,
        };
        string header = Invariant($"Approach 1 (lower envelope of training curves, Hoffmann et al. 2022 §3.1) on {fit.CurvesUsed} training runs from {path}:");
        return (report, Memo(header, fit.Frontier, fit.Bootstrap, fit.Warnings, budget));
    }

    private static string Memo(string header, AllocationFit frontier, AllocationBootstrap? boot, IReadOnlyList<string> warnings, double? budget)
    {
        var lines = new List<string>
        {
            header,
            $"  N_opt = {Humanize.Significant(frontier.Parameters.Coefficient)}·C^{Humanize.Exponent(frontier.ExponentA)}{Range(boot?.ExponentA, Humanize.Exponent)}, "
                + $"D_opt = {Humanize.Significant(frontier.Tokens.Coefficient)}·C^{Humanize.Exponent(frontier.ExponentB)}{Range(boot?.ExponentB, Humanize.Exponent)} "
                + Invariant($"(R² {frontier.Parameters.RSquared:0.000} over {frontier.Parameters.Points} points)."),
        };
        if (budget is { } c)
        {
            var plan = frontier.Optimum(c);
            var at = boot?.At(c);
            lines.Add($"  At {Humanize.Scientific(c)} FLOPs: {Humanize.Count(plan.Parameters)} parameters{Range(at?.Parameters, Humanize.Count)} on "
                + $"{Humanize.Count(plan.Tokens)} tokens{Range(at?.Tokens, Humanize.Count)}, {Humanize.Ratio(plan.TokensPerParameter)} tokens/parameter.");
        }

        if (boot is not null)
        {
            lines.Add(Invariant($"  Bootstrap: {boot.Resamples} resamples, {boot.Level * 100:0}% percentile intervals in brackets."));
        }

        lines.AddRange(warnings.Select(w => "  Warning: " + w));
        lines.Add("  An allocation rule predicts N* and D*, not the loss; Approach 3 fits the loss law itself.");
        return string.Join('\n', lines);
    }

    private static string Range(Interval? interval, Func<double, string> format) =>
        interval is null ? string.Empty : $" [{format(interval.Lower)}, {format(interval.Upper)}]";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
