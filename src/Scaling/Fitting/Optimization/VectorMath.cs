using System.Numerics;
using System.Runtime.CompilerServices;

namespace Scaling.Fitting.Optimization;

/// <summary>
/// exp and ln on a SIMD vector of doubles (<see cref="Vector{T}"/>: four lanes with AVX2, two with NEON or SSE), for the
/// fit objective's hot loop, on a restricted domain and faster than <see cref="Vector.Exp(Vector{double})"/> (the
/// runtime's versions handle every special value, which the objective does not need; docs/performance.md).
/// </summary>
/// <remarks>
/// Both are textbook range reductions (J.-M. Muller, "Elementary Functions", 3rd ed. 2016, ch. 11) with Taylor
/// polynomials evaluated by Estrin's scheme (short dependency chains) in multiply-adds, fused where the hardware has FMA:
/// <list type="bullet">
/// <item>e^x = 2^k·e^r with k = round(x/ln 2), r = x − k·ln 2 in two parts (Cody &amp; Waite), |r| ≤ ln 2 / 2, and
/// e^r by its Taylor polynomial of degree 12 (truncation ≤ 0.347^13/Γ(14) ≈ 2e-16). Valid for |x| ≤ 700.</item>
/// <item>ln s = k·ln 2 + ln m with s = 2^k·m, m ∈ [√½, √2), and ln m = 2·artanh(f), f = (m − 1)/(m + 1), |f| ≤ 0.172,
/// by its series to f^19 (truncation ≤ 0.172^20/21 ≈ 1e-17). Valid for positive normal s.</item>
/// </list>
/// Measured against <see cref="Math.Exp"/> and <see cref="Math.Log(double)"/>: relative error ≤ 4e-16 (a few units in the
/// last place); the tests hold them to 1e-15. Outside the domains the results are meaningless, so callers check
/// their arguments (<see cref="ExpDomain"/>).
/// </remarks>
internal static class VectorMath
{
    /// <summary>|x| up to this is inside the domain of <see cref="Exp"/>; e^700 ≈ 1e304 leaves room for sums of three.</summary>
    public const double ExpDomain = 700;

    private const double Log2E = 1.4426950408889634;

    // ln 2 split so that k·Ln2High is exact for |k| < 2^11 (the fdlibm constants).
    private const double Ln2High = 6.93147180369123816490e-01;
    private const double Ln2Low = 1.90821492927058770002e-10;

    // 2^52 + 2^51: adding it rounds a double to an integer held in the low mantissa bits.
    private const double RoundingShift = 6755399441055744.0;
    private const ulong RoundingShiftBits = 0x4338000000000000;
    private const ulong SqrtHalfBits = 0x3FE6A09E667F3BCD;
    private const ulong MantissaMask = 0x000FFFFFFFFFFFFF;
    private const ulong ExponentBiasBits = 0x3FF0000000000000;

    // An integer j < 2^52 OR-ed into the mantissa of 2^52 reads as 2^52 + j.
    private const ulong TwoTo52Bits = 0x4330000000000000;
    private const double TwoTo52PlusBias = 4503599627370496.0 + 1023;

    /// <summary>e^x for |x| ≤ <see cref="ExpDomain"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Exp(Vector<double> x)
    {
        var shifted = Vector.MultiplyAddEstimate(x, Vector.Create(Log2E), Vector.Create(RoundingShift));
        var k = shifted - Vector.Create(RoundingShift);
        var r = Vector.MultiplyAddEstimate(k, Vector.Create(-Ln2High), x);
        r = Vector.MultiplyAddEstimate(k, Vector.Create(-Ln2Low), r);

        // Estrin's scheme: the terms pair up in independent chains of depth 4 instead of Horner's 13 dependent steps,
        // which the out-of-order core overlaps.
        var r2 = r * r;
        var r4 = r2 * r2;
        var r8 = r4 * r4;
        var q0 = r + Vector<double>.One;
        var q1 = Vector.MultiplyAddEstimate(r, Vector.Create(1.0 / 6), Vector.Create(0.5));
        var q2 = Vector.MultiplyAddEstimate(r, Vector.Create(1.0 / 120), Vector.Create(1.0 / 24));
        var q3 = Vector.MultiplyAddEstimate(r, Vector.Create(1.0 / 5040), Vector.Create(1.0 / 720));
        var q4 = Vector.MultiplyAddEstimate(r, Vector.Create(1.0 / 362880), Vector.Create(1.0 / 40320));
        var q5 = Vector.MultiplyAddEstimate(r, Vector.Create(1.0 / 39916800), Vector.Create(1.0 / 3628800));
        var s0 = Vector.MultiplyAddEstimate(q1, r2, q0);
        var s1 = Vector.MultiplyAddEstimate(q3, r2, q2);
        var s2 = Vector.MultiplyAddEstimate(r2, Vector.Create(1.0 / 479001600), q5);
        var t0 = Vector.MultiplyAddEstimate(s1, r4, s0);
        var t1 = Vector.MultiplyAddEstimate(s2, r2, q4);
        var p = Vector.MultiplyAddEstimate(t1, r8, t0);

        // Multiply by 2^k by adding k to the exponent field.
        var exponent = (Vector.AsVectorUInt64(shifted) - Vector.Create(RoundingShiftBits)) << 52;
        return Vector.AsVectorDouble(Vector.AsVectorUInt64(p) + exponent);
    }

    /// <summary>ln s for positive normal s (≥ 2.3e-308, finite).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Log(Vector<double> s)
    {
        // Subtracting the bits of √½ (and adding the exponent bias back) leaves k + 1023 in the exponent field and
        // m/√½ − 1 in the mantissa; it stays positive for every positive normal s, so a logical shift extracts k.
        var offset = Vector.AsVectorUInt64(s) + Vector.Create(ExponentBiasBits - SqrtHalfBits);
        var m = Vector.AsVectorDouble((offset & Vector.Create(MantissaMask)) + Vector.Create(SqrtHalfBits));
        var k = Vector.AsVectorDouble(Vector.ShiftRightLogical(offset, 52) | Vector.Create(TwoTo52Bits)) - Vector.Create(TwoTo52PlusBias);

        var f = (m - Vector<double>.One) / (m + Vector<double>.One);
        var f2 = f * f;
        var f4 = f2 * f2;
        var f8 = f4 * f4;
        var u0 = Vector.MultiplyAddEstimate(f2, Vector.Create(1.0 / 5), Vector.Create(1.0 / 3));
        var u1 = Vector.MultiplyAddEstimate(f2, Vector.Create(1.0 / 9), Vector.Create(1.0 / 7));
        var u2 = Vector.MultiplyAddEstimate(f2, Vector.Create(1.0 / 13), Vector.Create(1.0 / 11));
        var u3 = Vector.MultiplyAddEstimate(f2, Vector.Create(1.0 / 17), Vector.Create(1.0 / 15));
        var v0 = Vector.MultiplyAddEstimate(u1, f4, u0);
        var v1 = Vector.MultiplyAddEstimate(u3, f4, u2);
        var p = Vector.MultiplyAddEstimate(Vector.MultiplyAddEstimate(f8, Vector.Create(1.0 / 19), v1), f8, v0);
        var twoF = f + f;
        var logM = Vector.MultiplyAddEstimate(twoF * f2, p, twoF);
        return Vector.MultiplyAddEstimate(k, Vector.Create(Ln2High), Vector.MultiplyAddEstimate(k, Vector.Create(Ln2Low), logM));
    }
}
