using Scaling.Fitting.Optimization;
using Scaling.Fitting.Runs;
using Scaling.Laws;
using Scaling.Text;

namespace Scaling.Fitting.Approach3;

/// <summary>
/// Approach 3 of Hoffmann et al. 2022 (§3.3, App. D.2): fit L(N, D) = E + A/N^α + B/D^β by minimising
/// <c>Σ_i Huber_δ(LSE(a − α·ln N_i, b − β·ln D_i, e) − ln L_i)</c> (A = e^a, B = e^b, E = e^e; the Huber loss summed,
/// not averaged, as Besiroglu et al. 2024 point out) with L-BFGS and an analytic gradient from every point of a grid of
/// starts, keeping the best.
/// </summary>
/// <remarks>
/// Starts run in parallel, each on its own thread-local buffers; the result does not depend on the number of threads
/// (ties between equal objectives go to the lowest start index). Each start travels in single precision while its
/// gradient is large and finishes in double precision, where every convergence decision is made
/// (<see cref="ParametricFitOptions.SinglePrecisionPhase"/>): 4,500 starts on 240 runs take about 0.3 s on two cores.
/// Beyond <see cref="ParametricFitOptions.SubsampleRuns"/> runs the grid runs on a stratified subsample and only the
/// best distinct optima are polished on all runs, so a fit on 10^5–10^6 runs costs seconds, not hours
/// (<see cref="ParametricFitResult.GridRuns"/>, <see cref="ParametricFitResult.PolishedStarts"/>).
/// <example><code>
/// var fit = ParametricFit.Fit(runs);                     // 4,500 starts, δ = 1e-3
/// Console.WriteLine($"{fit.Law} a = {fit.ExponentA:F3}, converged {fit.Converged}");
/// </code></example>
/// </remarks>
public static class ParametricFit
{
    /// <summary>Starts whose objective is within this relative distance of the best count as reaching it.</summary>
    public const double SameObjectiveTolerance = 1e-9;

    // Each start works in single precision while its largest gradient component exceeds this times δ·(runs used), ten
    // times the noise of a single-precision gradient (≈ 1e-6·δ·n); the rest, and every convergence decision, is in
    // double precision. On 240 runs, 80% of the evaluations then run at about 40% of the cost (scaling bench).
    private const double SinglePrecisionTolerance = 1e-5;

    /// <summary>Fits the law to <paramref name="runs"/>.</summary>
    /// <param name="runs">The training runs (at least 5 after exclusion, more than one distinct N and D).</param>
    /// <param name="options">δ, grid, exclusions and tolerances; null for the paper's protocol.</param>
    /// <param name="progress">Receives the number of finished starts (from worker threads).</param>
    /// <param name="cancellationToken">Stops the fit.</param>
    /// <exception cref="UnusableRunsException">The runs cannot identify the law, or the best fit is not a valid law (α or β ≤ 0).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static ParametricFitResult Fit(
        IReadOnlyList<TrainingRun> runs,
        ParametricFitOptions? options = null,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runs);
        options ??= new ParametricFitOptions();
        var used = UsedRuns(runs, options.ExcludeTopLoss);
        FittableRuns.Require(used);

        var data = new FitData(used);
        bool subsampled = used.Count > options.SubsampleRuns;
        var gridData = subsampled ? new FitData(StratifiedSubsample(used, options.SubsampleRuns)) : data;
        var grid = options.Grid;
        int starts = grid.Count;
        var counter = new ProgressCounter(progress, options.ProgressTotal(used.Count));
        var parallel = ParallelOptionsFor(options.MaxDegreeOfParallelism, cancellationToken);
        var gridStarts = MultiStart.Run(
            starts,
            () => FitWorkspace.OnAllRuns(gridData, options),
            (index, workspace) => grid.Point(index, workspace.Natural),
            Tolerances(options, gridData.Count),
            parallel,
            counter);

        var values = gridStarts.Values;
        int best = gridStarts.Best();
        if (!double.IsFinite(values[best]))
        {
            throw UnusableRunsException.Because(
                "no start of the fit gave a finite objective; check that losses are in nats per token and sizes in parameters and tokens.");
        }

        int polishedStarts = 0;
        int atBest;
        double bestValue;
        LbfgsOutcome outcome;
        Span<double> p = gridStarts.Point(best);
        if (!subsampled)
        {
            (bestValue, outcome) = Restart(data, options, p, values[best], gridStarts.Outcomes[best]);
            values[best] = bestValue;
            atBest = gridStarts.Reaching(bestValue, SameObjectiveTolerance);
        }
        else
        {
            atBest = gridStarts.Reaching(values[best], SameObjectiveTolerance);
            int[] candidates = DistinctBest(values, gridStarts.Points, options.PolishStarts);
            polishedStarts = candidates.Length;

            // The subsample's distinct optima, each minimised again on all runs.
            var polished = MultiStart.Run(
                candidates.Length,
                () => FitWorkspace.OnAllRuns(data, options),
                (k, workspace) => gridStarts.Point(candidates[k]).CopyTo(workspace.Natural),
                Tolerances(options, data.Count),
                parallel,
                counter);
            int winner = polished.Best();
            if (!double.IsFinite(polished.Values[winner]))
            {
                throw UnusableRunsException.Because(
                    "no optimum of the subsample gave a finite objective on all runs; check that losses are in nats per token and sizes in parameters and tokens.");
            }

            p = polished.Point(winner);
            (bestValue, outcome) = Restart(data, options, p, polished.Values[winner], polished.Outcomes[winner]);
        }

        var law = ToLaw(p);
        return new ParametricFitResult
        {
            Law = law,
            Objective = bestValue,
            Stop = outcome.Stop,
            GradientNorm = outcome.GradientNorm,
            Iterations = outcome.Iterations,
            Starts = starts,
            GridRuns = gridData.Count,
            PolishedStarts = polishedStarts,
            StartsAtBest = atBest,
            StartsConverged = gridStarts.Converged(),
            GridBoundaryAxes = grid.BoundaryAxes(p[0], p[1], p[2], p[3], p[4]),
            Runs = used,
            RunsExcluded = runs.Count - used.Count,
            HuberDelta = options.HuberDelta,
            OverPredictionWeight = options.OverPredictionWeight,
            Residuals = ResidualStatistics.Of(law, used),
        };
    }

    // Polish: restart L-BFGS from a point with a fresh curvature memory, on all runs and in double precision. When the
    // start stalled just short of the tolerance (rounding of f), the restart usually completes it; it is kept only if no
    // worse. The point is updated in place.
    private static (double Value, LbfgsOutcome Outcome) Restart(
        FitData data, ParametricFitOptions options, Span<double> point, double value, LbfgsOutcome outcome)
    {
        double[] from = point.ToArray();
        var restart = MultiStart.Run(
            1,
            () => FitWorkspace.OnAllRuns(data, options),
            (_, workspace) => from.CopyTo(workspace.Natural, 0),
            Tolerances(options, data.Count) with { Coarse = 0 },
            new ParallelOptions { MaxDegreeOfParallelism = 1 });
        var polished = restart.Outcomes[0];
        if (polished.Value <= value)
        {
            restart.Point(0).CopyTo(point);
            return (polished.Value, polished with { Iterations = outcome.Iterations + polished.Iterations });
        }

        return (value, outcome);
    }

    /// <summary>
    /// The indices of up to <paramref name="count"/> starts with the lowest objectives whose end points differ (in some
    /// coordinate by more than 1e-3 relative): the distinct basins worth polishing. Ties go to the lower index.
    /// </summary>
    internal static int[] DistinctBest(double[] values, double[] points, int count)
    {
        const int dimension = MultiStartResult.Dimension;
        var kept = new List<int>(count);
        foreach (int i in Enumerable.Range(0, values.Length).Where(i => double.IsFinite(values[i])).OrderBy(i => values[i]).ThenBy(i => i))
        {
            if (kept.TrueForAll(j => Differs(i, j)))
            {
                kept.Add(i);
                if (kept.Count == count)
                {
                    break;
                }
            }
        }

        return kept.ToArray();

        bool Differs(int i, int j)
        {
            for (int d = 0; d < dimension; d++)
            {
                double x = points[(i * dimension) + d], y = points[(j * dimension) + d];
                if (Math.Abs(x - y) > 1e-3 * (1 + Math.Abs(y)))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// <paramref name="count"/> of <paramref name="runs"/>, stratified: the runs sorted by N are cut into about √count
    /// bands of equal size, and each band gives its share of runs (in proportion to its size) evenly spaced in D. Deterministic; keeps the spread of
    /// N and D (and so of compute) that identifies α, β and E.
    /// </summary>
    internal static IReadOnlyList<TrainingRun> StratifiedSubsample(IReadOnlyList<TrainingRun> runs, int count)
    {
        int n = runs.Count;
        if (count >= n)
        {
            return runs;
        }

        int[] byParameters = Enumerable.Range(0, n).ToArray();
        Array.Sort(runs.Select(r => r.Parameters).ToArray(), byParameters);
        int bands = (int)Math.Ceiling(Math.Sqrt(count));
        var picked = new List<TrainingRun>(count);
        for (int band = 0; band < bands; band++)
        {
            int from = (int)((long)band * n / bands), to = (int)((long)(band + 1) * n / bands);
            int take = (int)((long)to * count / n) - (int)((long)from * count / n);
            int[] members = byParameters[from..to];
            Array.Sort(members.Select(i => runs[i].Tokens).ToArray(), members);
            for (int k = 0; k < take; k++)
            {
                picked.Add(runs[members[(int)((k + 0.5) * members.Length / take)]]);
            }
        }

        return picked;
    }

    // The gradient tolerance scales with δ and the runs: each run adds at most δ·|∂r/∂θ| to a gradient component.
    internal static MultiStartTolerances Tolerances(ParametricFitOptions options, int runs)
    {
        double gradient = options.GradientTolerance * options.HuberDelta * runs;
        double coarse = options.SinglePrecisionPhase ? Math.Max(SinglePrecisionTolerance * options.HuberDelta * runs, gradient) : 0;
        return new MultiStartTolerances(gradient, options.MaxIterations, coarse);
    }

    /// <summary>The runs left after dropping the <paramref name="excludeTopLoss"/> highest-loss ones (ties: later rows first).</summary>
    public static IReadOnlyList<TrainingRun> UsedRuns(IReadOnlyList<TrainingRun> runs, int excludeTopLoss)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentOutOfRangeException.ThrowIfNegative(excludeTopLoss);
        if (excludeTopLoss == 0)
        {
            return runs.ToArray();
        }

        if (excludeTopLoss >= runs.Count)
        {
            throw UnusableRunsException.Because(
                $"excluding the {excludeTopLoss} highest-loss runs leaves none of {runs.Count}; exclude fewer.");
        }

        var dropped = runs.Select((run, index) => (run.Loss, index))
            .OrderByDescending(x => x.Loss).ThenByDescending(x => x.index)
            .Take(excludeTopLoss).Select(x => x.index).ToHashSet();
        return runs.Where((_, index) => !dropped.Contains(index)).ToArray();
    }

    internal static LossLaw ToLaw(ReadOnlySpan<double> natural)
    {
        if (!(natural[3] > 0) || !(natural[4] > 0))
        {
            throw UnusableRunsException.Because(
                $"the best fit has alpha = {NumberText.Value(natural[3])} and beta = {NumberText.Value(natural[4])}; both must be positive for a scaling law - the runs do not span enough sizes and token counts (or their losses do not fall with scale).");
        }

        double e = Math.Exp(natural[2]), a = Math.Exp(natural[0]), b = Math.Exp(natural[1]);
        if (!(double.IsFinite(e) && e > 0 && double.IsFinite(a) && a > 0 && double.IsFinite(b) && b > 0))
        {
            // Losses far from nats per token (e.g. 1e308) drive ln A, ln B or ln E past what a double can exponentiate.
            throw UnusableRunsException.Because(
                $"the best fit has ln E = {NumberText.Value(natural[2])}, ln A = {NumberText.Value(natural[0])}, ln B = {NumberText.Value(natural[1])}, beyond any finite law - check that losses are in nats per token (typically 1.5 to 10).");
        }

        return LossLaw.Create(e, a, b, natural[3], natural[4]);
    }

    // −1 means one worker per core, not "as many as the thread pool offers": the starts are pure computation, and extra
    // workers only add contention (docs/performance.md, "Workers").
    internal static ParallelOptions ParallelOptionsFor(int maxDegree, CancellationToken cancellationToken) => new()
    {
        MaxDegreeOfParallelism = maxDegree == -1 ? Environment.ProcessorCount : maxDegree,
        CancellationToken = cancellationToken,
    };
}
