using Scaling.Allocation;
using Scaling.Fitting.Runs;
using Scaling.Laws;

namespace Scaling.Tests.Fitting;

/// <summary>
/// Seeded synthetic training runs drawn from a known <see cref="LossLaw"/>, with log-normal noise on the loss:
/// L_observed = L(N, D)·exp(σ·z), z standard normal by Box–Muller.
/// </summary>
public static class SyntheticCurves
{
    /// <summary>Hoffmann et al. 2022, §3.2 / Fig. 3: nine IsoFLOP budgets from 6e18 to 3e21 FLOPs.</summary>
    public static IReadOnlyList<double> HoffmannBudgets { get; } = [6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21];

    /// <summary>
    /// IsoFLOP runs: at each budget, <paramref name="sizesPerBudget"/> sizes log-spaced over
    /// [N*/span, N*·span] around the law's optimum N*, trained on D = C/(6N) tokens.
    /// </summary>
    public static List<TrainingRun> IsoFlop(
        LossLaw law,
        IReadOnlyList<double> budgets,
        int sizesPerBudget,
        double span,
        double noise,
        int seed,
        bool declareBudget = false,
        double centreOffset = 1)
    {
        var random = new Random(seed);
        var frontier = ComputeOptimalFrontier.Create(law);
        var runs = new List<TrainingRun>();
        foreach (double flops in budgets)
        {
            double centre = frontier.Optimum(flops).Parameters * centreOffset;
            for (int i = 0; i < sizesPerBudget; i++)
            {
                double parameters = centre * Math.Pow(span, -1 + (2.0 * i / (sizesPerBudget - 1)));
                double tokens = flops / (6 * parameters);
                double loss = law.Loss(parameters, tokens) * Math.Exp(noise * Normal(random));
                runs.Add(TrainingRun.Create(parameters, tokens, loss, budgetFlops: declareBudget ? flops : null));
            }
        }

        return runs;
    }

    /// <summary>
    /// Training curves: one run per size in <paramref name="sizes"/>, each with <paramref name="checkpoints"/>
    /// checkpoints whose compute 6·N·D is log-spaced over [<paramref name="lowestFlops"/>, <paramref name="highestFlops"/>].
    /// </summary>
    public static List<TrainingRun> Curves(
        LossLaw law,
        IReadOnlyList<double> sizes,
        int checkpoints,
        double lowestFlops,
        double highestFlops,
        double noise,
        int seed)
    {
        var random = new Random(seed);
        var runs = new List<TrainingRun>();
        for (int s = 0; s < sizes.Count; s++)
        {
            double parameters = sizes[s];
            for (int i = 0; i < checkpoints; i++)
            {
                double flops = lowestFlops * Math.Pow(highestFlops / lowestFlops, (double)i / (checkpoints - 1));
                double tokens = flops / (6 * parameters);
                double loss = law.Loss(parameters, tokens) * Math.Exp(noise * Normal(random));
                runs.Add(TrainingRun.Create(parameters, tokens, loss, runName: $"model-{s}"));
            }
        }

        return runs;
    }

    /// <summary><paramref name="count"/> sizes log-spaced over [lowest, highest].</summary>
    public static double[] LogSpaced(double lowest, double highest, int count) =>
        Enumerable.Range(0, count).Select(i => lowest * Math.Pow(highest / lowest, (double)i / (count - 1))).ToArray();

    /// <summary>A standard normal draw by the Box–Muller transform (Box &amp; Muller 1958).</summary>
    public static double Normal(Random random)
    {
        double u1 = 1.0 - random.NextDouble(); // in (0, 1], so the log is finite
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
