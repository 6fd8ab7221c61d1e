namespace Scaling.Fitting.Bootstrap;

/// <summary>
/// Bootstrap intervals of the compute-optimal allocation at one budget: N*, D* and D*/N* at <see cref="Flops"/>.
/// </summary>
/// <param name="Flops">The budget C in FLOPs.</param>
/// <param name="Parameters">N* = k_N·C^a, in parameters.</param>
/// <param name="Tokens">D* = C/(6·N*), in tokens.</param>
/// <param name="TokensPerParameter">D*/N*.</param>
public sealed record AllocationIntervals(double Flops, Interval Parameters, Interval Tokens, Interval TokensPerParameter);
