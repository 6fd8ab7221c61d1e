using Scaling.Fitting.Approach3;
using Scaling.Fitting.Optimization;
using Scaling.Fitting.Runs;
using Scaling.Laws;

namespace Scaling.Fitting.Extrapolation;

/// <summary>
/// Approach 3 of Hoffmann et al. 2022 (§3.3, <see cref="ParametricFit"/>) as a forecast of N*: the fitted law's
/// compute-optimal frontier, its uncertainty from a block bootstrap over the IsoFLOP budgets (each refit starts from the
/// full-data optimum, as <see cref="Bootstrap.ParametricBootstrap"/> does for runs).
/// </summary>
/// <example><code>var forecast = new Approach3Estimator(0.05) { Resamples = 200 }.Forecast(budgets);</code></example>
public sealed class Approach3Estimator : IOptimumEstimator
{
    /// <summary>Creates the estimator; <paramref name="vertexNoise"/> is σ₀ in ln N, <paramref name="options"/> the fit's (the paper's protocol when null).</summary>
    public Approach3Estimator(double vertexNoise, ParametricFitOptions? options = null)
    {
        VertexNoise = Require.PositiveFinite(vertexNoise, nameof(vertexNoise));
        Options = (options ?? new ParametricFitOptions()) with { ExcludeTopLoss = 0 };
    }

    /// <summary>σ₀ in ln N.</summary>
    public double VertexNoise { get; }

    /// <summary>The fit's options (no runs are excluded: a budget is resampled whole).</summary>
    public ParametricFitOptions Options { get; }

    /// <summary>Block-bootstrap resamples (default 100; 0 leaves only σ₀).</summary>
    public int Resamples { get; init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Resamples), value, "Resamples must be 0 or more."); } = 100;

    /// <summary>The bootstrap's seed (default 0).</summary>
    public Seed Seed { get; init; }

    /// <inheritdoc/>
    public ExtrapolationMethod Method => ExtrapolationMethod.Approach3;

    /// <inheritdoc/>
    public OptimumForecast? Forecast(IReadOnlyList<IsoFlopBudget> budgets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        var runs = budgets.SelectMany(b => b.Runs).ToArray();
        if (budgets.Count < 2 || runs.Length < FittableRuns.MinimumRuns)
        {
            return null;
        }

        ParametricFitResult fit;
        try
        {
            fit = ParametricFit.Fit(runs, Options, cancellationToken: cancellationToken);
        }
        catch (UnusableRunsException)
        {
            return null;
        }

        // fit.Runs keeps the order of 'runs' (nothing excluded), so budget b owns the index range starts[b]..starts[b+1].
        var starts = new int[budgets.Count + 1];
        for (int b = 0; b < budgets.Count; b++)
        {
            starts[b + 1] = starts[b] + budgets[b].Runs.Count;
        }

        var data = new FitData(fit.Runs);
        double[] startPoint = [Math.Log(fit.Law.A), Math.Log(fit.Law.B), Math.Log(fit.Law.E), fit.Law.Alpha, fit.Law.Beta];
        var refits = MultiStart.Run(
            Resamples,
            () => new FitWorkspace(data, Options.HuberDelta, data.Count, Options.OverPredictionWeight),
            (index, workspace) =>
            {
                Array.Clear(workspace.Counts);
                foreach (int drawn in BudgetBootstrap.Draw(Seed, index, budgets.Count))
                {
                    for (int i = starts[drawn]; i < starts[drawn + 1]; i++)
                    {
                        workspace.Counts[i]++;
                    }
                }

                workspace.LoadCounts();
                startPoint.CopyTo(workspace.Natural, 0);
            },
            ParametricFit.Tolerances(Options, data.Count),
            ParametricFit.ParallelOptionsFor(Options.MaxDegreeOfParallelism, cancellationToken));
        var laws = Enumerable.Range(0, Resamples).Select(k => Law(refits.Point(k)));
        return BudgetBootstrap.Forecast(Method, budgets, fit.Law, laws, VertexNoise);
    }

    // (ln A, ln B, ln E, α, β) → the law, or null where the refit left the valid region.
    private static LossLaw? Law(ReadOnlySpan<double> p)
    {
        double e = Math.Exp(p[2]), a = Math.Exp(p[0]), b = Math.Exp(p[1]);
        return p[3] > 0 && p[4] > 0 && double.IsFinite(e + a + b + p[3] + p[4]) && e > 0 && a > 0 && b > 0
            ? LossLaw.Create(e, a, b, p[3], p[4])
            : null;
    }
}
