namespace Scaling.Allocation;

/// <summary>
/// A point on (or, under caps, near) the compute-optimal frontier: how to spend <see cref="Flops"/> on
/// <see cref="Parameters"/> and <see cref="Tokens"/>.
/// </summary>
/// <param name="Flops">The training compute C in FLOPs, with C = k·N·D.</param>
/// <param name="Parameters">The model size N in parameters.</param>
/// <param name="Tokens">The training tokens D.</param>
/// <param name="Loss">The predicted loss in nats per token, or null when the law predicts no loss (allocation rules).</param>
/// <param name="ExponentA">The local allocation exponent a = d ln N* / d ln C.</param>
/// <param name="ExponentB">The local allocation exponent b = d ln D* / d ln C; a + b = 1.</param>
public sealed record ComputeOptimum(
    double Flops,
    double Parameters,
    double Tokens,
    double? Loss,
    double ExponentA,
    double ExponentB)
{
    /// <summary>Training tokens per parameter, D / N (≈ 20 for the Besiroglu refit).</summary>
    public double TokensPerParameter => Tokens / Parameters;
}
