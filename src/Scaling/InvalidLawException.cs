namespace Scaling;

/// <summary>
/// A law whose coefficients are each valid but that cannot be planned with: its compute-optimal frontier degenerates
/// (G = (αA/(βB))^(1/(α+β)) is 0 or infinite, an exponent underflows), or a rule's exponent leaves (0, 1).
/// </summary>
/// <example><code>
/// ComputeOptimalFrontier.Create(LossLaw.Create(1.69, 406.4, 410.7, alpha: 1e-300, beta: 0.28)); // throws: G = 0
/// </code></example>
public sealed class InvalidLawException : ScalingException
{
    /// <summary>Creates the exception; <paramref name="quantity"/> names the coefficient or derived constant at fault.</summary>
    public InvalidLawException(string quantity, double value, string limit, string message)
        : base(quantity, value, limit, message)
    {
    }
}
