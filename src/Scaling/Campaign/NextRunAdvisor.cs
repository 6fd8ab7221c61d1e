using Scaling.Allocation;
using Scaling.Fitting.Approach3;
using Scaling.Fitting.Bootstrap;
using Scaling.Fitting.Runs;
using Scaling.Laws;
using Scaling.Text;

namespace Scaling.Campaign;

/// <summary>
/// Proposes the next runs of a campaign: the candidate runs (budgets up to twice the largest so far, sizes around each
/// budget's fitted optimum) that most shrink the interval of N* at the target, chosen greedily one after another.
/// </summary>
/// <remarks>
/// <para>The benefit of a candidate x is computed to first order (c-optimal sequential design; Atkinson, Donev &amp; Tobias
/// 2007, "Optimum Experimental Designs, with SAS", ch. 10 and 17): with Σ the covariance of θ = (ln A, ln B, ln E, α, β)
/// over the bootstrap refits, g = ∇θ ln N*(target), j = ∇θ ln L(x) and σ² the residual variance of ln L, one more
/// observation at x turns Σ into Σ − Σjjᵀ Σ/(σ² + jᵀΣj), so Var(ln N*) falls by (gᵀΣj)²/(σ² + jᵀΣj). The candidate
/// with the largest fall is taken, Σ is updated, and the next is chosen the same way.</para>
/// <para>The first-order prediction is then checked by simulation under the fitted law (<see cref="NextRunsComparison"/>),
/// against the rule of doubling the largest budget.</para>
/// <example><code>
/// var advice = NextRunAdvisor.Propose(runs, targetFlops: 1e24, new NextRunsOptions { Runs = 4 });
/// foreach (var p in advice.Proposals) Console.WriteLine($"{p.Run.BudgetFlops:G2} {p.Run.Parameters:G3} → width {p.ExpectedRelativeWidth:P0}");
/// </code></example>
/// </remarks>
public static class NextRunAdvisor
{
    private const int Dimension = 5;

    /// <summary>The next <see cref="NextRunsOptions.Runs"/> runs for <paramref name="runs"/>, judged at <paramref name="targetFlops"/>.</summary>
    /// <exception cref="UnusableRunsException">The runs cannot be fitted, or too few refits give a valid law.</exception>
    public static NextRunsAdvice Propose(IReadOnlyList<TrainingRun> runs, double targetFlops, NextRunsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        Require.PositiveFinite(targetFlops, nameof(targetFlops));
        options ??= new NextRunsOptions();
        var fit = ParametricFit.Fit(runs, options.FitOptions);
        var boot = ParametricBootstrap.Run(fit, new BootstrapOptions { Resamples = options.Resamples, Seed = options.Seed }, options.FitOptions);
        var refits = boot.ResampledLaws();
        if (refits.Count < 10)
        {
            throw new UnusableRunsException(
                "refits",
                refits.Count,
                "at least 10",
                $"only {refits.Count} of {options.Resamples} bootstrap refits gave a valid law; the runs cannot say which run would help - add runs across sizes and budgets.");
        }

        var law = fit.Law;
        var current = OptimumIntervals.At(law, refits, targetFlops).Parameters;
        double sigma = Math.Max(fit.Residuals.RootMeanSquare, 1e-6);
        var covariance = Covariance(refits);
        double[] g = OptimumGradient(law, targetFlops);
        var candidates = Candidates(runs, law, options);
        double variance = Quadratic(covariance, g);
        double width = (current.Upper - current.Lower) / current.Estimate;
        var proposals = new List<ProposedRun>();
        var taken = new HashSet<PlannedRun>();
        for (int k = 0; k < options.Runs; k++)
        {
            var (best, fall, j) = Best(candidates.Where(c => !taken.Contains(c)), law, covariance, g, sigma * sigma);
            if (best is null || j is null)
            {
                break;
            }

            double after = Math.Max(variance - fall, 0);
            double shrink = variance > 0 ? Math.Sqrt(after / variance) : 1;
            width *= shrink;
            proposals.Add(new ProposedRun(best, width, shrink));
            taken.Add(best);
            Update(covariance, j, sigma * sigma);
            variance = after;
        }

        var comparison = options.Trials == 0 ? null : Compare(runs, law, targetFlops, sigma, proposals, options);
        return new NextRunsAdvice(targetFlops, law, current, sigma, proposals, comparison);
    }

    /// <summary>k runs at <paramref name="factor"/> times the largest budget of <paramref name="runs"/>, centred on <paramref name="law"/>'s optimum there (spanning ±<paramref name="spanDecades"/>).</summary>
    public static IReadOnlyList<PlannedRun> DoubleTheLargestBudget(IReadOnlyList<TrainingRun> runs, LossLaw law, int count, double factor = 2, double spanDecades = 0.75)
    {
        ArgumentNullException.ThrowIfNull(runs);
        double largest = runs.Max(Budget);
        return CampaignDesigner.RunsAt(ComputeOptimalFrontier.Create(law), factor * largest, count, spanDecades);
    }

    private static double Budget(TrainingRun run) => run.BudgetFlops ?? run.Flops;

    private static List<PlannedRun> Candidates(IReadOnlyList<TrainingRun> runs, LossLaw law, NextRunsOptions options)
    {
        double smallest = runs.Min(Budget);
        double reach = options.MaxBudgetFactor * runs.Max(Budget);
        if (!double.IsFinite(reach))
        {
            // A run of 1e308 parameters: no budget above it is a number, and the ladder would climb forever.
            throw new UnusableRunsException(
                "flops",
                runs.Max(Budget),
                "finite",
                $"the largest run's compute ({NumberText.Value(runs.Max(Budget))} FLOPs) "
                + "leaves no larger budget a double can hold; check the parameters, tokens and budget columns.");
        }

        var budgets = new SortedSet<double> { reach };
        for (int rung = BudgetLadder.RungAtOrBelow(smallest); BudgetLadder.Budget(rung) <= reach; rung++)
        {
            budgets.Add(BudgetLadder.Budget(rung));
        }

        var frontier = ComputeOptimalFrontier.Create(law);
        return budgets.SelectMany(c => CampaignDesigner.RunsAt(frontier, c, options.SizesPerBudget, options.SpanDecades)).ToList();
    }

    private static (PlannedRun? Run, double Fall, double[]? J) Best(IEnumerable<PlannedRun> candidates, LossLaw law, double[,] covariance, double[] g, double noiseVariance)
    {
        PlannedRun? best = null;
        double bestFall = double.NegativeInfinity;
        double[]? bestJ = null;
        foreach (var candidate in candidates)
        {
            double[] j = LossGradient(law, candidate.Parameters, candidate.Tokens);
            double[] sj = Multiply(covariance, j);
            double gsj = Dot(g, sj);
            double fall = gsj * gsj / (noiseVariance + Dot(j, sj));
            if (fall > bestFall)
            {
                (best, bestFall, bestJ) = (candidate, fall, j);
            }
        }

        return (best, bestFall, bestJ);
    }

    // Σ ← Σ − Σj jᵀΣ / (σ² + jᵀΣj): the covariance after one more observation with gradient j (rank-one update).
    private static void Update(double[,] covariance, double[] j, double noiseVariance)
    {
        double[] sj = Multiply(covariance, j);
        double denominator = noiseVariance + Dot(j, sj);
        for (int r = 0; r < Dimension; r++)
        {
            for (int c = 0; c < Dimension; c++)
            {
                covariance[r, c] -= sj[r] * sj[c] / denominator;
            }
        }
    }

    // ∂ ln L / ∂(ln A, ln B, ln E, α, β) at (N, D).
    private static double[] LossGradient(LossLaw law, double parameters, double tokens)
    {
        double parameterTerm = law.ParameterTerm(parameters);
        double dataTerm = law.DataTerm(tokens);
        double loss = law.E + parameterTerm + dataTerm;
        return [parameterTerm / loss, dataTerm / loss, law.E / loss, -Math.Log(parameters) * parameterTerm / loss, -Math.Log(tokens) * dataTerm / loss];
    }

    // ∂ ln N*(C) / ∂θ by central differences in θ (ln N* is smooth in every coordinate).
    private static double[] OptimumGradient(LossLaw law, double flops)
    {
        double[] theta = Theta(law);
        var gradient = new double[Dimension];
        for (int i = 0; i < Dimension; i++)
        {
            const double step = 1e-5;
            double[] up = (double[])theta.Clone();
            double[] down = (double[])theta.Clone();
            up[i] += step;
            down[i] -= step;
            gradient[i] = (LogOptimum(up, flops) - LogOptimum(down, flops)) / (2 * step);
        }

        return gradient;
    }

    private static double LogOptimum(double[] theta, double flops) =>
        Math.Log(ComputeOptimalFrontier.Create(LossLaw.Create(Math.Exp(theta[2]), Math.Exp(theta[0]), Math.Exp(theta[1]), theta[3], theta[4])).Optimum(flops).Parameters);

    private static double[] Theta(LossLaw law) => [Math.Log(law.A), Math.Log(law.B), Math.Log(law.E), law.Alpha, law.Beta];

    private static double[,] Covariance(IReadOnlyList<LossLaw> refits)
    {
        var thetas = refits.Select(Theta).ToArray();
        var mean = new double[Dimension];
        foreach (var t in thetas)
        {
            for (int i = 0; i < Dimension; i++)
            {
                mean[i] += t[i] / thetas.Length;
            }
        }

        var covariance = new double[Dimension, Dimension];
        foreach (var t in thetas)
        {
            for (int r = 0; r < Dimension; r++)
            {
                for (int c = 0; c < Dimension; c++)
                {
                    covariance[r, c] += (t[r] - mean[r]) * (t[c] - mean[c]) / (thetas.Length - 1);
                }
            }
        }

        return covariance;
    }

    private static double[] Multiply(double[,] matrix, double[] vector)
    {
        var result = new double[Dimension];
        for (int r = 0; r < Dimension; r++)
        {
            for (int c = 0; c < Dimension; c++)
            {
                result[r] += matrix[r, c] * vector[c];
            }
        }

        return result;
    }

    private static double Quadratic(double[,] matrix, double[] vector) => Dot(vector, Multiply(matrix, vector));

    private static double Dot(double[] x, double[] y)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    private static NextRunsComparison Compare(IReadOnlyList<TrainingRun> runs, LossLaw law, double targetFlops, double sigma, List<ProposedRun> proposals, NextRunsOptions options)
    {
        var existing = runs.Select(r => new PlannedRun(Budget(r), r.Parameters, r.Tokens)).ToArray();
        var proposed = proposals.Select(p => p.Run).ToArray();
        var doubling = DoubleTheLargestBudget(runs, law, Math.Max(proposed.Length, 1), options.MaxBudgetFactor, options.SpanDecades);
        var simulation = new SimulationOptions
        {
            Noise = LossNoise.Gaussian(sigma),
            Trials = options.Trials,
            Seed = options.Seed,
            Resamples = 0,
            Approach2 = false,
            FitOptions = options.FitOptions,
        };
        var now = CampaignSimulator.Simulate(existing, targetFlops, law, simulation).Approach3;
        var withProposals = CampaignSimulator.Simulate([.. existing, .. proposed], targetFlops, law, simulation).Approach3;
        var withDoubling = CampaignSimulator.Simulate([.. existing, .. doubling], targetFlops, law, simulation).Approach3;
        return new NextRunsComparison(
            options.Trials,
            now.RelativeWidth,
            withProposals.RelativeWidth,
            withDoubling.RelativeWidth,
            new[] { now, withProposals, withDoubling }.Max(e => e.RelativeWidthStandardError),
            proposed.Sum(r => r.Flops),
            doubling.Sum(r => r.Flops),
            doubling);
    }
}
