using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Scaling.Fitting;

/// <summary>
/// The exp, ln and fused multiply-add that <see cref="HuberLogLossObjective"/>'s SIMD loop uses, chosen at compile
/// time: the loop is generic over a struct implementing this, and the JIT compiles one specialised copy per struct.
/// </summary>
/// <typeparam name="T">The precision, double or float.</typeparam>
internal interface IVectorMath<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>|x| up to this keeps <see cref="Exp"/> valid and sums of three exponentials finite.</summary>
    static abstract double ExpDomain { get; }

    static abstract Vector256<T> Exp(Vector256<T> x);

    static abstract Vector256<T> Log(Vector256<T> s);

    static abstract Vector256<T> MultiplyAdd(Vector256<T> a, Vector256<T> b, Vector256<T> addend);
}

/// <summary><see cref="VectorMath"/>: double precision on |x| ≤ 700.</summary>
internal readonly struct FastDoubleMath : IVectorMath<double>
{
    public static double ExpDomain => VectorMath.ExpDomain;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x) => VectorMath.Exp(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Log(Vector256<double> s) => VectorMath.Log(s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MultiplyAdd(Vector256<double> a, Vector256<double> b, Vector256<double> addend) => Vector256.FusedMultiplyAdd(a, b, addend);
}

/// <summary>The runtime's exp and ln: every double, overflowing to +∞; the fallback outside the fast domain.</summary>
internal readonly struct RuntimeDoubleMath : IVectorMath<double>
{
    public static double ExpDomain => double.PositiveInfinity;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x) => Vector256.Exp(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Log(Vector256<double> s) => Vector256.Log(s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MultiplyAdd(Vector256<double> a, Vector256<double> b, Vector256<double> addend) => Vector256.FusedMultiplyAdd(a, b, addend);
}

/// <summary><see cref="VectorMathSingle"/>: single precision on |x| ≤ 80.</summary>
internal readonly struct FastSingleMath : IVectorMath<float>
{
    public static double ExpDomain => VectorMathSingle.ExpDomain;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x) => VectorMathSingle.Exp(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Log(Vector256<float> s) => VectorMathSingle.Log(s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> addend) => Vector256.FusedMultiplyAdd(a, b, addend);
}
