using System.Numerics;
using System.Runtime.CompilerServices;

namespace Scaling.Fitting.Optimization;

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
