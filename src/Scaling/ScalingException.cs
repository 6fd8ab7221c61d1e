namespace Scaling;

/// <summary>
/// A request the science cannot honour: a plan, law, set of runs or file that is well-typed but unusable. Carries
/// what was wrong (<see cref="Quantity"/>), the offending <see cref="Value"/> and the <see cref="Limit"/> it broke, so
/// an edge (the CLI, a notebook) can name the input the user gave without parsing the message.
/// </summary>
/// <remarks>
/// API misuse (a null argument, a negative size passed by code) stays an <see cref="ArgumentException"/>; this
/// hierarchy is for "the input cannot support this". The five cases are <see cref="InfeasiblePlanException"/>,
/// <see cref="InvalidLawException"/>, <see cref="UnusableRunsException"/>, <see cref="UnreadableFileException"/> and
/// <see cref="Architecture.InvalidShapeException"/>.
/// <example><code>
/// try { frontier.Optimum(1e-300); }
/// catch (InfeasiblePlanException e) { Console.WriteLine($"{e.Quantity} = {e.Value}: {e.Limit}"); } // parameters = 4.1E-151: at least 1
/// </code></example>
/// </remarks>
public abstract class ScalingException : Exception
{
    private protected ScalingException(string quantity, double value, string limit, string message, Exception? inner = null)
        : base(message, inner)
    {
        Quantity = quantity;
        Value = value;
        Limit = limit;
    }

    /// <summary>The quantity at fault in the core's vocabulary, e.g. <c>flops</c>, <c>parameters</c>, <c>alpha</c>, <c>runs</c>.</summary>
    public string Quantity { get; }

    /// <summary>The offending value, or NaN when the fault is not a single number (a missing column, a duplicate key).</summary>
    public double Value { get; }

    /// <summary>The bound or rule that was broken, in words, e.g. <c>at least 1</c>.</summary>
    public string Limit { get; }
}
