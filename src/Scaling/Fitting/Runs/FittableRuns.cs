using System.Globalization;

namespace Scaling.Fitting.Runs;

/// <summary>
/// The checks that decide whether runs can identify the five coefficients of <c>L = E + A/N^α + B/D^β</c>.
/// </summary>
public static class FittableRuns
{
    /// <summary>The fewest runs a five-coefficient fit accepts.</summary>
    public const int MinimumRuns = 5;

    /// <summary>
    /// Throws unless there are at least <see cref="MinimumRuns"/> runs, more than one distinct N and D, and the losses
    /// differ.
    /// </summary>
    /// <exception cref="ArgumentException">The runs cannot identify the law; the message names the problem and the fix.</exception>
    public static void Require(IReadOnlyList<TrainingRun> runs, string paramName = "runs")
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count < MinimumRuns)
        {
            throw UnusableRunsException.Because(
                $"only {runs.Count} usable run(s); fitting E, A, B, alpha and beta needs at least {MinimumRuns} (Hoffmann et al. used over 400) - add runs of several sizes and token counts.");
        }

        if (runs.Select(r => r.Parameters).Distinct().Count() == 1)
        {
            throw UnusableRunsException.Because(
                $"every run has the same parameter count N = {Text(runs[0].Parameters)}, so alpha and A are not identifiable - add runs of other model sizes (an IsoFLOP design varies N at fixed compute).");
        }

        if (runs.Select(r => r.Tokens).Distinct().Count() == 1)
        {
            throw UnusableRunsException.Because(
                $"every run has the same token count D = {Text(runs[0].Tokens)}, so beta and B are not identifiable - add runs trained on other token counts.");
        }

        if (runs.Select(r => r.Loss).Distinct().Count() == 1)
        {
            throw UnusableRunsException.Because(
                $"every run has the same loss {Text(runs[0].Loss)}, so there is nothing to fit - check that the loss column holds each run's final loss.");
        }
    }

    private static string Text(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
