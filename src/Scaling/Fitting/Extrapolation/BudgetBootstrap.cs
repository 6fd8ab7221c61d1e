using Scaling.Allocation;
using Scaling.Fitting.Runs;
using Scaling.Laws;

namespace Scaling.Fitting.Extrapolation;

/// <summary>
/// The block bootstrap over IsoFLOP budgets of the law-based estimators: a resample draws as many whole budgets as there
/// are, with replacement (every run of a drawn budget comes along), so that what the budgets share — the law's form,
/// the training recipe at that scale — varies between resamples, not only the noise of single runs (Künsch 1989,
/// Ann. Statist. 17:1217, on resampling blocks of dependent data).
/// </summary>
internal static class BudgetBootstrap
{
    /// <summary>The budgets drawn for resample <paramref name="resample"/>: stream (seed, resample + 1).</summary>
    public static int[] Draw(Seed seed, int resample, int budgets)
    {
        var random = seed.Random(resample + 1L);
        var draws = new int[budgets];
        for (int k = 0; k < budgets; k++)
        {
            draws[k] = random.NextInt(budgets);
        }

        return draws;
    }

    /// <summary>(ln N* at the origin, exponent a) of a law's compute-optimal frontier.</summary>
    public static (double Intercept, double Slope) Line(LossLaw law, double originLogFlops)
    {
        var frontier = ComputeOptimalFrontier.Create(law);
        double intercept = Math.Log(frontier.G) + (frontier.ExponentA * (originLogFlops - Math.Log(FlopsPerParameterToken.Training)));
        return (intercept, frontier.ExponentA);
    }

    /// <summary>
    /// The forecast of a law through <paramref name="budgets"/>: the full-data line, the covariance of the resampled lines
    /// (those that failed are left out; fewer than two leave it zero) and the vertex noise σ₀².
    /// </summary>
    public static OptimumForecast Forecast(
        ExtrapolationMethod method, IReadOnlyList<IsoFlopBudget> budgets, LossLaw law, IEnumerable<LossLaw?> resampled, double vertexNoise)
    {
        double origin = Math.Log(budgets[^1].Flops);
        var (intercept, slope) = Line(law, origin);
        var lines = resampled.OfType<LossLaw>().Select(l => Line(l, origin)).Where(l => double.IsFinite(l.Intercept) && double.IsFinite(l.Slope)).ToArray();
        var covariance = new double[4];
        if (lines.Length >= 2)
        {
            double mi = lines.Average(l => l.Intercept), ms = lines.Average(l => l.Slope);
            foreach (var (i, s) in lines)
            {
                covariance[0] += (i - mi) * (i - mi);
                covariance[1] += (i - mi) * (s - ms);
                covariance[3] += (s - ms) * (s - ms);
            }

            for (int k = 0; k < 4; k++)
            {
                covariance[k] /= lines.Length - 1;
            }

            covariance[2] = covariance[1];
        }

        return OptimumForecast.Create(method, origin, budgets[^1].Flops, [intercept, slope], covariance, vertexNoise * vertexNoise, law);
    }

    /// <summary>The runs of the drawn budgets, each drawn budget's runs once per draw.</summary>
    public static IReadOnlyList<TrainingRun> Runs(IReadOnlyList<IsoFlopBudget> budgets, int[] draws) =>
        draws.SelectMany(d => budgets[d].Runs).ToArray();
}
