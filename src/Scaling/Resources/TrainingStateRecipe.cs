using System.Globalization;
using Scaling.Hardware;

namespace Scaling.Resources;

/// <summary>
/// How many bytes per parameter the training state (weights, gradients, optimiser state) takes — either a fixed count
/// (16 for mixed-precision AdamW) or a multiple of the weight bytes at the training precision (the seed article's
/// precision table). Activations are never included: they depend on batch, sequence length and checkpointing.
/// </summary>
/// <example><code>
/// TrainingStateRecipe.MixedPrecisionAdamW.BytesPerParameter(Precision.Bf16); // 16
/// TrainingStateRecipe.SeedPrecisionTable.BytesPerParameter(Precision.Fp32);  // 80 (80 GB per 1B parameters)
/// </code></example>
public sealed record TrainingStateRecipe
{
    private TrainingStateRecipe(string name, string description, double? fixedBytes, double? weightMultiple)
    {
        Name = name;
        Description = description;
        FixedBytesPerParameter = fixedBytes;
        WeightBytesMultiple = weightMultiple;
    }

    /// <summary>
    /// Mixed-precision AdamW, 16 bytes per parameter: bf16 weights 2 + bf16 gradients 2 + fp32 master weights 4 +
    /// Adam moments 4 + 4 (EleutherAI, "Transformer Math 101", 2023). The default.
    /// </summary>
    public static TrainingStateRecipe MixedPrecisionAdamW { get; } =
        new("adamw16", "mixed-precision AdamW: bf16 weights and gradients, fp32 master weights and moments", 16, null);

    /// <summary>
    /// 16-bit weights and gradients with 32-bit Adam moments and no fp32 master copy, 12 bytes per parameter
    /// (2 + 2 + 4 + 4): the 16-bit fine-tuning Dettmers et al. 2023 ("QLoRA", arXiv 2305.14314, §1) compare against,
    /// where LLaMA 65B needs more than 780 GB, and the state of QLoRA's BF16 adapters under its 32-bit paged AdamW.
    /// </summary>
    public static TrainingStateRecipe SixteenBitAdamW { get; } =
        new("adamw12", "16-bit weights and gradients, fp32 Adam moments, no master copy", 12, null);

    /// <summary>Mixed-precision AdamW with fp32 gradients, 18 bytes per parameter (EleutherAI, "Transformer Math 101"; Megatron-LM distributed optimizer guide, bf16 parameters with fp32 gradients).</summary>
    public static TrainingStateRecipe MixedPrecisionAdamWFp32Gradients { get; } =
        new("adamw18", "mixed-precision AdamW with fp32 gradients", 18, null);

    /// <summary>
    /// Mixed-precision AdamW with fp16 parameters and gradients plus fp32 master copies and a fp32 gradient buffer,
    /// 20 bytes per parameter (Megatron-LM distributed optimizer guide, non-distributed optimizer, fp16/fp16 row).
    /// </summary>
    public static TrainingStateRecipe MixedPrecisionAdamWGradientBuffer { get; } =
        new("adamw20", "mixed-precision AdamW with an fp32 gradient buffer (Megatron-LM, no distributed optimizer)", 20, null);

    /// <summary>24 bytes per parameter, the assumption of the seed article's GPT-3.5 example (175B × 24 B = 4.2 TB; article "KI-Effizienztechniken", GPT-3.5 worked example).</summary>
    public static TrainingStateRecipe Seed24 { get; } =
        new("seed24", "the seed article's GPT-3.5 assumption", 24, null);

    /// <summary>
    /// The seed article's precision table: training takes 20× the weight bytes — 80 GB per 1B parameters in FP32,
    /// 40 GB in FP16/BF16, 20 GB in INT8 (article "KI-Effizienztechniken", precision table).
    /// </summary>
    public static TrainingStateRecipe SeedPrecisionTable { get; } =
        new("seed-table", "the seed article's table: 20× the weight bytes at the training precision", null, 20);

    /// <summary>The named recipes.</summary>
    public static IReadOnlyList<TrainingStateRecipe> All { get; } =
        [MixedPrecisionAdamW, SixteenBitAdamW, MixedPrecisionAdamWFp32Gradients, MixedPrecisionAdamWGradientBuffer, Seed24, SeedPrecisionTable];

    /// <summary>The name users type, e.g. <c>adamw16</c>, or the number for a custom recipe.</summary>
    public string Name { get; }

    /// <summary>What the bytes are made of.</summary>
    public string Description { get; }

    /// <summary>The fixed bytes per parameter, or null when the recipe scales with the precision.</summary>
    public double? FixedBytesPerParameter { get; }

    /// <summary>The multiple of the weight bytes, or null for a fixed recipe.</summary>
    public double? WeightBytesMultiple { get; }

    /// <summary>A custom fixed recipe of <paramref name="bytesPerParameter"/> (finite, &gt; 0).</summary>
    public static TrainingStateRecipe Fixed(double bytesPerParameter)
    {
        Require.PositiveFinite(bytesPerParameter, nameof(bytesPerParameter));
        var named = All.FirstOrDefault(r => r.FixedBytesPerParameter == bytesPerParameter);
        return named ?? new TrainingStateRecipe(
            bytesPerParameter.ToString("R", CultureInfo.InvariantCulture),
            "given by the user",
            bytesPerParameter,
            null);
    }

    /// <summary>The named recipe (case-insensitive), or null.</summary>
    public static TrainingStateRecipe? Find(string name) =>
        All.FirstOrDefault(r => string.Equals(r.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Bytes per parameter of the training state when training at <paramref name="precision"/>.</summary>
    public double BytesPerParameter(Precision precision) =>
        FixedBytesPerParameter
            ?? (WeightBytesMultiple is { } multiple
                ? multiple * Precisions.BytesPerParameter(precision)
                : throw new System.Diagnostics.UnreachableException("a recipe has fixed bytes or a multiple of the weight bytes."));
}
