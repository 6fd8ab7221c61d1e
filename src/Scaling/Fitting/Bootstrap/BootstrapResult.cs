namespace Scaling.Fitting.Bootstrap;

/// <summary>
/// Bootstrap intervals of an Approach 3 fit, by quantity. Names: <c>E</c>, <c>A</c>, <c>B</c>, <c>alpha</c>,
/// <c>beta</c>, <c>exponentA</c>, <c>exponentB</c>, and with a budget <c>parameters</c>, <c>tokens</c>,
/// <c>tokensPerParameter</c> (N*, D* and D*/N* at <see cref="Flops"/>).
/// </summary>
public sealed record BootstrapResult
{
    /// <summary>How many resamples were drawn.</summary>
    public required int Resamples { get; init; }

    /// <summary>How many refits met the gradient tolerance (all finite refits enter the intervals).</summary>
    public required int Converged { get; init; }

    /// <summary>The seed.</summary>
    public required Seed Seed { get; init; }

    /// <summary>The budget of the plan intervals, or null.</summary>
    public required double? Flops { get; init; }

    /// <summary>The intervals in a stable order (coefficients, exponents, then the plan at <see cref="Flops"/>).</summary>
    public required IReadOnlyList<KeyValuePair<string, Interval>> Intervals { get; init; }

    /// <summary>
    /// The resampled estimates of the law's quantities (<c>E</c>, <c>A</c>, <c>B</c>, <c>alpha</c>, <c>beta</c>,
    /// <c>exponentA</c>, <c>exponentB</c>), in resample order, NaN where a refit gave no valid law: for histograms of,
    /// e.g., the exponent a. The plan's quantities come from <see cref="ResampledLaws"/>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> Samples { get; init; } = new Dictionary<string, IReadOnlyList<double>>();

    /// <summary>
    /// The refitted laws, one per resample whose refit gave a valid law (α, β > 0), in resample order: what
    /// <see cref="Laws.FittedLaw.Create"/> takes so that a plan at any budget can carry an interval.
    /// </summary>
    public IReadOnlyList<Laws.LossLaw> ResampledLaws() => LawsFrom(Samples);

    internal static IReadOnlyList<Laws.LossLaw> LawsFrom(IReadOnlyDictionary<string, IReadOnlyList<double>> samples)
    {
        if (!samples.TryGetValue("E", out var e))
        {
            return [];
        }

        var a = samples["A"];
        var b = samples["B"];
        var alpha = samples["alpha"];
        var beta = samples["beta"];
        var laws = new List<Laws.LossLaw>(e.Count);
        for (int i = 0; i < e.Count; i++)
        {
            double[] coefficients = [e[i], a[i], b[i], alpha[i], beta[i]];
            if (coefficients.All(c => double.IsFinite(c) && c > 0))
            {
                laws.Add(Laws.LossLaw.Create(e[i], a[i], b[i], alpha[i], beta[i]));
            }
        }

        return laws;
    }

    /// <summary>The interval of quantity <paramref name="name"/> (see the type's summary), or null.</summary>
    public Interval? this[string name] => Intervals.FirstOrDefault(p => p.Key == name).Value;
}
