namespace Scaling.Architecture;

/// <summary>
/// Activation bytes per transformer layer for one micro-batch, from Korthikanti et al. 2022 ("Reducing Activation
/// Recomputation in Large Transformer Models", arXiv 2205.05198), Table 2, with s the sequence, b the micro-batch,
/// h = d_model, a the heads and t the tensor-parallel size (16-bit activations, 1-byte dropout masks):
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>no parallelism: <c>s·b·h·(34 + 5·a·s/h)</c></item>
/// <item>tensor parallel: <c>s·b·h·(10 + 24/t + 5·a·s/(h·t))</c>; with sequence parallelism all of it ÷ t</item>
/// <item>selective recomputation (with tensor and sequence parallelism): <c>34·s·b·h/t</c></item>
/// <item>full recomputation: <c>2·s·b·h</c> (each layer's input)</item>
/// </list>
/// The table assumes a GPT block (4·h feed-forward, multi-head attention, dropout). A SwiGLU or grouped-query layer
/// stores somewhat different tensors; pipeline-parallel in-flight micro-batches, the embedding and the logits
/// (s·b·V in fp32 for the loss) come on top.
/// <example><code>
/// ActivationMemory.BytesPerLayer(shape, sequence: 2048, microBatch: 1, Recomputation.None); // 2048·h·(34 + 5·a·2048/h)
/// </code></example>
/// </remarks>
public static class ActivationMemory
{
    /// <summary>Activation bytes one layer stores for a micro-batch, under the recomputation and parallelism given.</summary>
    public static double BytesPerLayer(
        TransformerShape shape, int sequence, int microBatch, Recomputation recomputation, int tensorParallel = 1, bool sequenceParallel = false)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(microBatch);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tensorParallel);
        double s = sequence, b = microBatch, h = shape.DModel, a = shape.Heads, t = tensorParallel;
        double sbh = s * b * h;
        return recomputation switch
        {
            Recomputation.Full => 2 * sbh,
            Recomputation.Selective => sequenceParallel ? 34 * sbh / t : sbh * (10 + (24 / t)),
            _ when t == 1 => sbh * (34 + (5 * a * s / h)),
            _ when sequenceParallel => sbh * (34 + (5 * a * s / h)) / t,
            _ => sbh * (10 + (24 / t) + (5 * a * s / (h * t))),
        };
    }

    /// <summary>All layers: <see cref="BytesPerLayer"/> × layers.</summary>
    public static double Bytes(TransformerShape shape, int sequence, int microBatch, Recomputation recomputation, int tensorParallel = 1, bool sequenceParallel = false) =>
        shape.Layers * BytesPerLayer(shape, sequence, microBatch, recomputation, tensorParallel, sequenceParallel);
}
