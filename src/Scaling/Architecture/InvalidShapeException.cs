namespace Scaling.Architecture;

/// <summary>
/// A transformer shape or model configuration that cannot describe a model: heads that do not divide among the
/// key/value heads, a config.json without the keys a family needs or with an architecture the count does not cover
/// (mixture of experts, latent attention). <see cref="ScalingException.Quantity"/> names the field in the user's
/// vocabulary (<c>kvHeads</c>, <c>num_key_value_heads</c>), <see cref="ScalingException.Value"/> the offending number
/// (NaN when none).
/// </summary>
/// <example><code>
/// TransformerShape.Create(layers: 32, dModel: 4096, heads: 32, kvHeads: 5); // throws: 32 heads do not split into 5 groups
/// </code></example>
public sealed class InvalidShapeException : ScalingException
{
    /// <summary>Creates the exception; <paramref name="message"/> says what is wrong and how to fix it.</summary>
    public InvalidShapeException(string quantity, double value, string message, string limit = "a shape a transformer can have")
        : base(quantity, value, limit, message)
    {
    }
}
