namespace Scaling.FineTuning;

/// <summary>
/// How a pre-trained model is fine-tuned: every weight (<see cref="Full"/>), low-rank adapters on frozen 16-bit
/// weights (<see cref="Lora"/>, Hu et al. 2021), or adapters on frozen 4-bit weights (<see cref="QLora"/>, Dettmers
/// et al. 2023).
/// </summary>
public abstract record FineTuningMethod
{
    private protected FineTuningMethod()
    {
    }

    /// <summary>The name users type: full, lora or qlora.</summary>
    public abstract string Name { get; }

    /// <summary>Every parameter trains.</summary>
    public sealed record Full : FineTuningMethod
    {
        /// <inheritdoc/>
        public override string Name => "full";
    }

    /// <summary>The weights stay frozen in 16 bits; only the adapters train (Hu et al. 2021, arXiv 2106.09685).</summary>
    /// <param name="Adapters">Where the adapters sit and at which rank.</param>
    public sealed record Lora(LoraAdapters Adapters) : FineTuningMethod
    {
        /// <inheritdoc/>
        public override string Name => "lora";
    }

    /// <summary>
    /// The block's linear weights stay frozen in 4-bit NormalFloat with double quantisation; only the adapters train
    /// (Dettmers et al. 2023, "QLoRA", arXiv 2305.14314).
    /// </summary>
    /// <param name="Adapters">Where the adapters sit and at which rank (QLoRA: every linear layer).</param>
    public sealed record QLora(LoraAdapters Adapters) : FineTuningMethod
    {
        /// <inheritdoc/>
        public override string Name => "qlora";
    }
}
