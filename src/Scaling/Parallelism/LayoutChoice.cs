namespace Scaling.Parallelism;

/// <summary>A layout the search proposes and the per-GPU memory it needs.</summary>
/// <param name="Layout">The layout.</param>
/// <param name="Memory">Its per-GPU memory.</param>
/// <param name="UsableBytesPerGpu">The memory per GPU it had to fit in.</param>
public sealed record LayoutChoice(ParallelLayout Layout, LayoutMemory Memory, double UsableBytesPerGpu);
