using System.Globalization;
using Scaling.Cli.Commands.Fit;
using Scaling.Cli.Shared;
using Scaling.Fitting.Extrapolation;
using Scaling.Laws;

namespace Scaling.Cli.Commands.Plan;

/// <summary>
/// <c>scaling plan --law fit.json --flops C</c> when the fit carries a calibrated forecast of N*
/// (<see cref="FittedLaw.Extrapolation"/>): the plan takes N̂ and D̂ = C/(6N̂) from it, with the calibrated interval and
/// how far C lies beyond the fit's largest budget; the law (when it predicts loss) gives the loss at that size.
/// </summary>
internal static class PlanExtrapolation
{
    /// <summary>The JSON part: <c>"extrapolation": {...}</c>.</summary>
    public sealed record Part(PlanExtrapolationOutput Extrapolation);

    /// <summary>The calibrated plan's interval, distance and warnings, and the law's own optimum for comparison.</summary>
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
        IReadOnlyList<string> Warnings)
    {
        /// <summary>The law's own compute-optimal N* at the budget (what a plan without the forecast would say).</summary>
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public double? LawParameters { get; init; }
    }

    public static Part From(CalibratedExtrapolation extrapolation, ExtrapolatedOptimum at, double? lawParameters) =>
        new(new PlanExtrapolationOutput(
            extrapolation.Forecast.Method.Name(),
            at.Calibrated,
            at.Level,
            new EstimateRangeOutput(at.Parameters, at.ParametersLower, at.ParametersUpper),
            new EstimateRangeOutput(at.Tokens, at.TokensLower, at.TokensUpper),
            at.Decades,
            at.LargestBudgetFlops,
            at.BudgetRatio,
            at.WidthRatio,
            at.Warnings)
        {
            LawParameters = lawParameters,
        });

    /// <summary>The prose after the plan's own lines.</summary>
    public static string Prose(FittedLaw fitted, ExtrapolatedOptimum at, double? lawParameters)
    {
        string level = (at.Level * 100).ToString("0", CultureInfo.InvariantCulture);
        var lines = new List<string>
        {
            $"  N* from the {fitted.Extrapolation!.Forecast.Method.Name()} forecast in '{fitted.Law.Name}': {level}% interval "
                + $"N* [{Humanize.Count(at.ParametersLower)}, {Humanize.Count(at.ParametersUpper)}], D* [{Humanize.Count(at.TokensLower)}, {Humanize.Count(at.TokensUpper)}] "
                + (at.Calibrated ? "(calibrated on back-tests of published IsoFLOP studies)." : "(not calibrated: the method's block bootstrap)."),
            "  " + FitExtrapolation.Distance(at),
        };
        if (lawParameters is { } own)
        {
            lines.Add($"  The fitted law's own optimum would be {Humanize.Count(own)} parameters; the forecast is what back-tested best on real studies.");
        }

        lines.AddRange(at.Warnings.Select(w => "  Warning: " + w));
        return "\n" + string.Join('\n', lines);
    }
}
