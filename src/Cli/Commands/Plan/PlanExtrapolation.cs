using System.Globalization;
using Scaling.Allocation;
using Scaling.Cli.Commands.Fit;
using Scaling.Fitting.Bootstrap;
using Scaling.Fitting.Extrapolation;
using Scaling.Laws;
using Scaling.Text;

namespace Scaling.Cli.Commands.Plan;

/// <summary>
/// <c>scaling plan --law fit.json --flops C</c>: what the plan of a fit rests on (<see cref="FittedPlan"/>). With a
/// calibrated forecast of N* the plan takes N̂ and D̂ = C/(6N̂) from it, with the calibrated interval and how far C lies
/// beyond the fit's largest budget, and the law's own optimum second; without one, the law's bootstrap interval and why
/// there is no calibrated one.
/// </summary>
internal static class PlanExtrapolation
{
    /// <summary>The JSON part: <c>"extrapolation": {...}</c>.</summary>
    public sealed record Part(PlanExtrapolationOutput Extrapolation);

    /// <summary>The calibrated plan's interval, distance and warnings.</summary>
    public sealed record PlanExtrapolationOutput(
        string Method,
        bool Calibrated,
        double Level,
        EstimateRangeOutput Parameters,
        EstimateRangeOutput Tokens,
        double Decades,
        double LargestBudgetFlops,
        double BudgetRatio,
        double WidthRatio,
        IReadOnlyList<string> Warnings);

    public static Part From(ForecastPlan plan)
    {
        var at = plan.Forecast;
        return new(new PlanExtrapolationOutput(
            plan.Method.Name(),
            at.Calibrated,
            at.Level,
            new EstimateRangeOutput(at.Parameters, at.ParametersLower, at.ParametersUpper),
            new EstimateRangeOutput(at.Tokens, at.TokensLower, at.TokensUpper),
            at.Decades,
            at.LargestBudgetFlops,
            at.BudgetRatio,
            at.WidthRatio,
            at.Warnings));
    }

    /// <summary>The prose after the plan's own lines: the interval and what it rests on.</summary>
    public static string Prose(FittedLaw fitted, FittedPlan? plan)
    {
        switch (plan)
        {
            case ForecastPlan f:
            {
                var at = f.Forecast;
                string level = (at.Level * 100).ToString("0", CultureInfo.InvariantCulture);
                var lines = new List<string>
                {
                    $"  N* from the {f.Method.Name()} forecast in '{fitted.Law.Name}': {level}% interval "
                        + $"N* [{NumberText.Count(at.ParametersLower)}, {NumberText.Count(at.ParametersUpper)}], D* [{NumberText.Count(at.TokensLower)}, {NumberText.Count(at.TokensUpper)}], "
                        + $"tokens/parameter [{NumberText.Ratio(at.TokensPerParameterLower)}, {NumberText.Ratio(at.TokensPerParameterUpper)}] "
                        + (at.Calibrated ? "(calibrated on back-tests of published IsoFLOP studies)." : "(not calibrated: the method's block bootstrap)."),
                    "  " + at.Distance,
                };
                lines.AddRange(at.Warnings.Select(w => "  Warning: " + w));
                string own = f.LawIntervals is { } i
                    ? $" [{NumberText.Count(i.Parameters.Lower)}, {NumberText.Count(i.Parameters.Upper)}], an interval over the fit's bootstrap refits that measures the runs' noise only"
                    : string.Empty;
                lines.Add($"  The fitted law's own optimum, for comparison: {NumberText.Count(f.LawOptimum.Parameters)} parameters{own}; on published studies the forecast extrapolated better (docs/extrapolation.md).");
                return "\n" + string.Join('\n', lines);
            }

            case LawPlan l:
            {
                string text = l.LawIntervals is { } intervals ? Bootstrap(fitted, intervals) : string.Empty;
                return l.NoForecast is { } reason ? text + "\n  No calibrated interval: " + reason : text;
            }

            default:
                return string.Empty;
        }
    }

    private static string Bootstrap(FittedLaw law, OptimumIntervals intervals)
    {
        string level = (intervals.Parameters.Level * 100).ToString("0", CultureInfo.InvariantCulture);
        return $"\n  {level}% bootstrap intervals from the {law.Resamples.Count} refits in '{law.Law.Name}': "
            + $"N* [{NumberText.Count(intervals.Parameters.Lower)}, {NumberText.Count(intervals.Parameters.Upper)}], "
            + $"D* [{NumberText.Count(intervals.Tokens.Lower)}, {NumberText.Count(intervals.Tokens.Upper)}], "
            + $"tokens/parameter [{NumberText.Ratio(intervals.TokensPerParameter.Lower)}, {NumberText.Ratio(intervals.TokensPerParameter.Upper)}], "
            + $"loss [{NumberText.Loss(intervals.Loss.Lower)}, {NumberText.Loss(intervals.Loss.Upper)}].";
    }
}
