namespace Scaling;

/// <summary>
/// Training runs that cannot support the fit asked of them: too few runs, too few distinct budgets, no finite
/// objective from any start. <see cref="ScalingException.Quantity"/> says what is short (e.g. <c>runs</c>,
/// <c>budgets</c>), <see cref="ScalingException.Value"/> how many there are and <see cref="ScalingException.Limit"/>
/// how many are needed.
/// </summary>
/// <example><code>
/// ParametricFit.Fit(twoRuns); // throws: runs = 2, needs at least 5
/// </code></example>
public sealed class UnusableRunsException : ScalingException
{
    /// <summary>Creates the exception.</summary>
    public UnusableRunsException(string quantity, double value, string limit, string message)
        : base(quantity, value, limit, message)
    {
    }

    /// <summary>Runs that cannot support the fit, for the reason in <paramref name="message"/> (which says the fix).</summary>
    internal static UnusableRunsException Because(string message) =>
        new("runs", double.NaN, "enough runs of varied sizes and token counts", message);
}
