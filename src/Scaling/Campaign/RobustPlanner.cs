using MathNet.Numerics.Statistics;
using Scaling.Allocation;
using Scaling.Laws;

namespace Scaling.Campaign;

/// <summary>
/// Chooses a model size for a budget when the law itself is uncertain: over a set of plausible laws (the bootstrap
/// refits of a fit), the N minimising the <b>expected</b> loss E_k[L_k(N, C/(6N))], or its q-quantile; and, across
/// published laws that disagree, the N of smallest worst-case regret (<see cref="Consensus"/>).
/// </summary>
/// <remarks>
/// Each L_k(N, C/(6N)) = E_k + A_k·N^(−α_k) + B_k·(6N/C)^(β_k) is convex in ln N, so their mean is too and has one
/// minimum; the quantile and the largest regret need not be convex, so every criterion is minimised by a scan over ln N
/// followed by golden-section refinement.
/// <example><code>
/// var plan = RobustPlanner.Plan(fit.Law, bootstrap.ResampledLaws(), 1e24);           // expected loss
/// var cautious = RobustPlanner.Plan(fit.Law, bootstrap.ResampledLaws(), 1e24, 0.9);  // 90th-percentile loss
/// </code></example>
/// </remarks>
public static class RobustPlanner
{
    /// <summary>The robust plan at <paramref name="flops"/> over <paramref name="laws"/>, against <paramref name="estimate"/>'s point plan.</summary>
    /// <param name="estimate">The fitted law (its optimum is the point plan).</param>
    /// <param name="laws">The plausible laws, e.g. bootstrap refits (at least 2).</param>
    /// <param name="flops">The budget C.</param>
    /// <param name="quantile">Null to minimise the mean loss; otherwise the quantile in (0, 1) to minimise.</param>
    public static RobustPlan Plan(LossLaw estimate, IReadOnlyList<LossLaw> laws, double flops, double? quantile = null)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(laws);
        Require.PositiveFinite(flops, nameof(flops));
        if (laws.Count < 2)
        {
            throw new ArgumentException($"laws: a robust plan needs at least 2 plausible laws (bootstrap refits), got {laws.Count}; fit with --bootstrap.", nameof(laws));
        }

        if (quantile is { } q && !(q > 0 && q < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(quantile), q, "quantile must lie in (0, 1), e.g. 0.9.");
        }

        double k = FlopsPerParameterToken.Training;
        var optima = laws.Select(l => ComputeOptimalFrontier.Create(l).Optimum(flops).Parameters).ToArray();
        double point = ComputeOptimalFrontier.Create(estimate).Optimum(flops).Parameters;
        var losses = new double[laws.Count];
        double Criterion(double parameters)
        {
            double tokens = flops / (k * parameters);
            for (int i = 0; i < laws.Count; i++)
            {
                losses[i] = laws[i].Loss(parameters, tokens);
            }

            return quantile is { } level ? Quantile(losses, level) : losses.Average();
        }

        double best = LogScaleMinimizer.Minimize(Criterion, Math.Min(optima.Min(), point) / 10, Math.Max(optima.Max(), point) * 10);
        return new RobustPlan(flops, quantile, best, flops / (k * best), Criterion(best), point, Criterion(point), optima);
    }

    /// <summary>
    /// The robust plan at <paramref name="flops"/> when the uncertainty is the calibrated interval of a forecast of N*
    /// (<see cref="Fitting.Extrapolation.CalibratedExtrapolation"/>) rather than bootstrap refits: the true optimum is
    /// taken as ln N* ~ Normal(ln N̂, σ²), σ = q·s/1.96 so that the calibrated interval is its central 95%; in each of
    /// <paramref name="scenarios"/> quantiles of that distribution the loss along the budget's IsoFLOP line is
    /// <paramref name="law"/>'s valley moved so its minimum sits at that N*, L_i(N) = L(N·N_law/N_i, C/(6N·N_law/N_i));
    /// the plan minimises the mean (or quantile) of L_i. The law's asymmetric valley (steeper on one side) is what moves
    /// the robust size off N̂.
    /// </summary>
    public static RobustPlan Plan(LossLaw law, Fitting.Extrapolation.CalibratedExtrapolation extrapolation, double flops, double? quantile = null, int scenarios = 201)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(extrapolation);
        Require.PositiveFinite(flops, nameof(flops));
        if (quantile is { } q && !(q > 0 && q < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(quantile), q, "quantile must lie in (0, 1), e.g. 0.9.");
        }

        double k = FlopsPerParameterToken.Training;
        var at = extrapolation.At(flops);
        double sigma = Math.Log(at.ParametersUpper / at.Parameters) / MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (1 + at.Level) / 2);
        double lawOptimum = ComputeOptimalFrontier.Create(law).Optimum(flops).Parameters;
        var optima = Enumerable.Range(0, scenarios)
            .Select(i => at.Parameters * Math.Exp(sigma * MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (i + 0.5) / scenarios)))
            .ToArray();
        var losses = new double[scenarios];
        double Criterion(double parameters)
        {
            for (int i = 0; i < scenarios; i++)
            {
                double shifted = parameters * lawOptimum / optima[i];
                losses[i] = law.Loss(shifted, flops / (k * shifted));
            }

            return quantile is { } level ? Quantile(losses, level) : losses.Average();
        }

        double best = LogScaleMinimizer.Minimize(Criterion, optima[0] / 10, optima[^1] * 10);
        return new RobustPlan(flops, quantile, best, flops / (k * best), Criterion(best), at.Parameters, Criterion(at.Parameters), optima);
    }

    /// <summary>
    /// The consensus of <paramref name="laws"/> at <paramref name="flops"/>: the N minimising max_k [L_k(N, C/(6N)) − L_k*(C)]
    /// (minimax regret: each law judged against its own optimum, since their loss levels differ).
    /// </summary>
    public static LawConsensus Consensus(IReadOnlyList<(string Name, LossLaw Law)> laws, double flops)
    {
        ArgumentNullException.ThrowIfNull(laws);
        Require.PositiveFinite(flops, nameof(flops));
        if (laws.Count < 1)
        {
            throw new ArgumentException("laws: give at least one law.", nameof(laws));
        }

        double k = FlopsPerParameterToken.Training;
        var optima = laws.Select(l => ComputeOptimalFrontier.Create(l.Law).Optimum(flops)).ToArray();
        double MaxRegret(double parameters) =>
            laws.Select((l, i) => l.Law.Loss(parameters, flops / (k * parameters)) - optima[i].Loss).Max();

        double best = LogScaleMinimizer.Minimize(MaxRegret, optima.Min(o => o.Parameters) / 10, optima.Max(o => o.Parameters) * 10);
        double tokens = flops / (k * best);
        var views = laws.Select((l, i) => new LawView(l.Name, optima[i].Parameters, optima[i].Loss, l.Law.Loss(best, tokens))).ToArray();
        return new LawConsensus(flops, best, tokens, views);
    }

    // Hyndman & Fan 1996, definition 7 (linear between order statistics), as Interval uses.
    private static double Quantile(double[] values, double q) => values.QuantileCustom(q, QuantileDefinition.R7);
}
