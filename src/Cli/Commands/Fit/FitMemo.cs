using System.Globalization;
using Scaling.Fitting;
using Scaling.Fitting.Approach1;
using Scaling.Fitting.Approach2;
using Scaling.Fitting.Approach3;
using Scaling.Fitting.Bootstrap;
using Scaling.Text;

namespace Scaling.Cli.Commands.Fit;

/// <summary>The prose of <c>scaling fit</c>: a short memo per approach (the JSON is <see cref="FitOutput"/>).</summary>
internal static class FitMemo
{
    /// <summary>Approach 3: the law, its intervals and diagnostics, and what a reader must know before trusting it.</summary>
    public static string Approach3(string path, ParametricFitResult fit, BootstrapResult? boot)
    {
        var law = fit.Law;
        var lines = new List<string>
        {
            Invariant($"Approach 3 fit (Hoffmann et al. 2022) to {fit.RunsUsed} runs from {path}")
                + (fit.RunsExcluded > 0 ? Invariant($" ({fit.RunsExcluded} highest-loss runs left out)") : string.Empty)
                + Invariant($", Huber delta {NumberText.Value(fit.HuberDelta)}")
                + (fit.OverPredictionWeight != 1 ? Invariant($", over-predicted runs weighted {NumberText.Ratio(fit.OverPredictionWeight)}x (one-sided noise)") : string.Empty)
                + Invariant($", {fit.Starts} starts:"),
            $"  L = {NumberText.Exponent(law.E)} + {NumberText.Significant(law.A)}/N^{NumberText.Exponent(law.Alpha)} + {NumberText.Significant(law.B)}/D^{NumberText.Exponent(law.Beta)}",
        };
        string level = boot is null ? string.Empty : NumberText.Percent(boot.Intervals.Level) + " interval";
        if (boot is not null)
        {
            lines.Add($"  {"",-10} {"estimate",10}  {"std. error",10}  {level}");
            foreach (var (name, interval) in boot.Intervals.Take(7))
            {
                lines.Add($"  {name,-10} {NumberText.Significant(interval.Estimate),10}  {StandardError(interval.StandardError),10}  [{NumberText.Significant(interval.Lower)}, {NumberText.Significant(interval.Upper)}]");
            }
        }

        lines.Add($"  N* grows as C^{NumberText.Exponent(fit.ExponentA)}, D* as C^{NumberText.Exponent(fit.ExponentB)} (G = {NumberText.Significant(fit.G)}).");
        lines.Add(fit.Converged
            ? Invariant($"  Converged: every gradient component <= tolerance (largest {NumberText.Scientific(fit.GradientNorm)}) after {fit.Iterations} iterations.")
            : Invariant($"  Warning: NOT converged ({StopReason(fit.Stop)}; largest gradient component {NumberText.Scientific(fit.GradientNorm)} after {fit.Iterations} iterations); treat the digits with care."));
        if (fit.Subsampled)
        {
            lines.Add(Invariant($"  The {fit.Starts} starts ran on a stratified subsample of {fit.GridRuns} of the {fit.RunsUsed} runs ({fit.StartsAtBest} reached its best objective, {fit.StartsConverged} converged);"));
            lines.Add(Invariant($"  its {fit.PolishedStarts} best distinct optima were polished on all runs; the best, objective {fit.Objective:G6}, is the fit above."));
        }
        else
        {
            lines.Add(Invariant($"  {fit.StartsAtBest} of {fit.Starts} starts reached the best objective {fit.Objective:G6} (within 1e-9); {fit.StartsConverged} converged."));
        }
        lines.Add(fit.OnGridBoundary
            ? $"  Warning: the optimum lies on the boundary of the start grid in {string.Join(", ", fit.GridBoundaryAxes)}; the grid may not bracket it."
            : "  The optimum lies inside the grid of starts.");
        lines.Add(Invariant($"  Residuals of ln L: RMSE {NumberText.Percent(fit.Residuals.RootMeanSquare)}, mean |r| {NumberText.Percent(fit.Residuals.MeanAbsolute)}, max |r| {NumberText.Percent(fit.Residuals.MaxAbsolute)}."));
        if (boot is not null)
        {
            lines.Add(Invariant($"  Bootstrap: {boot.Resamples} resamples (seed {boot.Seed}), {boot.Converged} refits converged; {level}s are percentile intervals of run resamples: they measure the runs' noise, not the error of the law's form."));
        }

        lines.AddRange(FitWarnings.Of(fit, boot).Select(w => "  Warning: " + w));

        return string.Join('\n', lines);
    }

    /// <summary>Approach 2: the allocation rule from the IsoFLOP profiles.</summary>
    public static string Approach2(string path, IsoFlopFitResult fit) =>
        Memo(
            Invariant($"Approach 2 (IsoFLOP profiles, Hoffmann et al. 2022 §3.2) on {fit.RunsUsed} runs in {fit.GroupsUsed} of {fit.Profiles.Count} compute groups from {path}:"),
            fit.Frontier,
            fit.Bootstrap,
            fit.Warnings);

    /// <summary>Approach 1: the allocation rule from the envelope of the training curves.</summary>
    public static string Approach1(string path, EnvelopeFitResult fit) =>
        Memo(
            Invariant($"Approach 1 (lower envelope of training curves, Hoffmann et al. 2022 §3.1) on {fit.CurvesUsed} training runs from {path}:"),
            fit.Frontier,
            fit.Bootstrap,
            fit.Warnings);

    private static string Memo(string header, AllocationFit frontier, AllocationBootstrap? boot, IReadOnlyList<string> warnings)
    {
        var lines = new List<string>
        {
            header,
            $"  N_opt = {NumberText.Significant(frontier.Parameters.Coefficient)}·C^{NumberText.Exponent(frontier.ExponentA)}{Range(boot?.ExponentA, NumberText.Exponent)}, "
                + $"D_opt = {NumberText.Significant(frontier.Tokens.Coefficient)}·C^{NumberText.Exponent(frontier.ExponentB)}{Range(boot?.ExponentB, NumberText.Exponent)} "
                + Invariant($"(R² {frontier.Parameters.RSquared:0.000} over {frontier.Parameters.Points} points)."),
        };
        if (boot is not null)
        {
            lines.Add(Invariant($"  Bootstrap: {boot.Resamples} resamples, {NumberText.Percent(boot.Level)} percentile intervals in brackets."));
        }

        lines.AddRange(warnings.Select(w => "  Warning: " + w));
        lines.Add("  An allocation rule predicts N* and D*, not the loss; Approach 3 fits the loss law itself.");
        return string.Join('\n', lines);
    }

    private static string StopReason(Scaling.Fitting.Optimization.LbfgsStop stop) => stop switch
    {
        Scaling.Fitting.Optimization.LbfgsStop.IterationLimit => "the iteration limit was reached",
        Scaling.Fitting.Optimization.LbfgsStop.NoProgress => "no step lowered the objective further",
        Scaling.Fitting.Optimization.LbfgsStop.NotFinite => "the objective was not finite",
        _ => "stopped at the gradient tolerance",
    };

    // An infinite standard error (refits beyond what a number holds) prints as "inf"; the warnings say why.
    private static string StandardError(double value) => double.IsFinite(value) ? NumberText.Significant(value) : "inf";

    private static string Range(Interval? interval, Func<double, string> format) =>
        interval is { } i ? $" [{format(i.Lower)}, {format(i.Upper)}]" : string.Empty;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
