using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Scaling.Fitting;

/// <summary>
/// exp and ln on eight floats at once: the single-precision counterparts of <see cref="VectorMath"/>, for the coarse
/// first phase of each fit start (see <see cref="HuberLogLossObjective.EvaluateSingle"/>). Twice the lanes and half the
/// polynomial degree of the double versions.
/// </summary>
/// <remarks>
/// The same reductions as <see cref="VectorMath"/>: e^r by its Taylor polynomial of degree 7 on |r| ≤ ln 2 / 2
/// (truncation ≤ 0.347^8/8! ≈ 5e-9), ln m by the artanh series to f^9 (truncation ≤ 0.172^11/11 ≈ 4e-10); the ln 2
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
    public static Vector256<float> Exp(Vector256<float> x)
    {
        var shifted = Vector256.FusedMultiplyAdd(x, Vector256.Create(Log2E), Vector256.Create(RoundingShift));
        var k = shifted - Vector256.Create(RoundingShift);
        var r = Vector256.FusedMultiplyAdd(k, Vector256.Create(-Ln2High), x);
        r = Vector256.FusedMultiplyAdd(k, Vector256.Create(-Ln2Low), r);

        var r2 = r * r;
        var q0 = r + Vector256<float>.One;
        var q1 = Vector256.FusedMultiplyAdd(r, Vector256.Create(1f / 6), Vector256.Create(0.5f));
        var q2 = Vector256.FusedMultiplyAdd(r, Vector256.Create(1f / 120), Vector256.Create(1f / 24));
        var q3 = Vector256.FusedMultiplyAdd(r, Vector256.Create(1f / 5040), Vector256.Create(1f / 720));
        var p = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(q3, r2, q2), r2 * r2, Vector256.FusedMultiplyAdd(q1, r2, q0));

        var exponent = (shifted.AsUInt32() - Vector256.Create(RoundingShiftBits)) << 23;
        return (p.AsUInt32() + exponent).AsSingle();
    }

    /// <summary>ln s for positive normal s (≥ 1.2e-38, finite).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Log(Vector256<float> s)
    {
        var offset = s.AsUInt32() + Vector256.Create(ExponentBiasBits - SqrtHalfBits);
        var m = ((offset & Vector256.Create(MantissaMask)) + Vector256.Create(SqrtHalfBits)).AsSingle();
        var k = (Vector256.ShiftRightLogical(offset, 23) | Vector256.Create(TwoTo23Bits)).AsSingle() - Vector256.Create(TwoTo23PlusBias);

        var f = (m - Vector256<float>.One) / (m + Vector256<float>.One);
        var f2 = f * f;
        var u0 = Vector256.FusedMultiplyAdd(f2, Vector256.Create(1f / 5), Vector256.Create(1f / 3));
        var u1 = Vector256.FusedMultiplyAdd(f2, Vector256.Create(1f / 9), Vector256.Create(1f / 7));
        var p = Vector256.FusedMultiplyAdd(u1, f2 * f2, u0);
        var twoF = f + f;
        var logM = Vector256.FusedMultiplyAdd(twoF * f2, p, twoF);
        return Vector256.FusedMultiplyAdd(k, Vector256.Create(Ln2High), Vector256.FusedMultiplyAdd(k, Vector256.Create(Ln2Low), logM));
    }
}
