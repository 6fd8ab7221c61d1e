using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Scaling.Fitting.Optimization;

/// <summary>
/// The Approach 3 objective of Hoffmann et al. 2022 (§3.3, App. D.2) with its analytic gradient, evaluated without
/// allocating: <c>f(θ) = Σ_i w_i·Huber_δ(LSE(a − α·ln N_i, b − β·ln D_i, e) − ln L_i)</c>.
/// </summary>
/// <remarks>
/// The optimiser sees centred coordinates θ = (a_c, b_c, e, α, β) with a_c = a − α·m_N and b_c = b − β·m_D, where
/// m_N and m_D are the mean log sizes: the same function, but the strong a–α and b–β correlations are gone, which the
/// quasi-Newton iteration rewards. With s_i = e^(a−α ln N_i) + e^(b−β ln D_i) + e^e and r_i = ln s_i − ln L_i,
/// ∂f/∂a_c = Σ w_i h'(r_i)·e^(a−α ln N_i)/s_i and ∂f/∂α = −Σ w_i h'(r_i)·(ln N_i − m_N)·e^(a−α ln N_i)/s_i (likewise
/// for b, β), ∂f/∂e = Σ w_i h'(r_i)·e^e/s_i, where h'(r) = clamp(r, −δ, δ).
/// With an over-prediction weight k ≠ 1 each term with r_i &gt; 0 (the law predicts more loss than observed) counts k
/// times: for one-sided noise, where runs only ever come out worse than the law, k &gt; 1 pulls the fit towards the lower
/// envelope of the losses (the asymmetric loss kyo-takano/chinchilla fits with by default).
/// One instance per thread: it owns its buffers. <see cref="ReferenceObjective"/> is the same function written plainly.
/// </remarks>
internal sealed class HuberLogLossObjective : IObjective
{
    public const int Dimension = 5;

    private readonly double[] logParameters;
    private readonly double[] logTokens;
    private readonly ObjectiveColumns<double> doubleColumns;
    private readonly ObjectiveColumns<float> singleColumns;
    private double smallestLogN, largestLogN, smallestLogD, largestLogD;

    public HuberLogLossObjective(int capacity, double delta, double logParametersCenter, double logTokensCenter, double overPredictionWeight = 1)
    {
        OverPredictionWeight = overPredictionWeight;
        logParameters = new double[capacity];
        logTokens = new double[capacity];
        doubleColumns = new ObjectiveColumns<double>(capacity);
        singleColumns = new ObjectiveColumns<float>(capacity);
        Delta = delta;
        LogParametersCenter = logParametersCenter;
        LogTokensCenter = logTokensCenter;
    }

    int IObjective.Dimension => Dimension;

    public double Delta { get; }

    /// <summary>The weight of a term whose residual is positive (over-prediction); 1 for the symmetric Huber loss.</summary>
    public double OverPredictionWeight { get; }

    public double LogParametersCenter { get; }

    public double LogTokensCenter { get; }

    /// <summary>Σ w_i: the objective's gradient scale is δ times this.</summary>
    public double TotalWeight { get; private set; }

    public int Count { get; private set; }

    /// <summary>Loads rows (ln N, ln D, ln L, weight); replaces what was loaded before.</summary>
    public void Load(ReadOnlySpan<double> logN, ReadOnlySpan<double> logD, ReadOnlySpan<double> logL, ReadOnlySpan<double> weight)
    {
        Count = logN.Length;
        var centeredN = logParameters.AsSpan(0, Count);
        var centeredD = logTokens.AsSpan(0, Count);
        TensorPrimitives.Subtract(logN, LogParametersCenter, centeredN);
        TensorPrimitives.Subtract(logD, LogTokensCenter, centeredD);
        doubleColumns.Load(centeredN, centeredD, logL, weight);
        singleColumns.Load(centeredN, centeredD, logL, weight);
        TotalWeight = TensorPrimitives.Sum(weight);

        // The exponents a − α·x over the loaded x (padding rows included, x = 0) lie between their values at the
        // extremes of x, so one scalar test per evaluation keeps the fast exp in its domain.
        smallestLogN = Math.Min(0, TensorPrimitives.Min(centeredN));
        largestLogN = Math.Max(0, TensorPrimitives.Max(centeredN));
        smallestLogD = Math.Min(0, TensorPrimitives.Min(centeredD));
        largestLogD = Math.Max(0, TensorPrimitives.Max(centeredD));
    }

    /// <summary>Centred coordinates from (a = ln A, b = ln B, e = ln E, α, β).</summary>
    public void ToCentered(ReadOnlySpan<double> natural, Span<double> centered)
    {
        centered[0] = natural[0] - (natural[3] * LogParametersCenter);
        centered[1] = natural[1] - (natural[4] * LogTokensCenter);
        centered[2] = natural[2];
        centered[3] = natural[3];
        centered[4] = natural[4];
    }

    /// <summary>(a = ln A, b = ln B, e = ln E, α, β) from centred coordinates.</summary>
    public void ToNatural(ReadOnlySpan<double> centered, Span<double> natural)
    {
        natural[0] = centered[0] + (centered[3] * LogParametersCenter);
        natural[1] = centered[1] + (centered[4] * LogTokensCenter);
        natural[2] = centered[2];
        natural[3] = centered[3];
        natural[4] = centered[4];
    }

    /// <summary>The objective at centred θ, and its gradient written to <paramref name="gradient"/>; +∞ when it overflows.</summary>
    /// <remarks>
    /// In double precision with <see cref="VectorMath"/>; where an exponent leaves its domain (a far excursion of the
    /// line search), with the runtime's exp and log, which overflow to +∞ and make the line search step back.
    /// </remarks>
    // Called through IObjective, so the optimiser cannot inline them: compiled optimised at once, as the optimiser is, or
    // a whole-process fit spends its first tenths of a second in unoptimised code (docs/performance.md, "The fit objective").
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient) =>
        InDomain<FastDoubleMath, double>(theta)
            ? Accumulate<double, FastDoubleMath>(doubleColumns, theta, gradient)
            : EvaluateWithRuntimeMath(theta, gradient);

    /// <summary>
    /// The objective and its gradient computed in single precision (twice the runs per instruction): accurate to about
    /// 1e-6 relative, for the optimiser's coarse first phase, never for a convergence decision. Falls back to
    /// <see cref="Evaluate"/> where an exponent leaves the single-precision domain (|x| ≤ 80).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double EvaluateCoarse(ReadOnlySpan<double> theta, Span<double> gradient) =>
        InDomain<FastSingleMath, float>(theta)
            ? Accumulate<float, FastSingleMath>(singleColumns, theta, gradient)
            : Evaluate(theta, gradient);

    /// <summary>The same function with the runtime's exp and log: outside VectorMath's domain, and for the tests.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal double EvaluateWithRuntimeMath(ReadOnlySpan<double> theta, Span<double> gradient) =>
        Accumulate<double, RuntimeDoubleMath>(doubleColumns, theta, gradient);

    private bool InDomain<TMath, T>(ReadOnlySpan<double> theta)
        where TMath : IVectorMath<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double limit = TMath.ExpDomain;
        double a = theta[0], b = theta[1], alpha = theta[3], beta = theta[4];

        // Written so that NaN fails every test.
        return Math.Abs(theta[2]) <= limit
            && Math.Abs(a - (alpha * smallestLogN)) <= limit && Math.Abs(a - (alpha * largestLogN)) <= limit
            && Math.Abs(b - (beta * smallestLogD)) <= limit && Math.Abs(b - (beta * largestLogD)) <= limit;
    }

    /// <remarks>
    /// Two SIMD passes over the rows: one for the 2·n exponentials, one for the log, Huber loss and gradient sums. Kept
    /// apart, each loop fits in the 16 vector registers of AVX2; fused into one loop, the JIT spilled to the stack
    /// (docs/performance.md, "The fit objective").
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Accumulate<T, TMath>(ObjectiveColumns<T> columns, ReadOnlySpan<double> theta, Span<double> gradient)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TMath : IVectorMath<T>
    {
        Exponentiate<T, TMath>(columns, T.CreateTruncating(theta[0]), T.CreateTruncating(theta[1]), T.CreateTruncating(theta[3]), T.CreateTruncating(theta[4]));
        double irreducible = Math.Exp(theta[2]);
        var e = Vector.Create(T.CreateTruncating(irreducible));
        var delta = Vector.Create(T.CreateTruncating(Delta));
        var minusHalf = Vector.Create(T.CreateTruncating(-0.5));
        bool asymmetric = OverPredictionWeight != 1;
        var overPrediction = Vector.Create(T.CreateTruncating(OverPredictionWeight));
        Vector<T> f = Vector<T>.Zero, ga = f, gb = f, ge = f, gAlpha = f, gBeta = f;
        int padded = columns.PaddedCount;
        ref T lnN = ref MemoryMarshal.GetArrayDataReference(columns.LogParameters);
        ref T lnD = ref MemoryMarshal.GetArrayDataReference(columns.LogTokens);
        ref T lnL = ref MemoryMarshal.GetArrayDataReference(columns.LogLoss);
        ref T w = ref MemoryMarshal.GetArrayDataReference(columns.Weights);
        ref T t = ref MemoryMarshal.GetArrayDataReference(columns.Terms);
        for (int i = 0; i < padded; i += Vector<T>.Count)
        {
            var parameterTerm = Vector.LoadUnsafe(ref t, (nuint)i);
            var dataTerm = Vector.LoadUnsafe(ref t, (nuint)(i + padded));
            var s = parameterTerm + dataTerm + e;
            var r = TMath.Log(s) - Vector.LoadUnsafe(ref lnL, (nuint)i);

            // Huber_δ(r) = c·(r − c/2) and Huber_δ'(r) = c, with c = clamp(r, −δ, δ).
            var clamped = Vector.MinNative(Vector.MaxNative(r, -delta), delta);
            var weighted = Vector.LoadUnsafe(ref w, (nuint)i) * clamped;
            if (asymmetric)
            {
                weighted *= Vector.ConditionalSelect(Vector.GreaterThan(r, Vector<T>.Zero), overPrediction, Vector<T>.One);
            }

            f = TMath.MultiplyAdd(weighted, TMath.MultiplyAdd(clamped, minusHalf, r), f);
            var c = weighted / s;
            var cn = c * parameterTerm;
            var cd = c * dataTerm;
            ga += cn;
            gb += cd;
            ge += c;
            gAlpha = TMath.MultiplyAdd(cn, Vector.LoadUnsafe(ref lnN, (nuint)i), gAlpha);
            gBeta = TMath.MultiplyAdd(cd, Vector.LoadUnsafe(ref lnD, (nuint)i), gBeta);
        }

        gradient[0] = double.CreateTruncating(Vector.Sum(ga));
        gradient[1] = double.CreateTruncating(Vector.Sum(gb));
        gradient[2] = double.CreateTruncating(Vector.Sum(ge)) * irreducible;
        gradient[3] = -double.CreateTruncating(Vector.Sum(gAlpha));
        gradient[4] = -double.CreateTruncating(Vector.Sum(gBeta));
        double value = double.CreateTruncating(Vector.Sum(f));
        return double.IsFinite(value) ? value : double.PositiveInfinity;
    }

    // Terms[i] = e^(a − α·x_i) for the parameter rows, then e^(b − β·y_i) for the token rows.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Exponentiate<T, TMath>(ObjectiveColumns<T> columns, T a, T b, T alpha, T beta)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TMath : IVectorMath<T>
    {
        int padded = columns.PaddedCount;
        ref T lnN = ref MemoryMarshal.GetArrayDataReference(columns.LogParameters);
        ref T lnD = ref MemoryMarshal.GetArrayDataReference(columns.LogTokens);
        ref T t = ref MemoryMarshal.GetArrayDataReference(columns.Terms);
        var av = Vector.Create(a);
        var bv = Vector.Create(b);
        var negAlpha = Vector.Create(-alpha);
        var negBeta = Vector.Create(-beta);
        for (int i = 0; i < padded; i += Vector<T>.Count)
        {
            TMath.MultiplyAdd(negAlpha, Vector.LoadUnsafe(ref lnN, (nuint)i), av).StoreUnsafe(ref t, (nuint)i);
            TMath.MultiplyAdd(negBeta, Vector.LoadUnsafe(ref lnD, (nuint)i), bv).StoreUnsafe(ref t, (nuint)(i + padded));
        }

        for (int i = 0; i < 2 * padded; i += Vector<T>.Count)
        {
            TMath.Exp(Vector.LoadUnsafe(ref t, (nuint)i)).StoreUnsafe(ref t, (nuint)i);
        }
    }
}
