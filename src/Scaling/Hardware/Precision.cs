namespace Scaling.Hardware;

/// <summary>
/// A number format for weights or arithmetic. Weight bytes per parameter: FP32/TF32 4, BF16/FP16 2, FP8/INT8 1,
/// INT4 0.5 (see <see cref="Precisions.BytesPerParameter"/>).
/// </summary>
public enum Precision
{
    /// <summary>IEEE single precision, 4 bytes.</summary>
    Fp32,

    /// <summary>NVIDIA TensorFloat-32: FP32 storage (4 bytes), 10-bit mantissa in the tensor cores.</summary>
    Tf32,

    /// <summary>bfloat16, 2 bytes; the usual training precision.</summary>
    Bf16,

    /// <summary>IEEE half precision, 2 bytes.</summary>
    Fp16,

    /// <summary>8-bit floating point (E4M3/E5M2), 1 byte.</summary>
    Fp8,

    /// <summary>8-bit integer (quantised inference), 1 byte.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "INT8 is the precision's name on every data sheet.")]
    Int8,

    /// <summary>4-bit integer (quantised inference), half a byte.</summary>
    Int4,
}
