namespace Scaling.Allocation;

/// <summary>Anything that turns a FLOP budget into a model size and a token count.</summary>
public interface IComputeAllocator
{
    /// <summary>k in C = k·N·D.</summary>
    double FlopsPerParameterToken { get; }

    /// <summary>The allocation of <paramref name="flops"/> (finite, &gt; 0) to N and D with k·N·D = C.</summary>
    ComputeOptimum Optimum(double flops);

    /// <summary>The compute at which a model of <paramref name="parameters"/> is optimal, and its tokens.</summary>
    ComputeOptimum OptimumForParameters(double parameters);
}
