using System.Numerics;
using System.Runtime.CompilerServices;

namespace Scaling.Fitting.Optimization;

/// <summary>
/// exp and ln on a SIMD vector of floats (eight lanes with AVX2, four with NEON or SSE): the single-precision counterparts of <see cref="VectorMath"/>, for the coarse
/// first phase of each fit start (see <see cref="HuberLogLossObjective.EvaluateCoarse"/>). Twice the lanes and half the
/// polynomial degree of the double versions.
/// </summary>
/// <remarks>
/// The same reductions as <see cref="VectorMath"/>: e^r by its Taylor polynomial of degree 7 on |r| ≤ ln 2 / 2
/// (truncation ≤ 0.347^8/Γ(9) ≈ 5e-9), ln m by the artanh series to f^9 (truncation ≤ 0.172^11/11 ≈ 4e-10); the ln 2
/// split is Cephes' (S. L. Moshier, "Methods and Programs for Mathematical Functions", 1989). Relative error within a
/// few float ulps (≈ 1e-7, held to 5e-7 by the tests). Domains: |x| ≤ <see cref="ExpDomain"/> for exp, positive normal s for ln.
/// </remarks>
internal static class VectorMathSingle
{
    /// <summary>|x| up to this is inside the domain of <see cref="Exp"/>; e^80 ≈ 6e34 leaves room for sums of three.</summary>
    public const double ExpDomain = 80;

    private const float Log2E = 1.44269504f;
    private const float Ln2High = 0.693359375f;
    private const float Ln2Low = -2.12194440e-4f;

    // 1.5·2^23: adding it rounds a float to an integer held in the low mantissa bits.
    private const float RoundingShift = 12582912f;
    private const uint RoundingShiftBits = 0x4B400000;
    private const uint SqrtHalfBits = 0x3F3504F3;
    private const uint MantissaMask = 0x007FFFFF;
    private const uint ExponentBiasBits = 0x3F800000;

    // An integer j < 2^23 OR-ed into the mantissa of 2^23 reads as 2^23 + j.
    private const uint TwoTo23Bits = 0x4B000000;
    private const float TwoTo23PlusBias = 8388608f + 127;

    /// <summary>e^x for |x| ≤ <see cref="ExpDomain"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Exp(Vector<float> x)
    {
        var shifted = Vector.MultiplyAddEstimate(x, Vector.Create(Log2E), Vector.Create(RoundingShift));
        var k = shifted - Vector.Create(RoundingShift);
        var r = Vector.MultiplyAddEstimate(k, Vector.Create(-Ln2High), x);
        r = Vector.MultiplyAddEstimate(k, Vector.Create(-Ln2Low), r);

        var r2 = r * r;
        var q0 = r + Vector<float>.One;
        var q1 = Vector.MultiplyAddEstimate(r, Vector.Create(1f / 6), Vector.Create(0.5f));
        var q2 = Vector.MultiplyAddEstimate(r, Vector.Create(1f / 120), Vector.Create(1f / 24));
        var q3 = Vector.MultiplyAddEstimate(r, Vector.Create(1f / 5040), Vector.Create(1f / 720));
        var p = Vector.MultiplyAddEstimate(Vector.MultiplyAddEstimate(q3, r2, q2), r2 * r2, Vector.MultiplyAddEstimate(q1, r2, q0));

        var exponent = (Vector.AsVectorUInt32(shifted) - Vector.Create(RoundingShiftBits)) << 23;
        return Vector.AsVectorSingle(Vector.AsVectorUInt32(p) + exponent);
    }

    /// <summary>ln s for positive normal s (≥ 1.2e-38, finite).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Log(Vector<float> s)
    {
        var offset = Vector.AsVectorUInt32(s) + Vector.Create(ExponentBiasBits - SqrtHalfBits);
        var m = Vector.AsVectorSingle((offset & Vector.Create(MantissaMask)) + Vector.Create(SqrtHalfBits));
        var k = Vector.AsVectorSingle(Vector.ShiftRightLogical(offset, 23) | Vector.Create(TwoTo23Bits)) - Vector.Create(TwoTo23PlusBias);

        var f = (m - Vector<float>.One) / (m + Vector<float>.One);
        var f2 = f * f;
        var u0 = Vector.MultiplyAddEstimate(f2, Vector.Create(1f / 5), Vector.Create(1f / 3));
        var u1 = Vector.MultiplyAddEstimate(f2, Vector.Create(1f / 9), Vector.Create(1f / 7));
        var p = Vector.MultiplyAddEstimate(u1, f2 * f2, u0);
        var twoF = f + f;
        var logM = Vector.MultiplyAddEstimate(twoF * f2, p, twoF);
        return Vector.MultiplyAddEstimate(k, Vector.Create(Ln2High), Vector.MultiplyAddEstimate(k, Vector.Create(Ln2Low), logM));
    }
}
