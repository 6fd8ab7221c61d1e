namespace Scaling.Laws;

/// <summary>
/// A law together with its bootstrap refits (as <c>scaling fit --out</c> writes them): the refits are a fit
/// result, not part of the law, so they travel beside it. A plan draws intervals from them
/// (<c>Scaling.Fitting.Bootstrap.OptimumIntervals</c>).
/// </summary>
/// <example><code>
/// var fitted = FittedLaw.Create(ScalingLaw.Parametric("my fit", fit.Law, "runs.csv", "Approach 3"), boot.ResampledLaws());
/// var intervals = OptimumIntervals.At(fitted, 1e24);
/// </code></example>
public sealed record FittedLaw
{
    private FittedLaw(ScalingLaw law, IReadOnlyList<LossLaw> resamples)
    {
        Law = law;
        Resamples = resamples;
    }

    /// <summary>The law the plan uses.</summary>
    public ScalingLaw Law { get; }

    /// <summary>The law refitted to bootstrap resamples of its runs; empty for presets and allocation rules.</summary>
    public IReadOnlyList<LossLaw> Resamples { get; }

    /// <summary>
    /// The calibrated forecast of N* the fit carries (<c>scaling fit --out</c>), from which a plan at any budget takes its
    /// N* interval and distance from the runs; null for presets and older fit files.
    /// </summary>
    public Fitting.Extrapolation.CalibratedExtrapolation? Extrapolation { get; init; }

    /// <summary>
    /// Why a fit carries no <see cref="Extrapolation"/> (its runs form too few IsoFLOP budgets, in words), so that a plan
    /// can say why it has no calibrated interval; null for presets and when there is one.
    /// </summary>
    public string? NoForecast { get; init; }

    /// <summary>A law without refits.</summary>
    public static FittedLaw Without(ScalingLaw law)
    {
        ArgumentNullException.ThrowIfNull(law);
        return new FittedLaw(law, []);
    }

    /// <summary>A parametric law with its bootstrap refits.</summary>
    public static FittedLaw Create(ParametricLaw law, IEnumerable<LossLaw> resamples)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(resamples);
        return new FittedLaw(law, resamples.ToArray());
    }
}
