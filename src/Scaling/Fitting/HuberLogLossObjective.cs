using System.Numerics;
using System.Numerics.Tensors;

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
/// One instance per thread: it owns its scratch buffers.
/// </remarks>
internal sealed class HuberLogLossObjective
{
    public const int Dimension = 5;

    private readonly double[] logParameters;
    private readonly double[] logTokens;
    private readonly double[] logLoss;
    private readonly double[] weights;
    private readonly double[] parameterTerm;
    private readonly double[] dataTerm;
    private readonly double[] prediction;
    private readonly double[] logPrediction;
    private int count;

    public HuberLogLossObjective(int capacity, double delta, double logParametersCenter, double logTokensCenter)
    {
        logParameters = new double[capacity];
        logTokens = new double[capacity];
        logLoss = new double[capacity];
        weights = new double[capacity];
        parameterTerm = new double[capacity];
        dataTerm = new double[capacity];
        prediction = new double[capacity];
        logPrediction = new double[capacity];
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
        TensorPrimitives.Subtract(logN, LogParametersCenter, logParameters.AsSpan(0, count));
        TensorPrimitives.Subtract(logD, LogTokensCenter, logTokens.AsSpan(0, count));
        logL.CopyTo(logLoss);
        weight.CopyTo(weights);
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
    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        int n = count;
        var nTerm = parameterTerm.AsSpan(0, n);
        var dTerm = dataTerm.AsSpan(0, n);
        var s = prediction.AsSpan(0, n);
        double irreducible = Math.Exp(theta[2]);

        // A/N^α = exp(a_c − α·(ln N − m_N)); likewise B/D^β. No max-shift: the terms stay far from overflow for any
        // sensible θ, and an overflow gives +∞, which the line search treats as "too far".
        TensorPrimitives.Multiply(logParameters.AsSpan(0, n), -theta[3], nTerm);
        TensorPrimitives.Add(nTerm, theta[0], nTerm);
        TensorPrimitives.Exp(nTerm, nTerm);
        TensorPrimitives.Multiply(logTokens.AsSpan(0, n), -theta[4], dTerm);
        TensorPrimitives.Add(dTerm, theta[1], dTerm);
        TensorPrimitives.Exp(dTerm, dTerm);
        TensorPrimitives.Add(nTerm, dTerm, s);
        TensorPrimitives.Add(s, irreducible, s);

        var logS = logPrediction.AsSpan(0, n);
        TensorPrimitives.Log(s, logS);
        return Accumulate(n, irreducible, gradient);
    }

    private double Accumulate(int n, double irreducible, Span<double> gradient)
    {
        double delta = Delta;
        double halfDelta = 0.5 * delta;
        var vDelta = new Vector<double>(delta);
        var vMinusDelta = new Vector<double>(-delta);
        var vHalfDelta = new Vector<double>(halfDelta);
        var vHalf = new Vector<double>(0.5);
        Vector<double> f = Vector<double>.Zero, ga = f, gb = f, ge = f, gAlpha = f, gBeta = f;
        var lnN = logParameters.AsSpan(0, n);
        var lnD = logTokens.AsSpan(0, n);
        var lnL = logLoss.AsSpan(0, n);
        var w = weights.AsSpan(0, n);
        var nTerm = parameterTerm.AsSpan(0, n);
        var dTerm = dataTerm.AsSpan(0, n);
        var s = prediction.AsSpan(0, n);
        var logS = logPrediction.AsSpan(0, n);
        int width = Vector<double>.Count;
        int i = 0;
        for (; i <= n - width; i += width)
        {
            var r = new Vector<double>(logS[i..]) - new Vector<double>(lnL[i..]);
            var weight = new Vector<double>(w[i..]);
            var absR = Vector.Abs(r);
            var huber = Vector.ConditionalSelect(
                Vector.LessThanOrEqual(absR, vDelta),
                vHalf * r * r,
                vDelta * (absR - vHalfDelta));
            f += weight * huber;
            var c = weight * Vector.Min(Vector.Max(r, vMinusDelta), vDelta) / new Vector<double>(s[i..]);
            var cn = c * new Vector<double>(nTerm[i..]);
            var cd = c * new Vector<double>(dTerm[i..]);
            ga += cn;
            gb += cd;
            ge += c;
            gAlpha += cn * new Vector<double>(lnN[i..]);
            gBeta += cd * new Vector<double>(lnD[i..]);
        }

        double value = Vector.Sum(f), sa = Vector.Sum(ga), sb = Vector.Sum(gb), se = Vector.Sum(ge);
        double sAlpha = Vector.Sum(gAlpha), sBeta = Vector.Sum(gBeta);
        for (; i < n; i++)
        {
            double r = logS[i] - lnL[i];
            double absR = Math.Abs(r);
            value += w[i] * (absR <= delta ? 0.5 * r * r : delta * (absR - halfDelta));
            double c = w[i] * Math.Clamp(r, -delta, delta) / s[i];
            sa += c * nTerm[i];
            sb += c * dTerm[i];
            se += c;
            sAlpha += c * nTerm[i] * lnN[i];
            sBeta += c * dTerm[i] * lnD[i];
        }

        gradient[0] = sa;
        gradient[1] = sb;
        gradient[2] = se * irreducible;
        gradient[3] = -sAlpha;
        gradient[4] = -sBeta;
        return double.IsFinite(value) ? value : double.PositiveInfinity;
    }
}
