using Scaling.Fitting.Approach2;
using Scaling.Fitting.Bootstrap;
using Scaling.Fitting.Optimization;
using Scaling.Fitting.Runs;
using Scaling.Text;

namespace Scaling.Fitting.Approach1;

/// <summary>
/// Approach 1 of Hoffmann et al. 2022 (§3.1, training curves): the lower envelope of loss over compute across training
/// runs, the model size that achieves it at each compute, and the power laws N_opt = k_N·C^a and D_opt = k_D·C^b
/// fitted to it by least squares in log space.
/// </summary>
/// <remarks>
/// <para>Input: checkpoints of training runs, grouped by <see cref="TrainingRun.RunName"/>; each run has one model size
/// and two or more checkpoints at different token counts. Rows without a run name, and runs with a single checkpoint,
/// are ignored with a warning. Each checkpoint's compute is C = 6·N·D.</para>
/// <para>The envelope: each run's loss is interpolated linearly in ln C between its checkpoints (never extrapolated),
/// and evaluated on <see cref="EnvelopeFitOptions.GridPoints"/> log-spaced compute values; at each, the run with the
/// lowest loss wins, giving N (the run's size) and D = C/(6N). This follows the paper, which interpolates each curve
/// and takes the minimum at 1,500 log-spaced FLOP values. We interpolate rather than bin checkpoints by compute
/// because a bin compares checkpoints at different computes (favouring whichever lies later in the bin, where loss is
/// lower) and leaves bins empty where checkpoints are sparse; interpolation compares every run at the same compute.
/// The curves are not smoothed, so checkpoint noise passes into the envelope.</para>
/// <para>Discretisation: N on the envelope takes only the sizes that were trained, so it is a staircase around the
/// true N_opt(C). For sizes a factor r apart, the winner's ln N lies within about ½·ln r of the optimum, which bounds the
/// error of a over a compute range of R = ln(C_max/C_min) by about 1.5·ln r / R (worst case; a saw-tooth error mostly
/// averages out).</para>
/// <para>Bootstrap: each resample draws whole runs with replacement and rebuilds the envelope.</para>
/// <para>The result does not depend on the order of the rows.</para>
/// <example><code>
/// var fit = EnvelopeFitter.Fit(checkpoints);
/// double a = fit.Frontier.ExponentA;           // Hoffmann Table 2: 0.50
/// var law = ScalingLaw.Allocation("fit-approach1", fit.Rule, "runs.csv, Approach 1", "training-curve envelope");
/// </code></example>
/// </remarks>
public static class EnvelopeFitter
{
    /// <summary>The fewest distinct model sizes that must win envelope points for the power laws to be fitted.</summary>
    public const int MinimumEnvelopeSizes = 3;

    /// <summary>Fits Approach 1 to the checkpoints in <paramref name="runs"/>.</summary>
    /// <param name="runs">Checkpoints; those of one training run share a <see cref="TrainingRun.RunName"/>.</param>
    /// <param name="options">Options, or null for <see cref="EnvelopeFitOptions.Default"/>.</param>
    /// <param name="progress">Receives the number of finished bootstrap resamples, from any thread.</param>
    /// <param name="cancellationToken">Cancels the bootstrap.</param>
    /// <exception cref="UnusableRunsException">
    /// No run has several checkpoints; a run's checkpoints disagree on N or repeat a token count; fewer than three runs
    /// of distinct sizes; fewer than three sizes win the envelope; or the optima do not grow with compute.
    /// </exception>
    public static EnvelopeFitResult Fit(
        IReadOnlyList<TrainingRun> runs,
        EnvelopeFitOptions? options = null,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runs);
        options ??= EnvelopeFitOptions.Default;
        if (runs.Any(r => r is null))
        {
            throw new ArgumentException("runs: the list contains a null run.", nameof(runs));
        }

        var warnings = new List<string>();
        var curves = Curves(runs, warnings);
        int sizes = curves.Select(c => c.Parameters).Distinct().Count();
        if (sizes < MinimumEnvelopeSizes)
        {
            throw UnusableRunsException.Because(
                $"Approach 1 needs training runs of at least {MinimumEnvelopeSizes} model sizes; the {NumberText.Whole(curves.Length)} runs with several "
                + $"checkpoints have {sizes} size{(sizes == 1 ? string.Empty : "s")}. Add training curves of other sizes.");
        }

        var envelope = Envelope(curves, options.GridPoints);
        var points = envelope.Where(p => p.IsBracketed || !options.BracketedOnly).ToArray();
        int winners = points.Select(p => p.Parameters).Distinct().Count();
        if (winners < MinimumEnvelopeSizes)
        {
            throw UnusableRunsException.Because(
                $"the lower envelope of loss over compute is won by {winners} model size{(winners == 1 ? string.Empty : "s")}"
                + $"{(options.BracketedOnly ? " where smaller and larger runs reach the same compute" : string.Empty)}; Approach 1 needs at least {MinimumEnvelopeSizes}. "
                + "Add sizes between the existing ones, and train each run long enough that its curve overlaps the next sizes' in compute.");
        }

        int excluded = envelope.Length - points.Length;
        if (excluded > 0)
        {
            warnings.Add(
                $"{NumberText.Whole(excluded)} of {NumberText.Whole(envelope.Length)} envelope points were left out of the fit, because the run winning there is the "
                + "smallest or largest reaching that compute, so the optimum may lie beyond it; the fit uses compute from "
                + $"{NumberText.Scientific(points[0].Flops)} to {NumberText.Scientific(points[^1].Flops)} FLOPs.");
        }

        var frontier = AllocationFit.Create(
            points.Select(p => p.Flops).ToArray(),
            points.Select(p => p.Parameters).ToArray(),
            points.Select(p => p.Tokens).ToArray());

        AllocationBootstrap? bootstrap = null;
        if (options.Resamples > 0)
        {
            bootstrap = AllocationBootstrap.Run(
                frontier,
                options,
                (ref SeededRandom random) => Resample(curves, options, ref random),
                progress,
                cancellationToken);
            warnings.AddRange(IsoFlopFitter.BootstrapWarnings(bootstrap, options.Resamples, $"fewer than {MinimumEnvelopeSizes} sizes won the envelope"));
        }

        return new EnvelopeFitResult(envelope, frontier, curves.Length, warnings, bootstrap);
    }

    /// <summary>One training run: its size and its checkpoints in order of compute.</summary>
    private sealed record Curve(string Name, double Parameters, double[] LnFlops, double[] Loss);

    private static Curve[] Curves(IReadOnlyList<TrainingRun> runs, List<string> warnings)
    {
        int unnamed = runs.Count(r => r.RunName is null);
        var curves = new List<Curve>();
        int single = 0;
        foreach (var run in runs.GroupBy(r => r.RunName, StringComparer.Ordinal))
        {
            if (run.Key is not { } name)
            {
                continue;
            }

            var checkpoints = run.OrderBy(r => r.Tokens).ThenBy(r => r.Loss).ToArray();
            if (checkpoints.Length < 2)
            {
                single++;
                continue;
            }

            double parameters = checkpoints[0].Parameters;
            var other = checkpoints.FirstOrDefault(c => c.Parameters != parameters);
            if (other is not null)
            {
                throw UnusableRunsException.Because(
                $"run '{name}' has checkpoints of different model sizes ({NumberText.Scientific(parameters)} and {NumberText.Scientific(other.Parameters)} parameters); "
                    + "the checkpoints of one run share its size, so give each model its own run name.");
            }

            for (int i = 1; i < checkpoints.Length; i++)
            {
                if (checkpoints[i].Tokens == checkpoints[i - 1].Tokens)
                {
                    throw UnusableRunsException.Because(
                $"run '{name}' has two checkpoints at {NumberText.Scientific(checkpoints[i].Tokens)} tokens; keep one loss per token count.");
                }
            }

            curves.Add(new Curve(name, parameters, checkpoints.Select(c => Math.Log(c.Flops)).ToArray(), checkpoints.Select(c => c.Loss).ToArray()));
        }

        if (curves.Count == 0)
        {
            throw UnusableRunsException.Because(
                $"Approach 1 needs training curves, several checkpoints of one run at rising token counts sharing a run name (the run or model column); "
                + $"none of the {NumberText.Whole(runs.Count)} rows forms one ({NumberText.Whole(unnamed)} have no run name, {NumberText.Whole(single)} runs have a single checkpoint). "
                + "Log the loss at several checkpoints of each run, or use Approach 2 or 3 for final losses.");
        }

        if (unnamed > 0)
        {
            warnings.Add($"{NumberText.Whole(unnamed)} rows without a run name were ignored: Approach 1 follows training curves, grouped by run name.");
        }

        if (single > 0)
        {
            warnings.Add($"{NumberText.Whole(single)} runs with a single checkpoint were ignored: a training curve needs two or more.");
        }

        // Canonical order (by size, then name), so the row order of the input cannot change the result.
        return curves.OrderBy(c => c.Parameters).ThenBy(c => c.Name, StringComparer.Ordinal).ToArray();
    }

    private static EnvelopePoint[] Envelope(Curve[] curves, int gridPoints)
    {
        var state = new EnvelopeState(gridPoints);
        state.Build(curves);
        var points = new List<EnvelopePoint>(gridPoints);
        for (int g = 0; g < gridPoints; g++)
        {
            if (state.Winner[g] < 0)
            {
                continue;
            }

            var curve = curves[state.Winner[g]];
            double flops = Math.Exp(state.LnFlops[g]);
            points.Add(new EnvelopePoint(
                flops,
                curve.Parameters,
                flops / (Allocation.FlopsPerParameterToken.Training * curve.Parameters),
                state.Loss[g],
                curve.Name,
                state.IsBracketed(g, curve.Parameters)));
        }

        return points.ToArray();
    }

    private static CompactOptima? Resample(Curve[] curves, EnvelopeFitOptions options, ref SeededRandom random)
    {
        var drawn = new Curve[curves.Length];
        for (int i = 0; i < drawn.Length; i++)
        {
            drawn[i] = curves[random.NextInt(curves.Length)];
        }

        var state = new EnvelopeState(options.GridPoints);
        state.Build(drawn);
        var flops = new double[options.GridPoints];
        var parameters = new double[options.GridPoints];
        var tokens = new double[options.GridPoints];
        int count = 0;
        for (int g = 0; g < options.GridPoints; g++)
        {
            if (state.Winner[g] < 0)
            {
                continue;
            }

            double size = drawn[state.Winner[g]].Parameters;
            if (options.BracketedOnly && !state.IsBracketed(g, size))
            {
                continue;
            }

            flops[count] = Math.Exp(state.LnFlops[g]);
            parameters[count] = size;
            tokens[count] = flops[count] / (Allocation.FlopsPerParameterToken.Training * size);
            count++;
        }

        var used = new CompactOptima(flops, parameters, tokens, count);
        return QuadraticFit.CountDistinct(used.Parameters) >= MinimumEnvelopeSizes ? used : null;
    }

    /// <summary>The envelope on a log-spaced compute grid: per grid point the lowest loss, its run, and the size range reaching it.</summary>
    private sealed class EnvelopeState(int gridPoints)
    {
        public double[] LnFlops { get; } = new double[gridPoints];

        public double[] Loss { get; } = new double[gridPoints];

        public int[] Winner { get; } = new int[gridPoints];

        private readonly double[] smallest = new double[gridPoints];
        private readonly double[] largest = new double[gridPoints];

        public bool IsBracketed(int g, double parameters) => smallest[g] < parameters && largest[g] > parameters;

        public void Build(Curve[] curves)
        {
            double low = curves.Min(c => c.LnFlops[0]);
            double high = curves.Max(c => c.LnFlops[^1]);
            double step = (high - low) / (gridPoints - 1);
            for (int g = 0; g < gridPoints; g++)
            {
                LnFlops[g] = low + (g * step);
                Loss[g] = double.PositiveInfinity;
                Winner[g] = -1;
                smallest[g] = double.PositiveInfinity;
                largest[g] = double.NegativeInfinity;
            }

            LnFlops[^1] = high;
            for (int c = 0; c < curves.Length; c++)
            {
                Add(curves[c], c);
            }
        }

        private void Add(Curve curve, int index)
        {
            var x = curve.LnFlops;
            var y = curve.Loss;
            int first = Math.Max(0, (int)Math.Ceiling((x[0] - LnFlops[0]) / (LnFlops[1] - LnFlops[0])) - 1);
            int k = 0;
            for (int g = first; g < LnFlops.Length; g++)
            {
                double at = LnFlops[g];
                if (at < x[0])
                {
                    continue;
                }

                if (at > x[^1])
                {
                    break;
                }

                while (k < x.Length - 2 && at > x[k + 1])
                {
                    k++;
                }

                double t = (at - x[k]) / (x[k + 1] - x[k]);
                double loss = y[k] + (t * (y[k + 1] - y[k]));
                smallest[g] = Math.Min(smallest[g], curve.Parameters);
                largest[g] = Math.Max(largest[g], curve.Parameters);
                if (loss < Loss[g])
                {
                    Loss[g] = loss;
                    Winner[g] = index;
                }
            }
        }
    }
}
