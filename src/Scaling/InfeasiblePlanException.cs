namespace Scaling;

/// <summary>
/// No sensible plan exists for the request: the model would have under one parameter or the data under one token,
/// a number would overflow, a target loss is unreachable, or caps cannot absorb the budget.
/// </summary>
/// <example><code>
/// ComputeOptimalFrontier.Create(law).Optimum(1e-300); // throws: parameters 4.1E-151 is below 1
/// </code></example>
public sealed class InfeasiblePlanException : ScalingException
{
    /// <summary>Creates the exception; <paramref name="quantity"/> names the input or result at fault.</summary>
    public InfeasiblePlanException(string quantity, double value, string limit, string message)
        : base(quantity, value, limit, message)
    {
    }

    /// <summary>The plan's <paramref name="quantity"/> came out as <paramref name="value"/>, outside <paramref name="limit"/>.</summary>
    internal static InfeasiblePlanException Result(string quantity, double value, string limit, double flops) =>
        new(quantity, value, limit, $"a budget of {Show(flops)} FLOPs gives {quantity} = {Show(value)}, but a plan needs {quantity} {limit}; choose a budget in a realistic range (e.g. 1e18 to 1e30 FLOPs).");
}
