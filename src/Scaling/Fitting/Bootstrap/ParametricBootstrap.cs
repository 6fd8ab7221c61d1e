using Scaling.Fitting.Approach3;
using Scaling.Fitting.Optimization;

namespace Scaling.Fitting.Bootstrap;

/// <summary>
/// Nonparametric bootstrap of an Approach 3 fit (as Besiroglu et al. 2024 did with 4,000 resamples): draw the runs with
/// replacement, refit from the full-data optimum, and take standard errors and percentile intervals of E, A, B, α, β,
/// a, b and, at a budget, of N*, D* and D*/N*.
/// </summary>
/// <remarks>
/// Resample k uses the random stream (seed, k), and each refit runs on thread-local buffers, so the intervals are the
/// same for any number of threads. A resample is held as its distinct runs weighted by their draw counts (the same
/// objective, about a third fewer terms).
/// </remarks>
public static class ParametricBootstrap
{
    // E, A, B, α, β, a, b per resample.
    private const int Quantities = 7;

    /// <summary>Bootstraps <paramref name="fit"/> (refitting on resamples of <see cref="ParametricFitResult.Runs"/>).</summary>
    public static BootstrapResult Run(
        ParametricFitResult fit,
        BootstrapOptions? options = null,
        ParametricFitOptions? fitOptions = null,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fit);
        options ??= new BootstrapOptions();
        fitOptions ??= new ParametricFitOptions { HuberDelta = fit.HuberDelta, OverPredictionWeight = fit.OverPredictionWeight };

        var data = new FitData(fit.Runs);
        int resamples = options.Resamples;
        double[] startPoint = [Math.Log(fit.Law.A), Math.Log(fit.Law.B), Math.Log(fit.Law.E), fit.Law.Alpha, fit.Law.Beta];
        var refits = MultiStart.Run(
            resamples,
            () => new FitWorkspace(data, fit.HuberDelta, data.Count, fitOptions.OverPredictionWeight),
            (index, workspace) =>
            {
                workspace.LoadResample(options.Seed, index);
                startPoint.CopyTo(workspace.Natural, 0);
            },
            new MultiStartTolerances(fitOptions.GradientTolerance * fit.HuberDelta * data.Count, fitOptions.MaxIterations),
            ParametricFit.ParallelOptionsFor(options.MaxDegreeOfParallelism, cancellationToken),
            new ProgressCounter(progress, resamples));

        var samples = new double[resamples * Quantities];
        for (int index = 0; index < resamples; index++)
        {
            Quantify(refits.Point(index), samples.AsSpan(index * Quantities, Quantities));
        }

        Span<double> estimate = stackalloc double[Quantities];
        Quantify(startPoint, estimate);
        var columns = new double[Quantities][];
        var intervals = new Interval[Quantities];
        for (int q = 0; q < Quantities; q++)
        {
            var column = new double[resamples];
            for (int k = 0; k < resamples; k++)
            {
                column[k] = samples[(k * Quantities) + q];
            }

            intervals[q] = Interval.FromSamples(estimate[q], column, options.Level);
            columns[q] = column;
        }

        var drawn = new BootstrapSamples(columns[0], columns[1], columns[2], columns[3], columns[4], columns[5], columns[6]);

        // The plan at the budget, from each refitted law's own optimum (the same computation 'scaling plan' makes from a
        // fit file's refits).
        var plan = options.Flops is { } flops ? OptimumIntervals.At(fit.Law, drawn.Laws(), flops, options.Level) : null;

        return new BootstrapResult
        {
            Resamples = resamples,
            Converged = refits.Converged(),
            Seed = options.Seed,
            Flops = options.Flops,
            Intervals = new BootstrapIntervals(intervals[0], intervals[1], intervals[2], intervals[3], intervals[4], intervals[5], intervals[6], plan),
            Samples = drawn,
        };
    }

    // E, A, B, α, β, a, b from (ln A, ln B, ln E, α, β); the exponents are NaN where the law is not valid.
    private static void Quantify(ReadOnlySpan<double> p, Span<double> into)
    {
        double alpha = p[3], beta = p[4];
        into[0] = Math.Exp(p[2]);
        into[1] = Math.Exp(p[0]);
        into[2] = Math.Exp(p[1]);
        into[3] = alpha;
        into[4] = beta;
        bool valid = alpha > 0 && beta > 0;
        into[5] = valid ? beta / (alpha + beta) : double.NaN;
        into[6] = valid ? alpha / (alpha + beta) : double.NaN;
    }
}
