namespace Scaling.Allocation;

/// <summary>
/// A compute optimum under a loss law, with the loss it predicts: L = E + A/N^α + B/D^β at the optimum's N and D
/// (Hoffmann et al. 2022, Eq. 2).
/// </summary>
/// <param name="Flops">The training compute C in FLOPs, with C = k·N·D.</param>
/// <param name="Parameters">The model size N in parameters.</param>
/// <param name="Tokens">The training tokens D.</param>
/// <param name="Loss">The predicted loss in nats per token.</param>
/// <param name="ExponentA">The local allocation exponent a = d ln N* / d ln C.</param>
/// <param name="ExponentB">The local allocation exponent b = d ln D* / d ln C; a + b = 1.</param>
/// <example><code>
/// var plan = LawPresets.Hoffmann2022.Frontier().Optimum(5.76e23); // plan.Loss ≈ 1.93
/// </code></example>
public sealed record LossOptimum(
    double Flops,
    double Parameters,
    double Tokens,
    double Loss,
    double ExponentA,
    double ExponentB) : ComputeOptimum(Flops, Parameters, Tokens, ExponentA, ExponentB)
{
    /// <inheritdoc cref="ComputeOptimum.Plannable"/>
    public override LossOptimum Plannable()
    {
        CheckPlannable();
        return this;
    }

    /// <summary>
    /// An optimum whose numbers are finite and positive, with the loss <paramref name="loss"/> computes at N and D;
    /// otherwise (overflow, underflow) <see cref="InfeasiblePlanException"/>.
    /// </summary>
    internal static LossOptimum Checked(double flops, double parameters, double tokens, Func<double, double, double> loss, double exponentA, double exponentB)
    {
        CheckUsable(flops, parameters, tokens);
        double value = loss(parameters, tokens);
        return double.IsFinite(value)
            ? new LossOptimum(flops, parameters, tokens, value, exponentA, exponentB)
            : throw InfeasiblePlanException.Result("loss", value, "finite", flops);
    }
}
