using Scaling.Laws;
using Scaling.Text;

namespace Scaling.Allocation;

/// <summary>
/// Solves Krajewski et al. 2024 §6.2 for a budget F: minimise L(N, D, G) subject to
/// <c>F = (6·N_act + 14·d·E·G·n_blocks)·D</c>, <c>N = N_act·(8E + 4)/12</c>, <c>d = 64·n_blocks</c> — for each
/// granularity a one-dimensional search over the active size (the paper uses Brent's method), and the granularity with
/// the lowest loss among powers of two, the values its Table 2 reports.
/// </summary>
/// <example><code>
/// var optimum = FineGrainedMoePlanner.Plan(FineGrainedMoeLaw.Krajewski2024, 1.93e20);
/// optimum.Granularity; // 16 (Table 2: 64 × 1B active, 28.94B tokens, G = 16)
/// </code></example>
public static class FineGrainedMoePlanner
{
    /// <summary>The granularities searched: 1, 2, 4, … 256.</summary>
    public static IReadOnlyList<int> Granularities { get; } = [1, 2, 4, 8, 16, 32, 64, 128, 256];

    // Active sizes searched: 1M to 1e15 parameters, far beyond the fits' 129M–3.7B.
    private const double SmallestActive = 1e6, LargestActive = 1e15;

    /// <summary>The compute-optimal MoE for <paramref name="flops"/> under <paramref name="law"/>, with the dense comparison.</summary>
    /// <exception cref="ArgumentException"><paramref name="law"/> is the dense fit.</exception>
    /// <exception cref="InfeasiblePlanException">The optimum lies outside the active sizes searched (1M to 1e15
    /// parameters), i.e. the budget is too small or too large for any model (quantity <c>flops</c>).</exception>
    public static MoeOptimum Plan(FineGrainedMoeLaw law, double flops)
    {
        ArgumentNullException.ThrowIfNull(law);
        Require.PositiveFinite(flops, nameof(flops));
        if (law.IsDense)
        {
            throw new ArgumentException("plan a mixture of experts with an MoE fit; the dense fit is the comparison.", nameof(law));
        }

        var best = Granularities
            .Select(g => (G: g, Active: BestActive(law, flops, g)))
            .Select(x => (x.G, x.Active, Loss: LossAt(law, flops, x.G, x.Active)))
            .MinBy(x => x.Loss);
        if (best.Active <= SmallestActive * 1.01 || best.Active >= LargestActive / 1.01)
        {
            throw new InfeasiblePlanException(
                "flops", flops, "a budget whose optimal mixture has 1M to 1e15 active parameters",
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"at {NumberText.Value(flops)} FLOPs the optimal mixture of experts would have {(best.Active <= SmallestActive * 1.01 ? "under 1M" : "over 1e15")} active parameters, outside the sizes searched (Krajewski et al. 2024 fitted 129M to 3.7B); give a budget between about 1e15 and 1e31 FLOPs."));
        }

        double tokens = flops / law.FlopsPerToken(best.Active, best.G);
        var dense = FineGrainedMoeLaw.Krajewski2024Dense;
        double denseN = DenseOptimum(dense, flops);
        double denseTokens = flops / (6 * denseN);
        return new MoeOptimum(
            law, flops, best.G, best.Active, law.TotalParameters(best.Active), tokens, best.Loss,
            denseN, denseTokens, dense.Loss(denseN, denseTokens, 1), DenseFlopsFor(dense, best.Loss, flops));
    }

    /// <summary>The loss at a budget, granularity and active size, the tokens being what the budget buys.</summary>
    public static double LossAt(FineGrainedMoeLaw law, double flops, int granularity, double activeParameters)
    {
        ArgumentNullException.ThrowIfNull(law);
        double tokens = flops / law.FlopsPerToken(activeParameters, granularity);

        // A budget too small to buy a token at this size has no loss; the search moves away from it.
        return tokens >= 1 && double.IsFinite(tokens) ? law.Loss(law.TotalParameters(activeParameters), tokens, granularity) : double.PositiveInfinity;
    }

    private static double BestActive(FineGrainedMoeLaw law, double flops, int granularity) =>
        LogScaleMinimizer.Minimize(n => LossAt(law, flops, granularity, n), SmallestActive, LargestActive);

    private static double DenseOptimum(FineGrainedMoeLaw dense, double flops) =>
        LogScaleMinimizer.Minimize(n => flops / (6 * n) >= 1 ? dense.Loss(n, flops / (6 * n), 1) : double.PositiveInfinity, SmallestActive, LargestActive);

    // The dense fit's optimal loss falls with the budget, so bisect log F for the target loss.
    private static double DenseFlopsFor(FineGrainedMoeLaw dense, double loss, double from)
    {
        double DenseLoss(double f) { double n = DenseOptimum(dense, f); return dense.Loss(n, f / (6 * n), 1); }

        if (loss <= dense.C || DenseLoss(from) <= loss)
        {
            return loss <= dense.C ? double.PositiveInfinity : from;
        }

        double lo = Math.Log(from), hi = lo;
        do
        {
            hi += Math.Log(10);
        }
        while (DenseLoss(Math.Exp(hi)) > loss && hi < Math.Log(1e60));

        for (int i = 0; i < 100 && hi - lo > 1e-10; i++)
        {
            double mid = (lo + hi) / 2;
            if (DenseLoss(Math.Exp(mid)) > loss)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return Math.Exp(hi);
    }
}
