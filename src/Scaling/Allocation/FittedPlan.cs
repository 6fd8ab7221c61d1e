using Scaling.Fitting.Bootstrap;
using Scaling.Laws;

namespace Scaling.Allocation;

/// <summary>
/// The plan a fit gives at a budget, and which N* it rests on: the one place that decides it, so that <c>scaling fit</c>,
/// <c>scaling plan --law fit.json</c>, the report's page, workbook and figures give the same N*.
/// </summary>
/// <remarks>
/// <para>A fit that carries a calibrated forecast of N* (<see cref="FittedLaw.Extrapolation"/>) plans with it
/// (<see cref="ForecastPlan"/>): on published IsoFLOP studies the forecast carried N* beyond the runs with a 95% interval that
/// covered the held-out optima, where the fitted law's own optimum, whose bootstrap interval measures the runs' noise only,
/// did not (docs/extrapolation.md). Otherwise, and under caps on N or D (which only the law's solver honours), the law's own
/// optimum is the plan (<see cref="LawPlan"/>), with the reason there is no calibrated interval.</para>
/// <para>Both keep the law's own optimum (<see cref="LawOptimum"/>) and, for a fit with bootstrap refits, its run-bootstrap
/// intervals (<see cref="LawIntervals"/>), to be shown second and named for what they are.</para>
/// <example><code>
/// var plan = FittedPlan.At(LawJson.ParseFitted(File.ReadAllText("fit.json"), "fit.json"), 3e21);
/// if (plan is ForecastPlan f) Console.WriteLine($"N* {f.Forecast.Parameters:G3} [{f.Forecast.ParametersLower:G3}, {f.Forecast.ParametersUpper:G3}]");
/// </code></example>
/// </remarks>
public abstract record FittedPlan
{
    private protected FittedPlan(ComputeOptimum optimum, ComputeOptimum lawOptimum, OptimumIntervals? lawIntervals)
    {
        Optimum = optimum;
        LawOptimum = lawOptimum;
        LawIntervals = lawIntervals;
    }

    /// <summary>The plan: N*, D* (and the law's loss there, a <see cref="LossOptimum"/>, when the law predicts loss).</summary>
    public ComputeOptimum Optimum { get; }

    /// <summary>The fitted law's own optimum at the budget (the same as <see cref="Optimum"/> for a <see cref="LawPlan"/>).</summary>
    public ComputeOptimum LawOptimum { get; }

    /// <summary>The percentile intervals of the law's own optimum over its bootstrap refits (run noise only), or null without refits.</summary>
    public OptimumIntervals? LawIntervals { get; }

    /// <summary>The budget C in FLOPs.</summary>
    public double Flops => Optimum.Flops;

    /// <summary>The plan of <paramref name="fitted"/> at <paramref name="flops"/> (see the remarks on <see cref="FittedPlan"/>).</summary>
    /// <param name="fitted">The law with what its fit carries: refits, the calibrated forecast, or why there is none.</param>
    /// <param name="flops">The budget C in FLOPs.</param>
    /// <param name="limits">Caps on N or D (a loss law only); under caps the law's solver plans.</param>
    /// <exception cref="InfeasiblePlanException">The plan has under one parameter or token, or the caps cannot absorb the budget.</exception>
    /// <exception cref="UnusableRunsException">A bootstrap refit has no finite optimum at the budget.</exception>
    public static FittedPlan At(FittedLaw fitted, double flops, AllocationLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        Require.PositiveFinite(flops, nameof(flops));
        if (limits is { MaxParameters: not null } or { MaxTokens: not null })
        {
            // Only a loss law can trade N against D under a cap; the CLI refuses caps with an allocation rule before it plans.
            var parametric = fitted.Law as ParametricLaw
                ?? throw new ArgumentException($"caps on N or D need a law that predicts loss; '{fitted.Law.Name}' is an allocation rule.", nameof(limits));
            return new LawPlan(parametric.Plan(flops, limits), null, CappedReason);
        }

        var law = fitted.Law.Plan(flops);
        if (fitted.Extrapolation is { } extrapolation)
        {
            var optimum = ForecastAllocatorOf(fitted.Law, extrapolation).Optimum(flops).Plannable();
            return new ForecastPlan(optimum, law, LawIntervalsOrNull(fitted, flops), extrapolation.At(flops), extrapolation.Forecast.Method);
        }

        return new LawPlan(law, OptimumIntervals.At(fitted, flops), fitted.NoForecast);
    }

    /// <summary>
    /// What plans with <paramref name="fitted"/> at any budget: its calibrated forecast when it carries one (with the law's
    /// loss when the law predicts loss), else the law's own allocator.
    /// </summary>
    public static IComputeAllocator Allocator(FittedLaw fitted)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        return fitted.Extrapolation is { } extrapolation ? ForecastAllocatorOf(fitted.Law, extrapolation) : fitted.Law.Allocator();
    }

    /// <summary>Why a capped plan has no calibrated interval.</summary>
    public const string CappedReason = "under a cap on N or D the plan follows the law's capped solver; the calibrated forecast of N* has no capped form.";

    // Beside a forecast the law's interval is secondary: refits without a finite optimum leave it out rather than stop the plan.
    private static OptimumIntervals? LawIntervalsOrNull(FittedLaw fitted, double flops)
    {
        try
        {
            return OptimumIntervals.At(fitted, flops);
        }
        catch (UnusableRunsException)
        {
            return null;
        }
    }

    private static Fitting.Extrapolation.ForecastAllocator ForecastAllocatorOf(ScalingLaw law, Fitting.Extrapolation.CalibratedExtrapolation extrapolation) =>
        Fitting.Extrapolation.ForecastAllocator.Create(extrapolation, (law as ParametricLaw)?.LossLaw);
}
