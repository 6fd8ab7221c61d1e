using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Scaling.Fitting;

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
/// One instance per thread: it owns its buffers.
/// </remarks>
internal sealed class HuberLogLossObjective
{
    public const int Dimension = 5;

    private readonly double[] logParameters;
    private readonly double[] logTokens;
    private readonly double[] logLoss;
    private readonly double[] weights;
    private int count;
    private int paddedCount;

    public HuberLogLossObjective(int capacity, double delta, double logParametersCenter, double logTokensCenter)
    {
        int padded = (capacity + 3) / 4 * 4;
        logParameters = new double[padded];
        logTokens = new double[padded];
        logLoss = new double[padded];
        weights = new double[padded];
        Delta = delta;
        LogParametersCenter = logParametersCenter;
        LogTokensCenter = logTokensCenter;
    }

    public double Delta { get; }

    public double LogParametersCenter { get; }

    public double LogTokensCenter { get; }

    /// <summary>Σ w_i: the objective's gradient scale is δ times this.</summary>
    public double TotalWeight { get; private set; }

    public int Count => count;


    /// <summary>Loads rows (ln N, ln D, ln L, weight); replaces what was loaded before.</summary>
    public void Load(ReadOnlySpan<double> logN, ReadOnlySpan<double> logD, ReadOnlySpan<double> logL, ReadOnlySpan<double> weight)
    {
        count = logN.Length;
        paddedCount = (count + 3) / 4 * 4;
        TensorPrimitives.Subtract(logN, LogParametersCenter, logParameters.AsSpan(0, count));
        TensorPrimitives.Subtract(logD, LogTokensCenter, logTokens.AsSpan(0, count));
        logL.CopyTo(logLoss);
        weight.CopyTo(weights);

        // Padding rows: weight 0 and finite logs, so they add exactly 0 to the value and the gradient.
        logParameters.AsSpan(count, paddedCount - count).Clear();
        logTokens.AsSpan(count, paddedCount - count).Clear();
        logLoss.AsSpan(count, paddedCount - count).Clear();
        weights.AsSpan(count, paddedCount - count).Clear();

        TotalWeight = TensorPrimitives.Sum(weight);
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
    /// One fused SIMD pass (Vector256: 2 exp, 1 log and 1 division per run) with everything in registers; rows are
    /// padded to a multiple of 4 with weight 0. No max-shift in the log-sum-exp: for any sensible θ the terms stay far
    /// from overflow, and an overflow gives +∞, which the line search treats as "too far".
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        double irreducible = Math.Exp(theta[2]);
        var a = Vector256.Create(theta[0]);
        var b = Vector256.Create(theta[1]);
        var e = Vector256.Create(irreducible);
        var alpha = Vector256.Create(theta[3]);
        var beta = Vector256.Create(theta[4]);
        var delta = Vector256.Create(Delta);
        var minusDelta = Vector256.Create(-Delta);
        var halfDelta = Vector256.Create(0.5 * Delta);
        var half = Vector256.Create(0.5);
        Vector256<double> f = Vector256<double>.Zero, ga = f, gb = f, ge = f, gAlpha = f, gBeta = f;
        ref double lnN = ref MemoryMarshal.GetArrayDataReference(logParameters);
        ref double lnD = ref MemoryMarshal.GetArrayDataReference(logTokens);
        ref double lnL = ref MemoryMarshal.GetArrayDataReference(logLoss);
        ref double w = ref MemoryMarshal.GetArrayDataReference(weights);
        for (int i = 0; i < paddedCount; i += 4)
        {
            var logN = Vector256.LoadUnsafe(ref lnN, (nuint)i);
            var logD = Vector256.LoadUnsafe(ref lnD, (nuint)i);
            var weight = Vector256.LoadUnsafe(ref w, (nuint)i);
            var parameterTerm = Vector256.Exp(a - (alpha * logN));
            var dataTerm = Vector256.Exp(b - (beta * logD));
            var s = parameterTerm + dataTerm + e;
            var r = Vector256.Log(s) - Vector256.LoadUnsafe(ref lnL, (nuint)i);
            var absR = Vector256.Abs(r);
            var huber = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(absR, delta), half * r * r, delta * (absR - halfDelta));
            f += weight * huber;
            var c = weight * Vector256.Min(Vector256.Max(r, minusDelta), delta) / s;
            var cn = c * parameterTerm;
            var cd = c * dataTerm;
            ga += cn;
            gb += cd;
            ge += c;
            gAlpha += cn * logN;
            gBeta += cd * logD;
        }

        gradient[0] = Vector256.Sum(ga);
        gradient[1] = Vector256.Sum(gb);
        gradient[2] = Vector256.Sum(ge) * irreducible;
        gradient[3] = -Vector256.Sum(gAlpha);
        gradient[4] = -Vector256.Sum(gBeta);
        double value = Vector256.Sum(f);
        return double.IsFinite(value) ? value : double.PositiveInfinity;
    }
}
