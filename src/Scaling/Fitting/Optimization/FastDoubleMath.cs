using System.Numerics;
using System.Runtime.CompilerServices;

namespace Scaling.Fitting.Optimization;

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
