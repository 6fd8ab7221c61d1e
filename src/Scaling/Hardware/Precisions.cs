namespace Scaling.Hardware;

/// <summary>Names and sizes of the <see cref="Precision"/> formats.</summary>
public static class Precisions
{
    /// <summary>Every precision, widest first.</summary>
    public static IReadOnlyList<Precision> All { get; } = Enum.GetValues<Precision>();

    /// <summary>
    /// Bytes one parameter's weight occupies: FP32/TF32 4, BF16/FP16 2, FP8/INT8 1, INT4 0.5
    /// (EleutherAI, "Transformer Math 101", 2023).
    /// </summary>
    public static double BytesPerParameter(Precision precision) => precision switch
    {
        Precision.Fp32 or Precision.Tf32 => 4,
        Precision.Bf16 or Precision.Fp16 => 2,
        Precision.Fp8 or Precision.Int8 => 1,
        Precision.Int4 => 0.5,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "precision is not a known format."),
    };

    /// <summary>The lower-case name users type: fp32, tf32, bf16, fp16, fp8, int8, int4.</summary>
    public static string Name(Precision precision) => precision.ToString().ToLowerInvariant();

    /// <summary>Parses a name such as <c>bf16</c> or <c>FP8</c> (case-insensitive).</summary>
    /// <exception cref="FormatException">The name is not one of the known precisions; the message lists them.</exception>
    public static Precision Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var precision in All)
        {
            if (string.Equals(Name(precision), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return precision;
            }
        }

        throw new FormatException($"unknown precision '{name}'; use one of {string.Join(", ", All.Select(Name))}.");
    }
}
