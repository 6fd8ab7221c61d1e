using Scaling.Fitting.Bootstrap;
using Scaling.Fitting.Optimization;
using Scaling.Fitting.Runs;
using Scaling.Text;

namespace Scaling.Fitting.Approach2;

/// <summary>
/// Approach 2 of Hoffmann et al. 2022 (§3.2, IsoFLOP profiles): group runs by compute, fit a parabola of loss
/// against ln N in each group, take its minimum as N_opt at that compute, and fit N_opt = k_N·C^a and
/// D_opt = k_D·C^b by least squares in log space.
/// </summary>
/// <remarks>
/// <para>Grouping: <see cref="IsoFlopBudget.Group"/> with <see cref="IsoFlopFitOptions.RelativeFlopsTolerance"/>
/// (runs that declare <see cref="TrainingRun.BudgetFlops"/> by that budget, the others by 6·N·D within the tolerance).</para>
/// <para>Per group: with at least three distinct sizes, the least-squares parabola L ≈ c₀ + c₁u + c₂u² in
/// u = ln N − mean(ln N); if it opens upward, N_opt = exp(vertex) and D_opt = C/(6·N_opt). A vertex outside the sampled
/// sizes is kept but warned about (the optimum is extrapolated), and so is one in the outer fifth of the sampled log
/// sizes: the parabola is only a second-order approximation of the skewed IsoFLOP valley, so off-centre sampling biases
/// its vertex (Czech et al. 2026, "Problems with Chinchilla Approach 2", arXiv 2603.22339). A parabola opening
/// downward, or fewer than three sizes, skips the group with a warning. At least three usable groups are needed.</para>
/// <para>Bootstrap: each resample draws, within every group, as many runs as the group has, with replacement, and
/// repeats the per-group fits and the power laws.</para>
/// <para>The result does not depend on the order of the runs: they are put in a canonical order first.</para>
/// <example><code>
/// var fit = IsoFlopFitter.Fit(runs);
/// double a = fit.Frontier.ExponentA;           // Hoffmann Table 2: 0.49
/// var at = fit.Bootstrap?.At(5.76e23);         // N*, D* with 95% intervals at Gopher's budget
/// var law = ScalingLaw.Allocation("fit-approach2", fit.Rule, "runs.csv, Approach 2", "IsoFLOP fit");
/// </code></example>
/// </remarks>
public static class IsoFlopFitter
{
    /// <summary>The fewest usable IsoFLOP groups the power laws are fitted to.</summary>
    public const int MinimumGroups = 3;

    /// <summary>The fewest distinct model sizes a group needs for a parabola.</summary>
    public const int MinimumSizesPerGroup = 3;

    // A vertex in the outer fifth of the sampled log-size span (on either side) draws a warning.
    private const double OffCentreFraction = 0.2;

    /// <summary>Fits Approach 2 to <paramref name="runs"/>.</summary>
    /// <param name="runs">Final losses of runs (checkpoints other than the last are not IsoFLOP points).</param>
    /// <param name="options">Options, or null for <see cref="IsoFlopFitOptions.Default"/>.</param>
    /// <param name="progress">Receives the number of finished bootstrap resamples, from any thread.</param>
    /// <param name="cancellationToken">Cancels the bootstrap.</param>
    /// <exception cref="UnusableRunsException">Fewer than nine runs, fewer than three usable IsoFLOP groups, or optima that do not grow with compute.</exception>
    public static IsoFlopFitResult Fit(
        IReadOnlyList<TrainingRun> runs,
        IsoFlopFitOptions? options = null,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runs);
        options ??= IsoFlopFitOptions.Default;
        if (runs.Any(r => r is null))
        {
            throw new ArgumentException("runs: the list contains a null run.", nameof(runs));
        }

        const int fewestRuns = MinimumGroups * MinimumSizesPerGroup;
        if (runs.Count < fewestRuns)
        {
            throw UnusableRunsException.Because(
                $"Approach 2 needs at least {fewestRuns} runs ({MinimumGroups} compute budgets × {MinimumSizesPerGroup} model sizes); got {runs.Count}. "
                + "Train several model sizes at each of at least three budgets.");
        }

        var groups = IsoFlopBudget.Group(runs, options.RelativeFlopsTolerance);
        var profiles = groups.Select(Profile).ToArray();
        var used = profiles.Where(p => p.IsUsed).ToArray();
        if (used.Length < MinimumGroups)
        {
            throw UnusableRunsException.Because(
                TooFewGroupsMessage(profiles, options.RelativeFlopsTolerance));
        }

        var warnings = profiles.Select(Warning).OfType<string>().ToList();
        var (flops, parameters, tokens) = (new List<double>(), new List<double>(), new List<double>());
        foreach (var p in used)
        {
            if (p.IsUsed)
            {
                flops.Add(p.Flops);
                parameters.Add(p.OptimalParameters.Value);
                tokens.Add(p.OptimalTokens.Value);
            }
        }

        var frontier = AllocationFit.Create(flops.ToArray(), parameters.ToArray(), tokens.ToArray());

        AllocationBootstrap? bootstrap = null;
        if (options.Resamples > 0)
        {
            bootstrap = AllocationBootstrap.Run(
                frontier,
                options,
                (ref SeededRandom random) => Resample(groups, ref random),
                progress,
                cancellationToken);
            warnings.AddRange(BootstrapWarnings(bootstrap, options.Resamples, "fewer than three IsoFLOP groups had a parabola with a minimum"));
        }

        return new IsoFlopFitResult(profiles, frontier, warnings, bootstrap);
    }

    internal static IEnumerable<string> BootstrapWarnings(AllocationBootstrap? bootstrap, int resamples, string reason)
    {
        if (bootstrap is null)
        {
            yield return $"Bootstrap: fewer than two of {NumberText.Whole(resamples)} resamples could be refitted ({reason}), so there are no intervals; add runs.";
        }
        else if (bootstrap.FailedResamples > 0)
        {
            yield return $"Bootstrap: {NumberText.Whole(bootstrap.FailedResamples)} of {NumberText.Whole(resamples)} resamples could not be refitted "
                + $"({reason}) and were left out; the intervals may be too narrow.";
        }
    }

    private static IsoFlopProfile Profile(IsoFlopBudget group)
    {
        var lnN = group.Runs.Select(r => Math.Log(r.Parameters)).ToArray();
        var loss = group.Runs.Select(r => r.Loss).ToArray();
        int sizes = QuadraticFit.CountDistinct(lnN);
        double smallest = group.Runs.Min(r => r.Parameters);
        double largest = group.Runs.Max(r => r.Parameters);
        if (sizes < MinimumSizesPerGroup)
        {
            return new IsoFlopProfile(group.Flops, group.DeclaredFlops, group.Runs, sizes, smallest, largest, null, null, null, IsoFlopProfileStatus.TooFewSizes);
        }

        var parabola = QuadraticFit.FitUnchecked(lnN, loss);
        if (!parabola.OpensUpward)
        {
            return new IsoFlopProfile(group.Flops, group.DeclaredFlops, group.Runs, sizes, smallest, largest, parabola, null, null, IsoFlopProfileStatus.OpensDownward);
        }

        double optimal = Math.Exp(parabola.Vertex);
        var status = parabola.Vertex < Math.Log(smallest) || parabola.Vertex > Math.Log(largest)
            ? IsoFlopProfileStatus.MinimumOutsideSampledRange
            : IsoFlopProfileStatus.Fitted;
        return new IsoFlopProfile(
            group.Flops, group.DeclaredFlops, group.Runs, sizes, smallest, largest, parabola, optimal, OptimalTokens(group.Flops, optimal), status);
    }

    private static double OptimalTokens(double flops, double parameters) =>
        flops / (Allocation.FlopsPerParameterToken.Training * parameters);

    private static string Describe(IsoFlopProfile p) =>
        $"IsoFLOP group at {NumberText.Scientific(p.Flops)} FLOPs ({NumberText.Whole(p.Runs.Count)} runs{(p.BudgetFlops is null ? string.Empty : ", declared budget")})";

    private static string? Warning(IsoFlopProfile p) => (p.Status, p.OptimalParameters) switch
    {
        (IsoFlopProfileStatus.TooFewSizes, _) =>
            $"{Describe(p)} has {p.DistinctSizes} distinct model size{(p.DistinctSizes == 1 ? string.Empty : "s")}; a parabola needs at least {MinimumSizesPerGroup}, "
            + "so the group was skipped. Train more sizes at this budget.",
        (IsoFlopProfileStatus.OpensDownward, _) =>
            $"{Describe(p)}: the parabola of loss against log N opens downward (no minimum), so the group was skipped. "
            + "Check its runs for outliers, and sample sizes on both sides of the optimum.",
        (IsoFlopProfileStatus.MinimumOutsideSampledRange, { } n) => n < p.SmallestParameters
            ? $"{Describe(p)}: the parabola's minimum, N = {NumberText.Scientific(n)}, lies below the smallest sampled size "
              + $"{NumberText.Scientific(p.SmallestParameters)}, so N_opt is extrapolated. Add smaller models at this budget."
            : $"{Describe(p)}: the parabola's minimum, N = {NumberText.Scientific(n)}, lies above the largest sampled size "
              + $"{NumberText.Scientific(p.LargestParameters)}, so N_opt is extrapolated. Add larger models at this budget.",
        (IsoFlopProfileStatus.Fitted, { } n) when OffCentre(p, n) is { } position =>
            $"{Describe(p)}: the parabola's minimum, N = {NumberText.Scientific(n)}, lies in the {(position < 0.5 ? "lower" : "upper")} "
            + $"{NumberText.Percent(position < 0.5 ? position : 1 - position)} of the sampled sizes "
            + $"({NumberText.Scientific(p.SmallestParameters)} to {NumberText.Scientific(p.LargestParameters)}, in log N); a parabola fitted off-centre biases its minimum "
            + "(Czech et al. 2026, arXiv 2603.22339). Centre this budget's sizes on the minimum, or compare with Approach 3.",
        _ => null,
    };

    // Where the vertex lies within the sampled log-size span (0 = smallest, 1 = largest), when it lies in the outer fifth
    // on either side; null when it is central enough.
    private static double? OffCentre(IsoFlopProfile p, double optimalParameters)
    {
        double position = Math.Log(optimalParameters / p.SmallestParameters) / Math.Log(p.LargestParameters / p.SmallestParameters);
        return position is < OffCentreFraction or > 1 - OffCentreFraction ? position : null;
    }

    private static string TooFewGroupsMessage(IReadOnlyList<IsoFlopProfile> profiles, double tolerance)
    {
        string found = string.Join(
            "; ",
            profiles.Select(p => $"{NumberText.Scientific(p.Flops)} FLOPs: {NumberText.Whole(p.Runs.Count)} runs, {p.DistinctSizes} sizes, {Explain(p.Status)}"));
        return $"Approach 2 needs at least {MinimumGroups} IsoFLOP groups whose parabola has a minimum, but only "
            + $"{profiles.Count(p => p.IsUsed)} of {profiles.Count} groups qualify ({found}). "
            + $"Train at least {MinimumSizesPerGroup} model sizes at each of at least {MinimumGroups} budgets; runs meant for one budget must agree in 6·N·D "
            + $"within {NumberText.Percent(tolerance)} (raise the tolerance) or declare it in a budget column.";
    }

    private static string Explain(IsoFlopProfileStatus status) => status switch
    {
        IsoFlopProfileStatus.TooFewSizes => "too few sizes",
        IsoFlopProfileStatus.OpensDownward => "parabola opens downward",
        IsoFlopProfileStatus.MinimumOutsideSampledRange => "usable, minimum extrapolated",
        _ => "usable",
    };

    private static CompactOptima? Resample(IReadOnlyList<IsoFlopBudget> groups, ref SeededRandom random)
    {
        var flops = new double[groups.Count];
        var parameters = new double[groups.Count];
        var tokens = new double[groups.Count];
        int count = 0;
        int largest = groups.Max(g => g.Runs.Count);
        var lnN = new double[largest];
        var loss = new double[largest];
        foreach (var group in groups)
        {
            int n = group.Runs.Count;
            double sumLnFlops = 0;
            for (int j = 0; j < n; j++)
            {
                var run = group.Runs[random.NextInt(n)];
                lnN[j] = Math.Log(run.Parameters);
                loss[j] = run.Loss;
                sumLnFlops += Math.Log(run.Flops);
            }

            if (QuadraticFit.CountDistinct(lnN.AsSpan(0, n)) < MinimumSizesPerGroup)
            {
                continue;
            }

            var parabola = QuadraticFit.FitUnchecked(lnN.AsSpan(0, n), loss.AsSpan(0, n));
            if (!parabola.OpensUpward)
            {
                continue;
            }

            double groupFlops = group.DeclaredFlops ?? Math.Exp(sumLnFlops / n);
            double optimal = Math.Exp(parabola.Vertex);
            flops[count] = groupFlops;
            parameters[count] = optimal;
            tokens[count] = OptimalTokens(groupFlops, optimal);
            count++;
        }

        return count >= MinimumGroups ? new CompactOptima(flops, parameters, tokens, count) : null;
    }
}
