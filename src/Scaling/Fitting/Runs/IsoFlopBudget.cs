namespace Scaling.Fitting.Runs;

/// <summary>
/// One IsoFLOP group: the runs trained for (about) the same compute budget C (Hoffmann et al. 2022, §3.2).
/// </summary>
/// <remarks>
/// <para>Grouping (<see cref="Group"/>): runs that declare <see cref="TrainingRun.BudgetFlops"/> are grouped by that
/// budget. The others are sorted by C = 6·N·D; a group starts at the smallest unassigned C₀ and takes every run with
/// C ≤ (1 + tolerance)·C₀. A group's compute is its declared budget, or else the geometric mean of its runs' 6·N·D.</para>
/// <para>The groups come in increasing compute and the runs of each in a canonical order, so the result does not depend
/// on the order of the input.</para>
/// <example><code>
/// var budgets = IsoFlopBudget.Group(runs);   // e.g. 9 groups, 6e18 … 3e21 FLOPs, for Chinchilla's runs
/// </code></example>
/// </remarks>
public sealed record IsoFlopBudget
{
    /// <summary>The default relative spread of 6·N·D within one undeclared group: 10%.</summary>
    public const double DefaultRelativeTolerance = 0.10;

    private IsoFlopBudget(double flops, double? declaredFlops, IReadOnlyList<TrainingRun> runs)
    {
        Flops = flops;
        DeclaredFlops = declaredFlops;
        Runs = runs;
    }

    /// <summary>The group's compute C in FLOPs: the declared budget, or the geometric mean of the runs' 6·N·D.</summary>
    public double Flops { get; }

    /// <summary>The budget the runs declare, or null when the group was formed by 6·N·D.</summary>
    public double? DeclaredFlops { get; }

    /// <summary>The runs of the group, in canonical order.</summary>
    public IReadOnlyList<TrainingRun> Runs { get; }

    /// <summary>Groups <paramref name="runs"/> into IsoFLOP budgets, in increasing compute (see the remarks).</summary>
    /// <param name="runs">The runs; none may be null.</param>
    /// <param name="relativeTolerance">How far 6·N·D may spread within an undeclared group, in (0, 1]; default 10%.</param>
    public static IReadOnlyList<IsoFlopBudget> Group(IReadOnlyList<TrainingRun> runs, double relativeTolerance = DefaultRelativeTolerance)
    {
        ArgumentNullException.ThrowIfNull(runs);
        Require.Fraction(relativeTolerance, nameof(relativeTolerance));
        if (runs.Any(r => r is null))
        {
            throw new ArgumentException("runs: the list contains a null run.", nameof(runs));
        }

        var sorted = runs.ToArray();
        Array.Sort(sorted, CompareCanonically);
        var groups = new List<IsoFlopBudget>();
        foreach (var declared in sorted.Where(r => r.BudgetFlops is not null).GroupBy(r => r.BudgetFlops.GetValueOrDefault()))
        {
            groups.Add(new IsoFlopBudget(declared.Key, declared.Key, declared.ToArray()));
        }

        var undeclared = sorted.Where(r => r.BudgetFlops is null).ToArray();
        int start = 0;
        while (start < undeclared.Length)
        {
            double limit = (1 + relativeTolerance) * undeclared[start].Flops;
            int end = start;
            while (end < undeclared.Length && undeclared[end].Flops <= limit)
            {
                end++;
            }

            var members = undeclared[start..end];
            groups.Add(new IsoFlopBudget(GeometricMeanFlops(members), null, members));
            start = end;
        }

        return groups.OrderBy(g => g.Flops).ThenBy(g => g.DeclaredFlops is null).ToArray();
    }

    private static int CompareCanonically(TrainingRun x, TrainingRun y)
    {
        int order = x.Flops.CompareTo(y.Flops);
        if (order == 0) { order = x.Parameters.CompareTo(y.Parameters); }
        if (order == 0) { order = x.Tokens.CompareTo(y.Tokens); }
        if (order == 0) { order = x.Loss.CompareTo(y.Loss); }
        if (order == 0) { order = Nullable.Compare(x.BudgetFlops, y.BudgetFlops); }
        if (order == 0) { order = string.CompareOrdinal(x.RunName, y.RunName); }
        return order;
    }

    private static double GeometricMeanFlops(IReadOnlyList<TrainingRun> runs)
    {
        double sum = 0;
        foreach (var run in runs)
        {
            sum += Math.Log(run.Flops);
        }

        return Math.Exp(sum / runs.Count);
    }
}
