namespace Scaling.Resources;

/// <summary>How many accelerators a job needs, by memory or by deadline.</summary>
public static class GpuCount
{
    // Ceilings of ratios such as 4.2e12 / 30e9 = 140.00000000000003 must not round up to 141.
    private const double Slack = 1e-9;

    /// <summary>
    /// The fewest accelerators whose usable memory holds <paramref name="bytes"/>:
    /// <c>⌈bytes / (memory × usable fraction)⌉</c>. Example: 1.12 TB (70B × 16 B, EleutherAI "Transformer Math 101") on 80 GB at fraction 1 → 14.
    /// </summary>
    public static double ToHold(double bytes, double memoryBytesPerGpu, double usableFraction)
    {
        Require.NonNegativeFinite(bytes, nameof(bytes));
        Require.PositiveFinite(memoryBytesPerGpu, nameof(memoryBytesPerGpu));
        Require.Fraction(usableFraction, nameof(usableFraction));
        return Math.Max(1, CeilingWithSlack(bytes / (memoryBytesPerGpu * usableFraction)));
    }

    /// <summary>The fewest accelerators that do <paramref name="gpuHours"/> within <paramref name="days"/>: <c>⌈hours / (24 × days)⌉</c>.</summary>
    public static double ToFinishWithin(double gpuHours, double days)
    {
        Require.NonNegativeFinite(gpuHours, nameof(gpuHours));
        Require.PositiveFinite(days, nameof(days));
        return Math.Max(1, CeilingWithSlack(gpuHours / (24 * days)));
    }

    /// <summary>
    /// <paramref name="gpus"/> rounded up to a count a cluster is built from: whole nodes of
    /// <paramref name="gpusPerNode"/>, and below one node the next power of two (the sizes tensor parallelism splits
    /// a node into). Examples with 8 per node: 1 → 1, 3 → 4, 17 → 24, 188 → 192.
    /// </summary>
    public static double ToWholeNodes(double gpus, int gpusPerNode)
    {
        Require.PositiveFinite(gpus, nameof(gpus));
        ArgumentOutOfRangeException.ThrowIfLessThan(gpusPerNode, 1);
        double whole = Math.Ceiling(gpus);
        if (whole >= gpusPerNode)
        {
            return Math.Ceiling(whole / gpusPerNode) * gpusPerNode;
        }

        double power = Math.Pow(2, Math.Ceiling(Math.Log2(whole)));
        return Math.Min(power, gpusPerNode);
    }

    private static double CeilingWithSlack(double ratio) => Math.Ceiling(ratio * (1 - Slack));
}
