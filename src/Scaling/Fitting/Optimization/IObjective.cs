namespace Scaling.Fitting.Optimization;

/// <summary>
/// A smooth function of a parameter vector that <see cref="Lbfgs"/> minimises: its value and gradient at a point.
/// </summary>
/// <remarks>
/// Two implementations: <see cref="ReferenceObjective"/> states the Approach 3 objective plainly, one run at a time;
/// <see cref="HuberLogLossObjective"/> computes the same function with SIMD kernels for the fit, and the tests hold it
/// to the reference.
/// </remarks>
internal interface IObjective
{
    /// <summary>The length of the parameter vector.</summary>
    int Dimension { get; }

    /// <summary>f(θ), with ∇f(θ) written to <paramref name="gradient"/>; +∞ where f overflows.</summary>
    double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient);

    /// <summary>
    /// A cheaper, less accurate f(θ) and ∇f(θ) for the optimiser's coarse phase, while the gradient is large; never for a
    /// convergence decision. By default the exact <see cref="Evaluate"/>.
    /// </summary>
    double EvaluateCoarse(ReadOnlySpan<double> theta, Span<double> gradient) => Evaluate(theta, gradient);
}
