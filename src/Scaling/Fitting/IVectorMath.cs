using System.Numerics;
using System.Runtime.CompilerServices;

namespace Scaling.Fitting;

/// <summary>
/// The exp, ln and multiply-add (fused where the hardware has FMA) that <see cref="HuberLogLossObjective"/>'s SIMD loop uses, chosen at compile
/// time: the loop is generic over a struct implementing this, and the JIT compiles one specialised copy per struct.
/// </summary>
/// <typeparam name="T">The precision, double or float.</typeparam>
internal interface IVectorMath<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>|x| up to this keeps <see cref="Exp"/> valid and sums of three exponentials finite.</summary>
    static abstract double ExpDomain { get; }

    static abstract Vector<T> Exp(Vector<T> x);

    static abstract Vector<T> Log(Vector<T> s);

    static abstract Vector<T> MultiplyAdd(Vector<T> a, Vector<T> b, Vector<T> addend);
}

/// <summary><see cref="VectorMath"/>: double precision on |x| ≤ 700.</summary>
internal readonly struct FastDoubleMath : IVectorMath<double>
{
    public static double ExpDomain => VectorMath.ExpDomain;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Exp(Vector<double> x) => VectorMath.Exp(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Log(Vector<double> s) => VectorMath.Log(s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> MultiplyAdd(Vector<double> a, Vector<double> b, Vector<double> addend) => Vector.MultiplyAddEstimate(a, b, addend);
}

/// <summary>The runtime's exp and ln: every double, overflowing to +∞; the fallback outside the fast domain.</summary>
internal readonly struct RuntimeDoubleMath : IVectorMath<double>
{
    public static double ExpDomain => double.PositiveInfinity;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Exp(Vector<double> x) => Vector.Exp(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Log(Vector<double> s) => Vector.Log(s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> MultiplyAdd(Vector<double> a, Vector<double> b, Vector<double> addend) => Vector.MultiplyAddEstimate(a, b, addend);
}

/// <summary><see cref="VectorMathSingle"/>: single precision on |x| ≤ 80.</summary>
internal readonly struct FastSingleMath : IVectorMath<float>
{
    public static double ExpDomain => VectorMathSingle.ExpDomain;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Exp(Vector<float> x) => VectorMathSingle.Exp(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Log(Vector<float> s) => VectorMathSingle.Log(s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> MultiplyAdd(Vector<float> a, Vector<float> b, Vector<float> addend) => Vector.MultiplyAddEstimate(a, b, addend);
}
