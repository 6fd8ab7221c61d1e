using System.Numerics;
using System.Runtime.CompilerServices;

namespace Scaling.Fitting.Optimization;

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
