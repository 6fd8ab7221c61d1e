namespace Scaling.Fitting.Extrapolation;

/// <summary>How N*(C) is estimated from runs and carried beyond them (<c>scaling fit --method</c>).</summary>
public enum ExtrapolationMethod
{
    /// <summary>
    /// The default: ln N* quadratic in ln C through the IsoFLOP vertices, its slope and curvature drawn towards what
    /// published studies measured (empirical Bayes; <see cref="DriftEstimator"/>), so the exponent may drift with scale.
    /// </summary>
    Drift,

    /// <summary>Approach 2 of Hoffmann et al. 2022 (§3.2): a power law N* = k·C^a through the IsoFLOP vertices (<see cref="Approach2Estimator"/>).</summary>
    Approach2,

    /// <summary>
    /// The loss law L = E + A/N^α + B/D^β fitted by variable projection (Golub &amp; Pereyra 1973): E, A, B by non-negative
    /// least squares for each (α, β), searched in two dimensions (<see cref="VariableProjectionEstimator"/>).
    /// </summary>
    VariableProjection,

    /// <summary>Approach 3 of Hoffmann et al. 2022 (§3.3): the loss law by Huber regression on ln L from a grid of starts (<see cref="Approach3Estimator"/>).</summary>
    Approach3,
}

/// <summary>The names of the methods as <c>scaling fit --method</c> and fit files spell them.</summary>
public static class ExtrapolationMethodNames
{
    /// <summary>Every method with its name: drift, approach2, varpro, approach3.</summary>
    public static IReadOnlyList<(string Name, ExtrapolationMethod Method)> All { get; } =
    [
        ("drift", ExtrapolationMethod.Drift),
        ("approach2", ExtrapolationMethod.Approach2),
        ("varpro", ExtrapolationMethod.VariableProjection),
        ("approach3", ExtrapolationMethod.Approach3),
    ];

    /// <summary>The name of <paramref name="method"/>, e.g. <c>varpro</c>.</summary>
    public static string Name(this ExtrapolationMethod method) => All.First(m => m.Method == method).Name;

    /// <summary>The method named <paramref name="name"/> (ordinal, case-insensitive), or null.</summary>
    public static ExtrapolationMethod? Parse(string? name) =>
        All.Where(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)).Select(m => (ExtrapolationMethod?)m.Method).FirstOrDefault();
}
