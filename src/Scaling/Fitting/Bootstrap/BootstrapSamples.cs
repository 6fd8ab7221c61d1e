namespace Scaling.Fitting.Bootstrap;

/// <summary>
/// The resampled estimates of an Approach 3 fit's quantities, one column per quantity in resample order, NaN where a
/// refit gave no valid law (α or β not positive): for histograms of, e.g., the exponent a.
/// </summary>
public sealed record BootstrapSamples(
    IReadOnlyList<double> E,
    IReadOnlyList<double> A,
    IReadOnlyList<double> B,
    IReadOnlyList<double> Alpha,
    IReadOnlyList<double> Beta,
    IReadOnlyList<double> ExponentA,
    IReadOnlyList<double> ExponentB)
{
    /// <summary>No resamples.</summary>
    public static BootstrapSamples None { get; } = new([], [], [], [], [], [], []);

    /// <summary>
    /// The refitted laws, one per resample whose refit gave a valid law (all five coefficients finite and positive), in
    /// resample order.
    /// </summary>
    public IReadOnlyList<Laws.LossLaw> Laws()
    {
        var laws = new List<Laws.LossLaw>(E.Count);
        for (int i = 0; i < E.Count; i++)
        {
            double[] coefficients = [E[i], A[i], B[i], Alpha[i], Beta[i]];
            if (coefficients.All(c => double.IsFinite(c) && c > 0))
            {
                laws.Add(Scaling.Laws.LossLaw.Create(E[i], A[i], B[i], Alpha[i], Beta[i]));
            }
        }

        return laws;
    }
}
