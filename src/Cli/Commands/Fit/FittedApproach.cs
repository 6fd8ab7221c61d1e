using Scaling.Fitting.Bootstrap;
using Scaling.Fitting.Extrapolation;
using Scaling.Laws;

namespace Scaling.Cli.Commands.Fit;

/// <summary>
/// One approach's fit as <c>scaling fit</c> carries it to the plan: its output and memo, the law it fitted (Approach 3's
/// loss law, or Approach 1's or 2's allocation rule), the loss law's bootstrap refits, and a rule's bootstrap.
/// </summary>
internal sealed record FittedApproach(FitOutput Report, string Memo, ScalingLaw Law, IReadOnlyList<LossLaw> Resamples, AllocationBootstrap? RuleBootstrap)
{
    /// <summary>Approach 3's warnings (<see cref="Scaling.Fitting.Approach3.FitWarnings"/>): the law does not describe the runs, and the like.</summary>
    public IReadOnlyList<string> LawWarnings { get; init; } = [];

    public static FittedApproach Rule(FitOutput report, string memo, Scaling.Laws.PowerLawAllocationRule rule, string source, AllocationBootstrap? bootstrap) =>
        new(report, memo, ScalingLaw.Allocation(source, rule, source, "fitted by scaling fit"), [], bootstrap);

    /// <summary>The fit with its calibrated forecast of N*, or the reason it has none, as a plan reads it.</summary>
    public FittedLaw With(FitForecast forecast) =>
        (Law is ParametricLaw parametric ? FittedLaw.Create(parametric, Resamples) : FittedLaw.Without(Law)) with
        {
            Extrapolation = forecast.Extrapolation,
            NoForecast = forecast.Skipped,
        };
}

/// <summary>The calibrated forecast of N* from the runs, or why the runs could not support one.</summary>
internal sealed record FitForecast(CalibratedExtrapolation? Extrapolation, string? Skipped);
