using Scaling.Fitting.Runs;
using Scaling.Laws;

namespace Scaling.Fitting.Extrapolation;

/// <summary>
/// Fits L = E + A/N^α + B/D^β by variable projection (Golub &amp; Pereyra 1973, SIAM J. Numer. Anal. 10:413): for fixed
/// (α, β) the model is linear in (E, A, B), so their best non-negative values solve a three-variable non-negative least
/// squares problem in closed form, and only (α, β) are searched — a grid, then a Nelder–Mead polish in (ln α, ln β).
/// </summary>
/// <remarks>
/// <para>Objective: Σ_i (L_i − E − A·N_i^−α − B·D_i^−β)², E, A, B ≥ 0. The non-negative problem is solved exactly by
/// trying every set of free coefficients (seven for three) and keeping the feasible one of least residual (Lawson &amp;
/// Hanson 1974, "Solving Least Squares Problems", ch. 23, for which an active set this small needs no iteration).</para>
/// <para>Better conditioned than the five-dimensional fit (Approach 3): the search is two-dimensional and every point of
/// it has its exact optimal coefficients. Deterministic: no random starts.</para>
/// <example><code>
/// var law = VariableProjection.Fit(runs);   // null when E, A or B comes out 0
/// </code></example>
/// </remarks>
public static class VariableProjection
{
    // The grid of exponents: 28 values per axis, evenly spaced in ln from 0.02 to 2.5.
    private const int GridSize = 28;
    private const double SmallestExponent = 0.02;
    private const double LargestExponent = 2.5;

    /// <summary>
    /// The least-squares law through <paramref name="runs"/>, or null when the best fit has E, A or B at 0 (the bound is
    /// active: with A or B at 0 the law has no compute-optimal size, and E = 0 says the runs want a negative floor).
    /// </summary>
    /// <param name="runs">The runs.</param>
    /// <param name="cancellationToken">Stops the fit between rows of its grid and between steps of its polish.</param>
    /// <exception cref="UnusableRunsException">The runs cannot identify the law (<see cref="FittableRuns.Require"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static LossLaw? Fit(IReadOnlyList<TrainingRun> runs, CancellationToken cancellationToken = default)
    {
        FittableRuns.Require(runs);
        var problem = new Problem(runs);
        double bestValue = double.PositiveInfinity, bestAlpha = 0, bestBeta = 0;
        var xs = new double[GridSize][];
        var zs = new double[GridSize][];
        for (int i = 0; i < GridSize; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double exponent = GridExponent(i);
            xs[i] = Problem.Powers(problem.LogN, exponent);
            zs[i] = Problem.Powers(problem.LogD, exponent);
        }

        for (int i = 0; i < GridSize; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (int j = 0; j < GridSize; j++)
            {
                double value = problem.Solve(xs[i], zs[j]).Residual;
                if (value < bestValue)
                {
                    (bestValue, bestAlpha, bestBeta) = (value, GridExponent(i), GridExponent(j));
                }
            }
        }

        var (alpha, beta) = Polish(problem, Math.Log(bestAlpha), Math.Log(bestBeta), cancellationToken);
        var solution = problem.Solve(Problem.Powers(problem.LogN, alpha), Problem.Powers(problem.LogD, beta));
        return solution.A > 0 && solution.B > 0 && solution.E > 0
            ? LossLaw.Create(solution.E, solution.A, solution.B, alpha, beta)
            : null;
    }

    private static double GridExponent(int i) =>
        SmallestExponent * Math.Pow(LargestExponent / SmallestExponent, i / (double)(GridSize - 1));

    // Nelder–Mead (Nelder & Mead 1965, Comput. J. 7:308; standard coefficients 1, 2, ½, ½) on the projected residual
    // in (ln α, ln β), from the best grid point with a step of one grid cell.
    private static (double Alpha, double Beta) Polish(Problem problem, double logAlpha, double logBeta, CancellationToken cancellationToken)
    {
        double step = Math.Log(LargestExponent / SmallestExponent) / (GridSize - 1);
        Span<double> xa = [logAlpha, logAlpha + step, logAlpha];
        Span<double> xb = [logBeta, logBeta, logBeta + step];
        Span<double> f = stackalloc double[3];
        for (int k = 0; k < 3; k++)
        {
            f[k] = Value(problem, xa[k], xb[k]);
        }

        for (int iteration = 0; iteration < 200; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Order(xa, xb, f);
            if (f[2] - f[0] <= 1e-13 * Math.Abs(f[0]) + 1e-300 && Math.Abs(xa[2] - xa[0]) + Math.Abs(xb[2] - xb[0]) < 1e-9)
            {
                break;
            }

            double ca = (xa[0] + xa[1]) / 2, cb = (xb[0] + xb[1]) / 2;
            double ra = ca + (ca - xa[2]), rb = cb + (cb - xb[2]);
            double fr = Value(problem, ra, rb);
            if (fr < f[0])
            {
                double ea = ca + (2 * (ca - xa[2])), eb = cb + (2 * (cb - xb[2]));
                double fe = Value(problem, ea, eb);
                (xa[2], xb[2], f[2]) = fe < fr ? (ea, eb, fe) : (ra, rb, fr);
            }
            else if (fr < f[1])
            {
                (xa[2], xb[2], f[2]) = (ra, rb, fr);
            }
            else
            {
                bool outside = fr < f[2];
                double ka = outside ? ca + ((ra - ca) / 2) : ca + ((xa[2] - ca) / 2);
                double kb = outside ? cb + ((rb - cb) / 2) : cb + ((xb[2] - cb) / 2);
                double fk = Value(problem, ka, kb);
                if (fk < Math.Min(fr, f[2]))
                {
                    (xa[2], xb[2], f[2]) = (ka, kb, fk);
                }
                else
                {
                    for (int k = 1; k < 3; k++)
                    {
                        xa[k] = xa[0] + ((xa[k] - xa[0]) / 2);
                        xb[k] = xb[0] + ((xb[k] - xb[0]) / 2);
                        f[k] = Value(problem, xa[k], xb[k]);
                    }
                }
            }
        }

        Order(xa, xb, f);
        return (Math.Exp(xa[0]), Math.Exp(xb[0]));
    }

    private static double Value(Problem problem, double logAlpha, double logBeta)
    {
        // Exponents far outside any published fit are treated as infeasible so the polish cannot wander off.
        if (logAlpha is < -6 or > 2 || logBeta is < -6 or > 2)
        {
            return double.PositiveInfinity;
        }

        return problem.Solve(Problem.Powers(problem.LogN, Math.Exp(logAlpha)), Problem.Powers(problem.LogD, Math.Exp(logBeta))).Residual;
    }

    private static void Order(Span<double> xa, Span<double> xb, Span<double> f)
    {
        for (int i = 1; i < 3; i++)
        {
            for (int j = i; j > 0 && f[j] < f[j - 1]; j--)
            {
                (f[j], f[j - 1]) = (f[j - 1], f[j]);
                (xa[j], xa[j - 1]) = (xa[j - 1], xa[j]);
                (xb[j], xb[j - 1]) = (xb[j - 1], xb[j]);
            }
        }
    }

    private sealed class Problem(IReadOnlyList<TrainingRun> runs)
    {
        public double[] LogN { get; } = runs.Select(r => Math.Log(r.Parameters)).ToArray();

        public double[] LogD { get; } = runs.Select(r => Math.Log(r.Tokens)).ToArray();

        private double[] Loss { get; } = runs.Select(r => r.Loss).ToArray();

        public static double[] Powers(double[] logs, double exponent)
        {
            var powers = new double[logs.Length];
            for (int i = 0; i < logs.Length; i++)
            {
                powers[i] = Math.Exp(-exponent * logs[i]);
            }

            return powers;
        }

        // The non-negative least-squares (E, A, B) for the columns 1, x, z, and the residual sum of squares.
        public (double E, double A, double B, double Residual) Solve(double[] x, double[] z)
        {
            int n = Loss.Length;
            double sx = 0, sz = 0, sxx = 0, sxz = 0, szz = 0, sy = 0, sxy = 0, szy = 0, syy = 0;
            for (int i = 0; i < n; i++)
            {
                double xi = x[i], zi = z[i], yi = Loss[i];
                sx += xi; sz += zi; sxx += xi * xi; sxz += xi * zi; szz += zi * zi;
                sy += yi; sxy += xi * yi; szy += zi * yi; syy += yi * yi;
            }

            Span<double> gram = [n, sx, sz, sx, sxx, sxz, sz, sxz, szz];
            Span<double> moments = [sy, sxy, szy];
            double best = double.PositiveInfinity;
            Span<double> bestCoefficients = stackalloc double[3];
            Span<double> sub = stackalloc double[9];
            Span<double> rhs = stackalloc double[3];
            Span<int> free = stackalloc int[3];
            Span<double> full = stackalloc double[3];
            for (int mask = 1; mask < 8; mask++)
            {
                int p = 0;
                for (int k = 0; k < 3; k++)
                {
                    if ((mask >> k & 1) == 1)
                    {
                        free[p++] = k;
                    }
                }

                for (int a = 0; a < p; a++)
                {
                    rhs[a] = moments[free[a]];
                    for (int b = 0; b < p; b++)
                    {
                        sub[(a * p) + b] = gram[(free[a] * 3) + free[b]];
                    }
                }

                if (!SmallMatrix.TrySolve(sub[..(p * p)], rhs[..p], p, out var solution))
                {
                    continue;
                }

                if (solution.Any(c => !(c >= 0)))
                {
                    continue;
                }

                full.Clear();
                for (int a = 0; a < p; a++)
                {
                    full[free[a]] = solution[a];
                }

                // ‖y − Gc‖² = yᵀy − 2cᵀm + cᵀGc.
                double residual = syy;
                for (int a = 0; a < 3; a++)
                {
                    residual -= 2 * full[a] * moments[a];
                    for (int b = 0; b < 3; b++)
                    {
                        residual += full[a] * gram[(a * 3) + b] * full[b];
                    }
                }

                if (residual < best)
                {
                    best = residual;
                    full.CopyTo(bestCoefficients);
                }
            }

            return (bestCoefficients[0], bestCoefficients[1], bestCoefficients[2], best);
        }
    }
}
