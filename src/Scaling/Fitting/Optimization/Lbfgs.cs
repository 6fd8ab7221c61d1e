using System.Runtime.CompilerServices;
namespace Scaling.Fitting.Optimization;

/// <summary>
/// Limited-memory BFGS (Nocedal &amp; Wright 2006, "Numerical Optimization", Alg. 7.4 and 7.5) with a line search that
/// satisfies the Wolfe conditions (bracketing and cubic interpolation after ibid. Alg. 3.5 and 3.6; the weak curvature
/// condition, which on this nearly piecewise-linear Huber objective saves evaluations), for the 5-dimensional fit
/// objective. It stops only when the largest gradient component is at most the tolerance, at the iteration limit, or
/// when no step can lower the objective; it never claims convergence it did not check.
/// Optionally it works with the coarse evaluation (<see cref="IObjective.EvaluateCoarse"/>: for the fit, the cheaper single precision)
/// while the largest gradient component exceeds a coarse tolerance, and in double precision otherwise, keeping its
/// curvature memory across the change; after a single-precision line search fails it stays in double precision. Every
/// stopping decision, and every reported value, is made in double precision.
/// One instance per thread; after construction it allocates nothing.
/// </summary>
/// <remarks>
/// Kept instead of MathNet.Numerics' minimisers, for speed and for its stopping rule (MathNet's L-BFGS reports
/// convergence past its iteration limit without checking the gradient); measurements in docs/performance.md, "L-BFGS".
/// </remarks>
internal sealed class Lbfgs
{
    private const double SufficientDecrease = 1e-4;
    private const double Curvature = 0.9;
    private const int MaxLineSearchSteps = 40;
    private const double ApproximateWolfeTolerance = 1e-13;

    // Single precision resolves f to about 1e-6 relative: the approximate Wolfe test must not ask for more.
    private const double SingleApproximateWolfeTolerance = 1e-6;

    // Back to single precision only when the gradient has grown well past the coarse tolerance again (the iterate left a
    // plateau or saddle it had approached), so the precision does not flip back and forth.
    private const double SingleHysteresis = 100;

    private readonly int n;
    private readonly int memory;
    private readonly double[] sHistory;
    private readonly double[] yHistory;
    private readonly double[] rho;
    private readonly double[] alphaScratch;
    private readonly double[] gradient;
    private readonly double[] direction;
    private readonly double[] trialX;
    private readonly double[] trialGradient;
    private readonly double[] loX;
    private readonly double[] loGradient;
    private bool singlePrecision;
    private int singleEvaluations;

    public Lbfgs(int dimension, int memory = 10)
    {
        n = dimension;
        this.memory = memory;
        sHistory = new double[memory * dimension];
        yHistory = new double[memory * dimension];
        rho = new double[memory];
        alphaScratch = new double[memory];
        gradient = new double[dimension];
        direction = new double[dimension];
        trialX = new double[dimension];
        trialGradient = new double[dimension];
        loX = new double[dimension];
        loGradient = new double[dimension];
    }

    /// <summary>Minimises <paramref name="objective"/> from <paramref name="x"/>, leaving the best point in it.</summary>
    /// <param name="objective">The function and its gradient.</param>
    /// <param name="x">The start; on return, the best point found.</param>
    /// <param name="gradientTolerance">Stop when the largest gradient component (in double precision) is at most this.</param>
    /// <param name="maxIterations">The iteration limit.</param>
    /// <param name="singlePrecisionTolerance">0 to work in double precision throughout; otherwise the largest gradient
    /// component (at least <paramref name="gradientTolerance"/>) above which iterations run in single precision.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public LbfgsOutcome Minimize(IObjective objective, Span<double> x, double gradientTolerance, int maxIterations, double singlePrecisionTolerance = 0)
    {
        singlePrecision = singlePrecisionTolerance > 0;
        bool singleAllowed = singlePrecision;
        double coarse = Math.Max(singlePrecisionTolerance, gradientTolerance);
        singleEvaluations = 0;
        int evaluations = 1;
        double f = Evaluate(objective, x, gradient);
        if (!double.IsFinite(f))
        {
            return Outcome(f, double.NaN, 0, evaluations, LbfgsStop.NotFinite);
        }

        int stored = 0;
        int newest = -1;
        double gammaScale = 0;
        for (int iteration = 0; ; iteration++)
        {
            double gNorm = MaxAbs(gradient);
            if (singleAllowed)
            {
                bool wantSingle = singlePrecision ? gNorm > coarse : gNorm > SingleHysteresis * coarse;
                if (wantSingle != singlePrecision)
                {
                    singlePrecision = wantSingle;
                    evaluations++;
                    f = Evaluate(objective, x, gradient);
                    gNorm = MaxAbs(gradient);
                }
            }

            if (gNorm <= gradientTolerance)
            {
                return Outcome(f, gNorm, iteration, evaluations, LbfgsStop.GradientTolerance);
            }

            if (iteration >= maxIterations)
            {
                if (singlePrecision)
                {
                    // Report the objective in double precision, like every other outcome.
                    f = ToDoublePrecision(objective, x, ref evaluations);
                    gNorm = MaxAbs(gradient);
                }

                return Outcome(f, gNorm, iteration, evaluations, LbfgsStop.IterationLimit);
            }

            // Without curvature information, try a step of unit length along −g: the parameters are O(1) in the
            // centred coordinates. (A shorter first step cost more evaluations and left more starts stalled.)
            double initialStep = 1.0;
            if (stored == 0)
            {
                for (int i = 0; i < n; i++)
                {
                    direction[i] = -gradient[i];
                }

                initialStep = 1.0 / Norm2(gradient);
            }
            else
            {
                TwoLoop(stored, newest, gammaScale);
            }

            double slope = Dot(gradient, direction);
            if (!(slope < 0))
            {
                stored = 0;
                for (int i = 0; i < n; i++)
                {
                    direction[i] = -gradient[i];
                }

                slope = Dot(gradient, direction);
                initialStep = 1.0 / Norm2(gradient);
            }

            double fNew = LineSearch(objective, x, f, slope, initialStep, ref evaluations, out double step);
            if (double.IsNaN(fNew))
            {
                if (singlePrecision)
                {
                    // Single precision cannot resolve this step any more: go on in double precision from here.
                    singleAllowed = false;
                    f = ToDoublePrecision(objective, x, ref evaluations);
                    iteration--;
                    continue;
                }

                if (stored > 0)
                {
                    // The quasi-Newton model misled the search; drop it and try steepest descent once.
                    stored = 0;
                    iteration--;
                    continue;
                }

                return Outcome(f, gNorm, iteration, evaluations, LbfgsStop.NoProgress);
            }

            newest = (newest + 1) % memory;
            var s = sHistory.AsSpan(newest * n, n);
            var y = yHistory.AsSpan(newest * n, n);
            for (int i = 0; i < n; i++)
            {
                s[i] = trialX[i] - x[i];
                y[i] = trialGradient[i] - gradient[i];
                x[i] = trialX[i];
                gradient[i] = trialGradient[i];
            }

            f = fNew;
            double sy = Dot(s, y);
            double yy = Dot(y, y);
            if (sy > 1e-300 && sy > 1e-12 * Math.Sqrt(Dot(s, s) * yy))
            {
                rho[newest] = 1.0 / sy;
                gammaScale = sy / yy;
                stored = Math.Min(stored + 1, memory);
            }
            else
            {
                // A pair without positive curvature would break the update; forget it.
                newest = (newest - 1 + memory) % memory;
            }
        }
    }

    private LbfgsOutcome Outcome(double value, double gradientNorm, int iterations, int evaluations, LbfgsStop stop) =>
        new(value, gradientNorm, iterations, evaluations, stop, singleEvaluations);

    private double Evaluate(IObjective objective, ReadOnlySpan<double> at, Span<double> gradientAt)
    {
        if (singlePrecision)
        {
            singleEvaluations++;
            return objective.EvaluateCoarse(at, gradientAt);
        }

        return objective.Evaluate(at, gradientAt);
    }

    private double ToDoublePrecision(IObjective objective, ReadOnlySpan<double> at, ref int evaluations)
    {
        singlePrecision = false;
        evaluations++;
        return objective.Evaluate(at, gradient);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TwoLoop(int stored, int newest, double gammaScale)
    {
        for (int i = 0; i < n; i++)
        {
            direction[i] = -gradient[i];
        }

        // Newest to oldest, then back; the ring buffer index wraps by comparison (a modulo costs more than the 5-term dots).
        int j = newest;
        for (int k = 0; k < stored; k++)
        {
            double a = rho[j] * Dot(sHistory.AsSpan(j * n, n), direction);
            alphaScratch[j] = a;
            Axpy(-a, yHistory.AsSpan(j * n, n), direction);
            j = j == 0 ? memory - 1 : j - 1;
        }

        for (int i = 0; i < n; i++)
        {
            direction[i] *= gammaScale;
        }

        for (int k = 0; k < stored; k++)
        {
            j = j == memory - 1 ? 0 : j + 1;
            double b = rho[j] * Dot(yHistory.AsSpan(j * n, n), direction);
            Axpy(alphaScratch[j] - b, sHistory.AsSpan(j * n, n), direction);
        }
    }

    // Returns the new objective value with the point in trialX/trialGradient, or NaN when no step gave sufficient decrease.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double LineSearch(IObjective objective, ReadOnlySpan<double> x, double f0, double slope0, double initialStep, ref int evaluations, out double step)
    {
        double previousStep = 0, previousValue = f0, previousSlope = slope0;
        step = initialStep;
        for (int k = 0; k < MaxLineSearchSteps; k++)
        {
            double value = Trial(objective, x, step, ref evaluations, out double slope);
            if (!double.IsFinite(value))
            {
                // Overflow: the step left the region where the law is defined; come back towards the last good point.
                step = previousStep + (0.1 * (step - previousStep));
                continue;
            }

            if (ApproximateWolfe(value, slope, f0, slope0))
            {
                return value;
            }

            if (value > f0 + (SufficientDecrease * step * slope0) || (k > 0 && value >= previousValue))
            {
                return Zoom(objective, x, f0, slope0, previousStep, previousValue, previousSlope, step, value, slope, ref evaluations, out step);
            }

            if (slope >= Curvature * slope0)
            {
                return value;
            }

            if (slope >= 0)
            {
                SaveLo();
                return Zoom(objective, x, f0, slope0, step, value, slope, previousStep, previousValue, previousSlope, ref evaluations, out step);
            }

            SaveLo();
            previousStep = step;
            previousValue = value;
            previousSlope = slope;
            step *= 4;
        }

        return double.NaN;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Zoom(
        IObjective objective, ReadOnlySpan<double> x, double f0, double slope0,
        double lo, double fLo, double slopeLo, double hi, double fHi, double slopeHi, ref int evaluations, out double step)
    {
        // Invariant: when lo is not 0, loX/loGradient hold the point at step lo.
        bool loIsTrial = lo != 0;
        for (int k = 0; k < MaxLineSearchSteps; k++)
        {
            double t = CubicMinimum(lo, fLo, slopeLo, hi, fHi, slopeHi);
            double width = Math.Abs(hi - lo);
            double low = Math.Min(lo, hi) + (0.1 * width), high = Math.Max(lo, hi) - (0.1 * width);
            if (!(t >= low && t <= high))
            {
                t = 0.5 * (lo + hi);
            }

            if (width * MaxAbs(direction) <= 1e-16 * (1 + MaxAbs(x)))
            {
                break;
            }

            double value = Trial(objective, x, t, ref evaluations, out double slope);
            if (ApproximateWolfe(value, slope, f0, slope0))
            {
                step = t;
                return value;
            }

            if (!double.IsFinite(value) || value > f0 + (SufficientDecrease * t * slope0) || value >= fLo)
            {
                hi = t;
                fHi = double.IsFinite(value) ? value : double.MaxValue;
                slopeHi = double.IsFinite(slope) ? slope : 0;
                continue;
            }

            if (slope >= Curvature * slope0)
            {
                step = t;
                return value;
            }

            if (slope * (hi - lo) >= 0)
            {
                hi = lo;
                fHi = fLo;
                slopeHi = slopeLo;
            }

            SaveLo();
            lo = t;
            fLo = value;
            slopeLo = slope;
            loIsTrial = true;
        }

        // No point met both Wolfe conditions within rounding; accept the best point with sufficient decrease, if any.
        step = lo;
        if (loIsTrial && fLo < f0)
        {
            loX.CopyTo(trialX, 0);
            loGradient.CopyTo(trialGradient, 0);
            return fLo;
        }

        return double.NaN;
    }

    // Near the optimum, decreases fall below the rounding of f and the Armijo test becomes noise. Then accept a step
    // that keeps f within rounding and meets the strong curvature condition: the approximate Wolfe conditions of
    // Hager & Zhang 2005 (SIAM J. Optim. 16(1), §4), which let the gradient, not f, decide the last digits.
    private bool ApproximateWolfe(double value, double slope, double f0, double slope0) =>
        value <= f0 + ((singlePrecision ? SingleApproximateWolfeTolerance : ApproximateWolfeTolerance) * Math.Abs(f0))
        && slope >= Curvature * slope0
        && slope <= ((2 * SufficientDecrease) - 1) * slope0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Trial(IObjective objective, ReadOnlySpan<double> x, double step, ref int evaluations, out double slope)
    {
        for (int i = 0; i < n; i++)
        {
            trialX[i] = x[i] + (step * direction[i]);
        }

        evaluations++;
        double value = Evaluate(objective, trialX, trialGradient);
        slope = Dot(trialGradient, direction);
        return value;
    }

    private void SaveLo()
    {
        trialX.CopyTo(loX, 0);
        trialGradient.CopyTo(loGradient, 0);
    }

    // Minimiser of the cubic through (a, fa, da) and (b, fb, db) (Nocedal & Wright Eq. 3.59); NaN when it has none.
    private static double CubicMinimum(double a, double fa, double da, double b, double fb, double db)
    {
        double d1 = da + db - (3 * (fa - fb) / (a - b));
        double radicand = (d1 * d1) - (da * db);
        if (!(radicand >= 0))
        {
            return double.NaN;
        }

        double d2 = Math.Sign(b - a) * Math.Sqrt(radicand);
        return b - ((b - a) * (db + d2 - d1) / (db - da + (2 * d2)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Dot(ReadOnlySpan<double> u, ReadOnlySpan<double> v)
    {
        double sum = 0;
        for (int i = 0; i < u.Length; i++)
        {
            sum += u[i] * v[i];
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < y.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double MaxAbs(ReadOnlySpan<double> v)
    {
        double max = 0;
        foreach (double value in v)
        {
            max = Math.Max(max, Math.Abs(value));
        }

        return max;
    }

    private static double Norm2(ReadOnlySpan<double> v) => Math.Sqrt(Dot(v, v));
}
