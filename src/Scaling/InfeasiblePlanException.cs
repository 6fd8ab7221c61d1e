using Scaling.Text;

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

    /// <summary>A model of <paramref name="parameters"/> is compute-optimal only at a budget a double cannot hold.</summary>
    internal static InfeasiblePlanException ForSize(double parameters, double flops) =>
        new("flops", flops, "finite and greater than 0", $"a model of {NumberText.Value(parameters)} parameters is compute-optimal at {NumberText.Value(flops)} FLOPs, outside what a double can plan; give a size in a realistic range (e.g. 1e6 to 1e15 parameters).");

    /// <summary>The plan's <paramref name="quantity"/> came out as <paramref name="value"/>, outside <paramref name="limit"/>.</summary>
    internal static InfeasiblePlanException Result(string quantity, double value, string limit, double flops) =>
        new(quantity, value, limit, $"a budget of {NumberText.Value(flops)} FLOPs gives {quantity} = {NumberText.Value(value)}, but a plan needs {quantity} {limit}; choose a budget in a realistic range (e.g. 1e18 to 1e30 FLOPs).");
}
