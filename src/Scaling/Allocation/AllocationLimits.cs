namespace Scaling.Allocation;

/// <summary>
/// Caps on an allocation: the model may not exceed <see cref="MaxParameters"/> (memory, latency) or the data
/// <see cref="MaxTokens"/> (what can be collected). Null means no cap.
/// </summary>
public sealed record AllocationLimits
{
    private AllocationLimits(double? maxParameters, double? maxTokens)
    {
        MaxParameters = maxParameters;
        MaxTokens = maxTokens;
    }

    /// <summary>No caps at all.</summary>
    public static AllocationLimits None { get; } = new(null, null);

    /// <summary>The largest model allowed, in parameters, or null.</summary>
    public double? MaxParameters { get; }

    /// <summary>The most training tokens allowed, or null.</summary>
    public double? MaxTokens { get; }

    /// <summary>Creates caps; each given cap must be finite and positive.</summary>
    public static AllocationLimits Create(double? maxParameters = null, double? maxTokens = null)
    {
        if (maxParameters is { } n)
        {
            Require.PositiveFinite(n, nameof(maxParameters));
        }

        if (maxTokens is { } d)
        {
            Require.PositiveFinite(d, nameof(maxTokens));
        }

        return new AllocationLimits(maxParameters, maxTokens);
    }
}
