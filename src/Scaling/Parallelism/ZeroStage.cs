namespace Scaling.Parallelism;

/// <summary>
/// How far ZeRO (Rajbhandari et al. 2020, "ZeRO: Memory Optimizations Toward Training Trillion Parameter Models",
/// arXiv 1910.02054, §5.1 and Figure 1) shards the model states over the data-parallel replicas.
/// </summary>
public enum ZeroStage
{
    /// <summary>Stage 0: every replica holds every weight, gradient and optimiser state (plain data parallelism).</summary>
    None = 0,

    /// <summary>Stage 1, P_os: optimiser states sharded (Megatron-LM's distributed optimizer); same communication as data parallelism.</summary>
    OptimizerStates = 1,

    /// <summary>Stage 2, P_os+g: optimiser states and gradients sharded; same communication as data parallelism.</summary>
    Gradients = 2,

    /// <summary>Stage 3, P_os+g+p: parameters sharded too (FSDP); 1.5× the data-parallel communication (§7.2.2).</summary>
    Parameters = 3,
}
