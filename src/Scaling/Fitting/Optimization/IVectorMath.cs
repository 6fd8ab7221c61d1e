using System.Numerics;

namespace Scaling.Fitting.Optimization;

/// <summary>
/// The exp, ln and multiply-add (fused where the hardware has FMA) that <see cref="HuberLogLossObjective"/>'s SIMD
/// loop uses, chosen at compile time: the loop is generic over a struct implementing this, and the JIT compiles one
/// specialised copy per struct.
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
