namespace Scaling.Architecture;

/// <summary>
/// A transformer shape or model configuration that cannot describe a model: heads that do not divide among the
/// key/value heads, a size out of range, a config.json key missing or of the wrong type, an architecture the count does
/// not cover (mixture of experts, latent attention). <see cref="ScalingException.Quantity"/> names the field in the
/// caller's vocabulary — a shape's field (<c>kvHeads</c>) or, for a config, its key (<c>num_key_value_heads</c>, with
/// <see cref="File"/> set) — and <see cref="ScalingException.Value"/> the offending number (NaN when none).
/// </summary>
/// <example><code>
/// TransformerShape.Create(layers: 32, dModel: 4096, heads: 32, kvHeads: 5); // throws: kvHeads: 32 query heads do not split evenly into 5 …
/// </code></example>
public sealed class InvalidShapeException : ScalingException
{
    /// <summary>Creates the exception; <paramref name="problem"/> says what is wrong with the quantity and how to fix it.</summary>
    /// <param name="quantity">The field or config key at fault.</param>
    /// <param name="value">The offending number, or NaN.</param>
    /// <param name="problem">What is wrong and the fix, e.g. "must be a whole number greater than 0, got 0."</param>
    /// <param name="limit">The rule broken.</param>
    /// <param name="file">The config file <paramref name="quantity"/> is a key of, or null for a shape given by code.</param>
    public InvalidShapeException(string quantity, double value, string problem, string limit = "a shape a transformer can have", string? file = null)
        : base(quantity, value, limit, file is null ? $"{quantity}: {problem}" : $"{file}: key '{quantity}': {problem}")
    {
        Problem = problem;
        File = file;
    }

    /// <summary>What is wrong and the fix, without the quantity or file (the message starts with them).</summary>
    public string Problem { get; }

    /// <summary>The config file whose key <see cref="ScalingException.Quantity"/> is, or null.</summary>
    public string? File { get; }
}
