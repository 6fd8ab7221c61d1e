using System.Globalization;
using Scaling.Fitting.Bootstrap;

namespace Scaling.Fitting.Approach3;

/// <summary>
/// What a reader must know before trusting an Approach 3 law, in words: that it does not describe the runs (large
/// residuals), that a fitted exponent is so small the law's optimum is ill-determined, or that the bootstrap cannot pin
/// a coefficient (its refits' spread overflows, so the standard error is infinite).
/// </summary>
/// <remarks>
/// The limits are set from the published studies in <c>data/benchmarks/isoflops</c>: on all 24, Approach 3's residuals
/// of ln L have an RMSE between 0.25% and 9.3%, and on 22 of them both α and β exceed 0.25 (the other two count FLOPs
/// as Kaplan et al. 2020 did and give α below 0.1). A runs file on another loss scale (a published figure's axis, an
/// exponentiated or mixed-scale loss) fitted with an RMSE of 53% and α = 0.09.
/// <example><code>
/// foreach (string warning in FitWarnings.Of(fit, bootstrap)) Console.WriteLine("Warning: " + warning);
/// </code></example>
/// </remarks>
public static class FitWarnings
{
    /// <summary>The RMSE of ln-loss residuals above which the law is said not to describe the runs (0.15: 15%).</summary>
    public const double ResidualRmseLimit = 0.15;

    /// <summary>The smallest α or β a usable law has (0.1).</summary>
    public const double SmallestExponent = 0.1;

    /// <summary>The warnings for <paramref name="fit"/> and its <paramref name="bootstrap"/> (none when all is well).</summary>
    public static IReadOnlyList<string> Of(ParametricFitResult fit, BootstrapResult? bootstrap)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var warnings = new List<string>();
        bool misfit = fit.Residuals.RootMeanSquare > ResidualRmseLimit;
        if (misfit)
        {
            warnings.Add(Invariant($"The law does not describe these runs: the residuals of ln L have an RMSE of {fit.Residuals.RootMeanSquare * 100:0.#}% ")
                + Invariant($"(Approach 3 on 24 published IsoFLOP studies: 0.25% to 9.3%), so its coefficients, intervals and optimum mean little. ")
                + "Check that the loss column holds each run's final loss in nats per token on one data set and one scale (not perplexity, bits, "
                + "accuracy, or values read off a figure's axis), and look at the runs against the law (scaling report --fit-runs runs.csv); "
                + "the calibrated forecast of N* assumes no law's form (it reads each budget's IsoFLOP minimum), so plan with it.");
        }

        var small = new List<string>();
        if (fit.Law.Alpha < SmallestExponent)
        {
            small.Add(Invariant($"alpha = {fit.Law.Alpha:0.###}"));
        }

        if (fit.Law.Beta < SmallestExponent)
        {
            small.Add(Invariant($"beta = {fit.Law.Beta:0.###}"));
        }

        if (small.Count > 0)
        {
            warnings.Add($"{string.Join(" and ", small)}: a term that barely falls with scale (published fits give more than 0.25), so the law's optimum is ill-determined"
                + (misfit ? "." : "; check the loss column and that C = 6·N·D counts your FLOPs."));
        }

        if (bootstrap is not null)
        {
            var unpinned = bootstrap.Intervals.Where(kv => !double.IsFinite(kv.Value.StandardError)).Select(kv => kv.Key).ToArray();
            if (unpinned.Length > 0)
            {
                warnings.Add($"The bootstrap cannot pin {string.Join(", ", unpinned)}: the refits spread beyond what a number holds, so the standard "
                    + $"error{(unpinned.Length > 1 ? "s are" : " is")} infinite (written as null in JSON) and only the percentile interval is shown. "
                    + "The runs do not determine the law's scale; more sizes per budget, or more budgets, would.");
            }
        }

        return warnings;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
