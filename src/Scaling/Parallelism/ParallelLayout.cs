using System.Globalization;
using Scaling.Architecture;
using Scaling.Text;

namespace Scaling.Parallelism;

/// <summary>
/// How a training job spreads over its accelerators (Narayanan et al. 2021, "Efficient Large-Scale Language Model
/// Training on GPU Clusters Using Megatron-LM", arXiv 2104.04473, PTD-P): <see cref="Tensor"/>-way tensor parallelism
/// inside each layer, <see cref="Pipeline"/> stages of consecutive layers, <see cref="Data"/> replicas, of which
/// <see cref="Expert"/> split a mixture's experts between them; sequence parallelism (Korthikanti et al. 2022) with the
/// tensor parallelism, ZeRO sharding of the model states over the replicas, activation recomputation and the
/// micro-batch in sequences. GPUs = tensor × pipeline × data.
/// </summary>
/// <example><code>
/// var layout = ParallelLayout.Create(tensor: 8, pipeline: 64, data: 6); // Narayanan et al. 2021, Table 1: 1T on 3,072 GPUs
/// </code></example>
public sealed record ParallelLayout
{
    private ParallelLayout(int tensor, int pipeline, int data, int expert, bool sequenceParallel, ZeroStage zero, Recomputation recompute, int microBatch)
    {
        Tensor = tensor;
        Pipeline = pipeline;
        Data = data;
        Expert = expert;
        SequenceParallel = sequenceParallel;
        Zero = zero;
        Recompute = recompute;
        MicroBatch = microBatch;
    }

    /// <summary>Tensor-parallel degree t (each layer's matrices split t ways, within a node).</summary>
    public int Tensor { get; }

    /// <summary>Pipeline-parallel degree p (stages of consecutive layers).</summary>
    public int Pipeline { get; }

    /// <summary>Data-parallel degree d (replicas).</summary>
    public int Data { get; }

    /// <summary>Expert-parallel degree: the replicas over which a mixture's experts are split (1 for a dense model).</summary>
    public int Expert { get; }

    /// <summary>Sequence parallelism with the tensor parallelism (Korthikanti et al. 2022 §4.2.2).</summary>
    public bool SequenceParallel { get; }

    /// <summary>The ZeRO stage over the data-parallel replicas.</summary>
    public ZeroStage Zero { get; }

    /// <summary>Which activations the backward pass recomputes.</summary>
    public Recomputation Recompute { get; }

    /// <summary>Sequences per micro-batch (b).</summary>
    public int MicroBatch { get; }

    /// <summary>Accelerators: tensor × pipeline × data.</summary>
    public long Gpus => (long)Tensor * Pipeline * Data;

    /// <summary>Builds a layout.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A degree or the micro-batch is not positive, or the expert degree does not divide the data degree.</exception>
    public static ParallelLayout Create(
        int tensor = 1, int pipeline = 1, int data = 1, int expert = 1, bool sequenceParallel = true, ZeroStage zero = ZeroStage.None,
        Recomputation recompute = Recomputation.Selective, int microBatch = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tensor);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pipeline);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expert);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(microBatch);
        if (data % expert != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(expert), expert, $"the expert degree must divide the data degree {data}.");
        }

        return new ParallelLayout(tensor, pipeline, data, expert, sequenceParallel && tensor > 1, zero, recompute, microBatch);
    }

    /// <summary>One line, e.g. <c>TP 8 × PP 64 × DP 6 (3,072 GPUs), ZeRO-1, selective recomputation</c>.</summary>
    public override string ToString()
    {
        var i = CultureInfo.InvariantCulture;
        string expert = Expert > 1 ? string.Format(i, ", EP {0}", Expert) : string.Empty;
        string sequence = SequenceParallel ? " + SP" : string.Empty;
        string recompute = Recompute switch
        {
            Recomputation.Full => "full recomputation",
            Recomputation.Selective => "selective recomputation",
            _ => "no recomputation",
        };
        return string.Format(i, "TP {0}{1} × PP {2} × DP {3}{4} ({5}), ZeRO-{6}, {7}, micro-batch {8}",
            Tensor, sequence, Pipeline, Data, expert, NumberText.Gpus(Gpus), (int)Zero, recompute, MicroBatch);
    }
}
