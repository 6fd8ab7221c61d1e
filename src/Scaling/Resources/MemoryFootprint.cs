using Scaling.Hardware;

namespace Scaling.Resources;

/// <summary>
/// The memory a model of <see cref="Parameters"/> needs: weights per precision, inference (≈ 1.2 × weights) and the
/// training state of a <see cref="TrainingStateRecipe"/>. Activations are NOT included.
/// </summary>
/// <example><code>
/// var m = MemoryFootprint.Create(70e9, TrainingStateRecipe.MixedPrecisionAdamW, Precision.Bf16);
/// m.TrainingStateBytes;            // 1.12e12 (70B × 16 B; EleutherAI, "Transformer Math 101")
/// m.WeightsBytes(Precision.Int4);  // 3.5e10
/// </code></example>
public sealed record MemoryFootprint
{
    /// <summary>Inference memory ≈ 1.2 × the weights (EleutherAI, "Transformer Math 101", rule of thumb).</summary>
    public const double InferenceOverWeights = 1.2;

    private MemoryFootprint(double parameters, TrainingStateRecipe recipe, Precision trainingPrecision)
    {
        Parameters = parameters;
        Recipe = recipe;
        TrainingPrecision = trainingPrecision;
    }

    /// <summary>The model size N.</summary>
    public double Parameters { get; }

    /// <summary>The training-state recipe.</summary>
    public TrainingStateRecipe Recipe { get; }

    /// <summary>The precision training runs in (matters for precision-scaled recipes).</summary>
    public Precision TrainingPrecision { get; }

    /// <summary>Bytes per parameter of the training state.</summary>
    public double TrainingBytesPerParameter => Recipe.BytesPerParameter(TrainingPrecision);

    /// <summary>Weights, gradients and optimiser state in bytes: N × bytes per parameter. Activations excluded.</summary>
    public double TrainingStateBytes => Parameters * TrainingBytesPerParameter;

    /// <summary>Creates the footprint; <paramref name="parameters"/> must be finite and &gt; 0.</summary>
    public static MemoryFootprint Create(double parameters, TrainingStateRecipe recipe, Precision trainingPrecision)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        return new MemoryFootprint(Require.PositiveFinite(parameters, nameof(parameters)), recipe, trainingPrecision);
    }

    /// <summary>The weights alone at <paramref name="precision"/>: N × (4, 2, 1 or 0.5) bytes.</summary>
    public double WeightsBytes(Precision precision) => Parameters * Precisions.BytesPerParameter(precision);

    /// <summary>Serving memory at <paramref name="precision"/>: ≈ 1.2 × the weights, before the KV cache of long contexts.</summary>
    public double InferenceBytes(Precision precision) => InferenceOverWeights * WeightsBytes(precision);
}
