namespace Scaling.Fitting.Approach3;

/// <summary>
/// The starting points of the Approach 3 multi-start fit: the Cartesian product of values for α, β, e = ln E,
/// a = ln A and b = ln B.
/// </summary>
/// <remarks>
/// <see cref="Hoffmann2022"/> is the paper's grid (App. D.2): α, β ∈ {0, 0.5, …, 2}, e ∈ {−1, −0.5, …, 1},
/// a, b ∈ {0, 5, …, 25}: 5·5·5·6·6 = 4,500 starts.
/// </remarks>
public sealed record InitialGrid
{
    private InitialGrid(double[] alphas, double[] betas, double[] logEs, double[] logAs, double[] logBs, int[]? selection)
    {
        Alphas = alphas;
        Betas = betas;
        LogEs = logEs;
        LogAs = logAs;
        LogBs = logBs;
        this.selection = selection;
    }

    private readonly int[]? selection;

    /// <summary>Hoffmann et al. 2022, App. D.2: the 4,500-point grid.</summary>
    public static InitialGrid Hoffmann2022 { get; } = Create(
        alphas: Steps(0, 2, 0.5),
        betas: Steps(0, 2, 0.5),
        logEs: Steps(-1, 1, 0.5),
        logAs: Steps(0, 25, 5),
        logBs: Steps(0, 25, 5));

    /// <summary>Start values of α.</summary>
    public IReadOnlyList<double> Alphas { get; }

    /// <summary>Start values of β.</summary>
    public IReadOnlyList<double> Betas { get; }

    /// <summary>Start values of e = ln E.</summary>
    public IReadOnlyList<double> LogEs { get; }

    /// <summary>Start values of a = ln A.</summary>
    public IReadOnlyList<double> LogAs { get; }

    /// <summary>Start values of b = ln B.</summary>
    public IReadOnlyList<double> LogBs { get; }

    /// <summary>The number of starts.</summary>
    public int Count => selection?.Length ?? FullCount;

    private int FullCount => Alphas.Count * Betas.Count * LogEs.Count * LogAs.Count * LogBs.Count;

    /// <summary>A grid from the values of each coordinate (each list non-empty, finite).</summary>
    public static InitialGrid Create(IEnumerable<double> alphas, IEnumerable<double> betas, IEnumerable<double> logEs, IEnumerable<double> logAs, IEnumerable<double> logBs) =>
        new(Values(alphas, nameof(alphas)), Values(betas, nameof(betas)), Values(logEs, nameof(logEs)), Values(logAs, nameof(logAs)), Values(logBs, nameof(logBs)), null);

    /// <summary>
    /// <paramref name="count"/> starts spread evenly over this grid (cycling through it when more are asked than it has),
    /// e.g. for a quick fit or a benchmark with another number of starts.
    /// </summary>
    public InitialGrid Sample(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        int full = FullCount;
        int[] picked = Enumerable.Range(0, count)
            .Select(i => count <= full ? (int)((long)i * full / count) : i % full)
            .ToArray();
        return new InitialGrid((double[])Alphas, (double[])Betas, (double[])LogEs, (double[])LogAs, (double[])LogBs, picked);
    }

    /// <summary>Writes start <paramref name="index"/> as (a, b, e, α, β) into <paramref name="point"/>.</summary>
    public void Point(int index, Span<double> point)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        int i = selection?[index] ?? index;
        point[1] = LogBs[i % LogBs.Count];
        i /= LogBs.Count;
        point[0] = LogAs[i % LogAs.Count];
        i /= LogAs.Count;
        point[2] = LogEs[i % LogEs.Count];
        i /= LogEs.Count;
        point[4] = Betas[i % Betas.Count];
        i /= Betas.Count;
        point[3] = Alphas[i % Alphas.Count];
    }

    /// <summary>
    /// The names of the coordinates (of <c>alpha, beta, logE, logA, logB</c>) whose fitted value lies at or beyond the
    /// grid's smallest or largest value: the grid may not bracket the optimum there.
    /// </summary>
    public IReadOnlyList<string> BoundaryAxes(double logA, double logB, double logE, double alpha, double beta)
    {
        var axes = new List<string>();
        Check(Alphas, alpha, "alpha");
        Check(Betas, beta, "beta");
        Check(LogEs, logE, "logE");
        Check(LogAs, logA, "logA");
        Check(LogBs, logB, "logB");
        return axes;

        void Check(IReadOnlyList<double> values, double fitted, string name)
        {
            if (values.Count > 1 && (fitted <= values.Min() || fitted >= values.Max()))
            {
                axes.Add(name);
            }
        }
    }

    private static double[] Values(IEnumerable<double> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        double[] array = values.ToArray();
        if (array.Length == 0 || array.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException($"{name}: give at least one finite start value.", name);
        }

        return array;
    }

    private static double[] Steps(double first, double last, double step) =>
        Enumerable.Range(0, (int)Math.Round((last - first) / step) + 1).Select(i => first + (i * step)).ToArray();
}
