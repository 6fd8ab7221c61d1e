namespace Scaling.Architecture;

/// <summary>
/// Model FLOPs utilisation from a measured throughput (Chowdhery et al. 2022, PaLM, Appendix B): the model FLOPs the
/// measured tokens per second need, per accelerator, over its peak — recomputation not counted, so MFU compares
/// runs whatever they rematerialise. <see cref="HardwareFlopsUtilization"/> counts the recomputed FLOPs too.
/// </summary>
/// <remarks>
/// PaLM 540B (PaLM conventions, L 118, H 48, Q 256, T 2,048): 238.3k tokens/s on 6,144 TPU v4 of 275 TFLOP/s with
/// <c>6·N + 12·L·H·Q·T</c> FLOPs per token → 46.2%.
/// <example><code>
/// var palm = TransformerShape.Create(118, 18432, 48, kvHeads: 1, headSize: 256, ffnSize: 73728, vocabulary: 256000, ParameterConventions.Palm);
/// FlopsUtilization.FromTokens(palm, 2048, 238.3e3, 6144, 275e12).ModelFlopsUtilization; // 0.462
/// </code></example>
/// </remarks>
public sealed record FlopsUtilization
{
    private FlopsUtilization(TransformerShape shape, int contextTokens, double flopsPerToken, double tokensPerSecond, int gpus, double peakFlopsPerSecond, FlopsCounting counting)
    {
        Shape = shape;
        ContextTokens = contextTokens;
        FlopsPerToken = flopsPerToken;
        TokensPerSecond = tokensPerSecond;
        Gpus = gpus;
        PeakFlopsPerSecond = peakFlopsPerSecond;
        Counting = counting;
    }

    /// <summary>The model measured.</summary>
    public TransformerShape Shape { get; }

    /// <summary>The training context (sequence length) of the measurement.</summary>
    public int ContextTokens { get; }

    /// <summary>Model FLOPs per token under <see cref="Counting"/> (the active path of a mixture of experts).</summary>
    public double FlopsPerToken { get; }

    /// <summary>The measured throughput of the whole job.</summary>
    public double TokensPerSecond { get; }

    /// <summary>Accelerators of the job.</summary>
    public int Gpus { get; }

    /// <summary>The dense peak of one accelerator at the training precision.</summary>
    public double PeakFlopsPerSecond { get; }

    /// <summary>The FLOP count used.</summary>
    public FlopsCounting Counting { get; }

    /// <summary>Model FLOP/s each accelerator achieved: FLOPs per token × tokens per second / accelerators.</summary>
    public double AchievedFlopsPerSecondPerGpu => FlopsPerToken * TokensPerSecond / Gpus;

    /// <summary>MFU = achieved model FLOP/s per accelerator / peak.</summary>
    public double ModelFlopsUtilization => AchievedFlopsPerSecondPerGpu / PeakFlopsPerSecond;

    /// <summary>
    /// Hardware FLOPs utilisation (PaLM App. B): the model FLOPs plus those recomputed — with full recomputation one
    /// more forward pass of the layers (a third of their training FLOPs; Narayanan et al. 2021 Eq. 3 counts 4 passes),
    /// with selective recomputation the attention's logits, softmax and values once more (Korthikanti et al. 2022 §4.2).
    /// </summary>
    public double HardwareFlopsUtilization(Recomputation recomputation)
    {
        double layersForward = TransformerFlops.HoffmannLayersForward(Shape, ContextTokens);
        double attentionForward = (double)Shape.Layers * ContextTokens * ((2.0 * Shape.AttentionWidth) + (3.0 * Shape.Heads) + (2.0 * Shape.Heads * Shape.ValueHeadSize));
        double extra = recomputation switch
        {
            Recomputation.Full => layersForward,
            Recomputation.Selective => attentionForward,
            _ => 0,
        };
        return (FlopsPerToken + extra) * TokensPerSecond / Gpus / PeakFlopsPerSecond;
    }

    /// <summary>The utilisation of <paramref name="tokensPerSecond"/> on <paramref name="gpus"/> accelerators of <paramref name="peakFlopsPerSecond"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A quantity is not finite and positive.</exception>
    public static FlopsUtilization FromTokens(
        TransformerShape shape, int contextTokens, double tokensPerSecond, int gpus, double peakFlopsPerSecond, FlopsCounting counting = FlopsCounting.Palm2022)
    {
        ArgumentNullException.ThrowIfNull(shape);
        Require.PositiveFinite(tokensPerSecond, nameof(tokensPerSecond));
        Require.PositiveFinite(peakFlopsPerSecond, nameof(peakFlopsPerSecond));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gpus);
        double flops = TransformerFlops.PerToken(shape, contextTokens, counting);
        return new FlopsUtilization(shape, contextTokens, flops, tokensPerSecond, gpus, peakFlopsPerSecond, counting);
    }
}
