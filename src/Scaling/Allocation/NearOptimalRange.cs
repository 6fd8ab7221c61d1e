using MathNet.Numerics.RootFinding;

namespace Scaling.Allocation;

/// <summary>
/// The model sizes whose loss at a fixed budget stays within a fraction ε of the optimum: on the IsoFLOP curve
/// <c>L(N) = E + A/N^α + B/(C/(kN))^β</c>, the sizes N with <c>L(N) ≤ (1 + ε)·L*(C)</c>. The practical answer to
/// "which sizes may we pick": the curve is flat near N*, so a 0.5% loss allowance usually admits a wide range.
/// </summary>
/// <remarks>
/// In x = ln N the IsoFLOP loss is <c>E + A·e^(−αx) + B'·e^(βx)</c>, a sum of convex functions, so the set is one
/// interval [<see cref="LowerParameters"/>, <see cref="UpperParameters"/>] around N*; each end solves
/// <c>L(N) = (1 + ε)·L*</c> by bisection in ln N.
/// <example><code>
/// var frontier = LawPresets.Hoffmann2022.Frontier();
/// var range = NearOptimalRange.Create(frontier, 5.76e23, 0.005); // range.LowerParameters … range.UpperParameters
/// </code></example>
/// </remarks>
public sealed record NearOptimalRange
{
    private NearOptimalRange(LossOptimum optimum, double flopsPerParameterToken, double tolerance, double lowerParameters, double upperParameters)
    {
        Optimum = optimum;
        FlopsPerParameterToken = flopsPerParameterToken;
        Tolerance = tolerance;
        LowerParameters = lowerParameters;
        UpperParameters = upperParameters;
    }

    /// <summary>The compute-optimal plan at the budget (N*, D*, L*).</summary>
    public LossOptimum Optimum { get; }

    /// <summary>k in C = k·N·D.</summary>
    public double FlopsPerParameterToken { get; }

    /// <summary>The loss allowance ε, e.g. 0.005 for 0.5%.</summary>
    public double Tolerance { get; }

    /// <summary>The budget C in FLOPs.</summary>
    public double Flops => Optimum.Flops;

    /// <summary>The loss at both ends of the range: (1 + ε)·L*.</summary>
    public double LossLimit => (1 + Tolerance) * Optimum.Loss;

    /// <summary>The smallest model within the allowance (trained on more tokens than D*).</summary>
    public double LowerParameters { get; }

    /// <summary>The largest model within the allowance (trained on fewer tokens than D*).</summary>
    public double UpperParameters { get; }

    /// <summary>The tokens of the smallest model: C / (k·N_lower).</summary>
    public double LowerParametersTokens => Flops / (FlopsPerParameterToken * LowerParameters);

    /// <summary>The tokens of the largest model: C / (k·N_upper).</summary>
    public double UpperParametersTokens => Flops / (FlopsPerParameterToken * UpperParameters);

    /// <summary>The sizes within <paramref name="tolerance"/> of the optimal loss at <paramref name="flops"/>.</summary>
    /// <param name="frontier">The frontier of a loss law.</param>
    /// <param name="flops">The budget C in FLOPs.</param>
    /// <param name="tolerance">The loss allowance ε in (0, 1), e.g. 0.005 for 0.5%.</param>
    public static NearOptimalRange Create(ComputeOptimalFrontier frontier, double flops, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(frontier);
        Require.PositiveFinite(flops, nameof(flops));
        if (!(tolerance > 0 && tolerance < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "tolerance must lie in (0, 1), e.g. 0.005 for 0.5% above the optimal loss.");
        }

        var optimum = frontier.Optimum(flops);
        double limit = (1 + tolerance) * optimum.Loss;
        double centre = Math.Log(optimum.Parameters);
        double Excess(double logParameters) => frontier.At(flops, Math.Exp(logParameters)).Loss - limit;
        return new NearOptimalRange(
            optimum,
            frontier.FlopsPerParameterToken,
            tolerance,
            Math.Exp(Edge(Excess, centre, -1)),
            Math.Exp(Edge(Excess, centre, +1)));
    }

    /// <summary>
    /// This range about another plan at the same budget (a calibrated forecast's N̂, with its loss): the law's valley
    /// L(N) moved so that its minimum sits at <paramref name="plan"/>'s N and scaled to its loss, L_moved(N) =
    /// L(N·N*/N̂)·L̂/L*, as the robust plan moves it. The relative rise is the law's, so the ends are this range's times
    /// N̂/N* and the loss at them is (1 + ε)·L̂.
    /// </summary>
    public NearOptimalRange MovedTo(LossOptimum plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Flops != Flops)
        {
            throw new ArgumentException($"plan: the range is at {Flops:G3} FLOPs, the plan at {plan.Flops:G3}; move it only along its own budget.", nameof(plan));
        }

        double ratio = plan.Parameters / Optimum.Parameters;
        return new NearOptimalRange(plan, FlopsPerParameterToken, Tolerance, LowerParameters * ratio, UpperParameters * ratio);
    }

    // Walks from the optimum in doubling steps of ln N until the loss exceeds the limit, then bisects the last step
    // (MathNet's Bisection) until the bracket is 2e-12·ln N wide and |L − limit| ≤ 1e-12·ln N.
    private static double Edge(Func<double, double> excess, double centre, int direction)
    {
        double inside = centre;
        double step = 0.01;
        double outside = centre + (direction * step);
        while (excess(outside) <= 0)
        {
            inside = outside;
            step *= 2;
            outside = centre + (direction * step);
        }

        return Bisection.FindRoot(excess, inside, outside, accuracy: 1e-12 * Math.Max(1, Math.Abs(centre)), maxIterations: 200);
    }
}
