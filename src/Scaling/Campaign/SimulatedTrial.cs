namespace Scaling.Campaign;

/// <summary>
/// What one simulated campaign gave: the fitted N* at the target, the interval its own bootstrap would have reported,
/// and the predicted optimal loss there. NaN where the fit failed or the quantity is not estimated.
/// </summary>
/// <param name="Parameters">N* at the target from the trial's fit.</param>
/// <param name="Lower">Lower end of the trial's bootstrap interval of N* (NaN without resamples).</param>
/// <param name="Upper">Upper end of the trial's bootstrap interval of N* (NaN without resamples).</param>
/// <param name="Loss">The fitted law's optimal loss at the target (NaN for an allocation rule).</param>
public sealed record SimulatedTrial(double Parameters, double Lower, double Upper, double Loss)
{
    /// <summary>The trial for a failed fit.</summary>
    public static SimulatedTrial Failed { get; } = new(double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>True when the fit succeeded.</summary>
    public bool Succeeded => double.IsFinite(Parameters);

    /// <summary>True when the trial's interval contains <paramref name="parameters"/>.</summary>
    public bool Covers(double parameters) => Lower <= parameters && parameters <= Upper;

    /// <summary>The trial with its sizes (estimate and interval) multiplied by <paramref name="factor"/>.</summary>
    public SimulatedTrial Scaled(double factor) => factor == 1 ? this : this with { Parameters = Parameters * factor, Lower = Lower * factor, Upper = Upper * factor };
}
