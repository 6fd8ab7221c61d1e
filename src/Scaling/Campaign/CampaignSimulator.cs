using Scaling.Allocation;
using Scaling.Fitting;
using Scaling.Fitting.Approach2;
using Scaling.Fitting.Approach3;
using Scaling.Fitting.Bootstrap;
using Scaling.Fitting.Runs;
using Scaling.Laws;

namespace Scaling.Campaign;

/// <summary>
/// Simulates a campaign before it is paid for: draws every run's loss from a known law with noise — and, under a
/// <see cref="SimulationOptions.Misspecification"/>, with each trial's optimum drifting away from the law's as real
/// studies' do — fits each simulated campaign with Approach 3 (and Approach 2, and the calibrated drift forecast), and
/// reports how N* at the target scatters and how often each campaign's own interval covers its true N*.
/// </summary>
/// <remarks>
/// Trial t draws its noise from the stream (seed, t) and bootstraps with seed (seed, t), so the result is the same for
/// any number of threads. Trials run in parallel, each fit on one thread. Approach 3 starts from the true law
/// (<see cref="SimulationOptions.WarmStart"/>; <see cref="CheckWarmStart"/> compares with the full grid).
/// <example><code>
/// var design = CampaignDesigner.Design(LawPresets.Hoffmann2022Unrounded.Allocator(), 1e24, 4.1e22);
/// var simulation = CampaignSimulator.Simulate(design, LawPresets.Hoffmann2022Unrounded.LossLaw);
/// // simulation.Approach3.Parameters: N* spread; .RelativeWidth; .Coverage of the per-trial 95% intervals
/// </code></example>
/// </remarks>
public static class CampaignSimulator
{
    // Resamples of the trials for the Monte Carlo error of the spread's width.
    private const int WidthResamples = 200;

    /// <summary>Simulates <paramref name="design"/> under <paramref name="truth"/> at the design's target.</summary>
    public static CampaignSimulation Simulate(
        CampaignDesign design, LossLaw truth, SimulationOptions? options = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(design);
        return Simulate(design.Runs, design.TargetFlops, truth, options, progress, cancellationToken);
    }

    /// <summary>Simulates the campaign <paramref name="runs"/> under <paramref name="truth"/>, judging N* at <paramref name="targetFlops"/>.</summary>
    /// <param name="runs">The design (sizes and tokens; at least 5 runs).</param>
    /// <param name="targetFlops">The budget where N* is wanted.</param>
    /// <param name="truth">The law the losses come from.</param>
    /// <param name="options">Noise, trials, seed, fits; null for the defaults.</param>
    /// <param name="progress">Receives the number of finished trials, from worker threads.</param>
    /// <param name="cancellationToken">Stops the simulation.</param>
    public static CampaignSimulation Simulate(
        IReadOnlyList<PlannedRun> runs,
        double targetFlops,
        LossLaw truth,
        SimulationOptions? options = null,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(truth);
        Require.PositiveFinite(targetFlops, nameof(targetFlops));
        options ??= new SimulationOptions();
        if (runs.Count < FittableRuns.MinimumRuns)
        {
            throw new ArgumentException($"runs: a campaign of {runs.Count} runs cannot be fitted; design at least {FittableRuns.MinimumRuns}.", nameof(runs));
        }

        var frontier = ComputeOptimalFrontier.Create(truth);
        var trueOptimum = Centred(frontier, options.Centre, targetFlops);

        // ln(N*_centre(C) / N*_law(C)): how far the plan's optimum sits from the law's along each budget's line (0 without a centre).
        double CentreShift(double flops) => options.Centre is { } centre
            ? Math.Log(centre.Optimum(flops).Parameters / frontier.Optimum(flops).Parameters)
            : 0;
        var fitOptions = FitOptionsFor(truth, options);
        var three = new SimulatedTrial[options.Trials];
        var two = new SimulatedTrial[options.Trials];
        var calibrated = new SimulatedTrial[options.Trials];
        double largestLogBudget = runs.Max(r => Math.Log(r.BudgetFlops));
        int done = 0;
        Parallel.For(
            0,
            options.Trials,
            new ParallelOptions
            {
                MaxDegreeOfParallelism = options.MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : options.MaxDegreeOfParallelism,
                CancellationToken = cancellationToken,
            },
            trial =>
            {
                // Under misspecification this trial's optimum strays from the centre (the law's, or the plan's) by δ(C); its
                // estimates are judged against its own truth, rescaled to the centre's N* at the target.
                var (slope, curvature) = options.Misspecification?.Draw(options.Seed, trial) ?? (0, 0);
                double Drift(double flops)
                {
                    double u = Math.Log(flops) - largestLogBudget;
                    return (slope * u) + (curvature * u * u);
                }

                double Shift(double flops) => CentreShift(flops) + Drift(flops);
                double toLaw = options.Misspecification is null ? 1 : Math.Exp(-Drift(targetFlops));
                bool moved = options.Misspecification is not null || options.Centre is not null;
                var data = Draw(runs, truth, options.Noise, options.Seed, trial, moved ? Shift : null);
                three[trial] = FitApproach3(data, targetFlops, fitOptions, options, trial).Scaled(toLaw);
                two[trial] = options.Approach2 ? FitApproach2(data, targetFlops, options, trial).Scaled(toLaw) : SimulatedTrial.Failed;
                calibrated[trial] = options.Calibration is { } calibration ? FitCalibrated(data, targetFlops, calibration).Scaled(toLaw) : SimulatedTrial.Failed;
                progress?.Report(Interlocked.Increment(ref done));
            });

        var approach3 = Summarise("approach 3", three, trueOptimum.Parameters, options, withLoss: true);
        var approach2 = options.Approach2 ? Summarise("approach 2", two, trueOptimum.Parameters, options, withLoss: false) : null;
        return new CampaignSimulation(runs, targetFlops, truth, options, trueOptimum, approach3, approach2)
        {
            Calibrated = options.Calibration is null ? null : Summarise("drift (calibrated)", calibrated, trueOptimum.Parameters, options, withLoss: false),
        };
    }

    // The truth's optimum at the target: the law's, or, with a centre, the centre's N* on the law's valley moved there
    // (whose lowest loss is the law's: moving a valley along its line keeps its depth).
    private static LossOptimum Centred(ComputeOptimalFrontier frontier, Allocation.IComputeAllocator? centre, double flops)
    {
        var own = frontier.Optimum(flops);
        if (centre is null)
        {
            return own;
        }

        var at = centre.Optimum(flops);
        return new LossOptimum(flops, at.Parameters, at.Tokens, own.Loss, at.ExponentA, at.ExponentB);
    }

    // The calibrated drift forecast of one trial, with its interval (the extrapolation's own level, 95%).
    private static SimulatedTrial FitCalibrated(IReadOnlyList<TrainingRun> data, double targetFlops, Fitting.Extrapolation.ExtrapolationCalibration calibration)
    {
        try
        {
            var at = Fitting.Extrapolation.Extrapolator.Fit(data, new Fitting.Extrapolation.ExtrapolationOptions { Calibration = calibration, BacktestLoss = false }).At(targetFlops);
            return new SimulatedTrial(at.Parameters, at.ParametersLower, at.ParametersUpper, double.NaN);
        }
        catch (UnusableRunsException)
        {
            // Too few budgets with an IsoFLOP vertex in this trial: a failed campaign for this method.
            return SimulatedTrial.Failed;
        }
    }

    /// <summary>
    /// The losses of trial <paramref name="trial"/>: L(N, D) of <paramref name="truth"/> times the noise factor, one
    /// draw per run in design order from stream (seed, trial).
    /// </summary>
    public static IReadOnlyList<TrainingRun> Draw(IReadOnlyList<PlannedRun> runs, LossLaw truth, LossNoise noise, Seed seed, long trial) =>
        Draw(runs, truth, noise, seed, trial, null);

    /// <summary>
    /// As <see cref="Draw(IReadOnlyList{PlannedRun}, LossLaw, LossNoise, Seed, long)"/>, with each budget's IsoFLOP valley
    /// moved by <paramref name="logShift"/>(C) in ln N: the loss of (N, D) is the law's at (N·e^−δ, D·e^δ), on the same
    /// line 6·N·D = C, so the minimum sits at N*_law(C)·e^δ.
    /// </summary>
    public static IReadOnlyList<TrainingRun> Draw(IReadOnlyList<PlannedRun> runs, LossLaw truth, LossNoise noise, Seed seed, long trial, Func<double, double>? logShift)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(noise);
        var random = seed.Random(trial);
        var drawn = new TrainingRun[runs.Count];
        for (int i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            double shift = logShift is null ? 1 : Math.Exp(logShift(run.BudgetFlops));
            double loss = truth.Loss(run.Parameters / shift, run.Tokens * shift);
            drawn[i] = TrainingRun.Create(run.Parameters, run.Tokens, loss * noise.Factor(ref random), budgetFlops: run.BudgetFlops);
        }

        return drawn;
    }

    /// <summary>
    /// Fits trial <paramref name="trial"/> twice, from the warm start and from the paper's full 4,500-point grid, and
    /// returns both N* at the target and both objectives: the evidence that the warm start finds the grid's optimum.
    /// </summary>
    public static WarmStartCheck CheckWarmStart(IReadOnlyList<PlannedRun> runs, double targetFlops, LossLaw truth, SimulationOptions options, long trial)
    {
        ArgumentNullException.ThrowIfNull(options);
        var data = Draw(runs, truth, options.Noise, options.Seed, trial);
        var warm = ParametricFit.Fit(data, FitOptionsFor(truth, options with { WarmStart = true }));
        var full = ParametricFit.Fit(data, options.FitOptions with { Grid = InitialGrid.Hoffmann2022 });
        return new WarmStartCheck(
            warm.Objective,
            full.Objective,
            ComputeOptimalFrontier.Create(warm.Law).Optimum(targetFlops).Parameters,
            ComputeOptimalFrontier.Create(full.Law).Optimum(targetFlops).Parameters);
    }

    private static ParametricFitOptions FitOptionsFor(LossLaw truth, SimulationOptions options) => options.FitOptions with
    {
        Grid = options.WarmStart
            ? InitialGrid.Create([truth.Alpha], [truth.Beta], [Math.Log(truth.E)], [Math.Log(truth.A)], [Math.Log(truth.B)])
            : options.FitOptions.Grid,
        MaxDegreeOfParallelism = 1,
    };

    private static SimulatedTrial FitApproach3(IReadOnlyList<TrainingRun> data, double targetFlops, ParametricFitOptions fitOptions, SimulationOptions options, int trial)
    {
        try
        {
            var fit = ParametricFit.Fit(data, fitOptions);
            var optimum = ComputeOptimalFrontier.Create(fit.Law).Optimum(targetFlops);
            if (options.Resamples == 0)
            {
                return new SimulatedTrial(optimum.Parameters, double.NaN, double.NaN, optimum.Loss);
            }

            var boot = ParametricBootstrap.Run(
                fit,
                new BootstrapOptions { Resamples = options.Resamples, Seed = TrialSeed(options.Seed, trial), Level = options.Level, MaxDegreeOfParallelism = 1 },
                fitOptions);
            var laws = boot.ResampledLaws();
            if (laws.Count < 2)
            {
                return new SimulatedTrial(optimum.Parameters, double.NaN, double.NaN, optimum.Loss);
            }

            var interval = OptimumIntervals.At(fit.Law, laws, targetFlops, options.Level).Parameters;
            return new SimulatedTrial(optimum.Parameters, interval.Lower, interval.Upper, optimum.Loss);
        }
        catch (ScalingException)
        {
            // The noise left the runs unable to identify a valid law (α or β ≤ 0, a degenerate frontier): a failed campaign.
            return SimulatedTrial.Failed;
        }
    }

    private static SimulatedTrial FitApproach2(IReadOnlyList<TrainingRun> data, double targetFlops, SimulationOptions options, int trial)
    {
        try
        {
            var fit = IsoFlopFitter.Fit(data, new IsoFlopFitOptions { Resamples = options.Resamples, Seed = TrialSeed(options.Seed, trial).Value & int.MaxValue, Level = options.Level });
            double parameters = fit.Frontier.Optimum(targetFlops).Parameters;
            var interval = fit.Bootstrap?.At(targetFlops).Parameters;
            return new SimulatedTrial(parameters, interval?.Lower ?? double.NaN, interval?.Upper ?? double.NaN, double.NaN);
        }
        catch (ScalingException)
        {
            // Fewer than three IsoFLOP groups with a parabola that opens upward: a failed campaign.
            return SimulatedTrial.Failed;
        }
    }

    private static Seed TrialSeed(Seed seed, int trial) => unchecked((seed.Value * 1_000_003L) + trial);

    private static SimulatedEstimates Summarise(string approach, SimulatedTrial[] trials, double truth, SimulationOptions options, bool withLoss)
    {
        var succeeded = trials.Where(t => t.Succeeded).ToArray();
        if (succeeded.Length < 2)
        {
            throw new UnusableRunsException(
                "campaigns",
                succeeded.Length,
                "at least 2",
                $"only {succeeded.Length} of {trials.Length} simulated campaigns could be fitted with {approach}; the design cannot identify the law - add budgets or sizes.");
        }

        double[] estimates = succeeded.Select(t => t.Parameters).ToArray();
        var spread = Interval.FromSamples(Median(estimates), estimates, options.Level);
        var withIntervals = succeeded.Where(t => double.IsFinite(t.Lower)).ToArray();
        double[] losses = succeeded.Select(t => t.Loss).Where(double.IsFinite).ToArray();
        return new SimulatedEstimates
        {
            Approach = approach,
            Trials = trials,
            TrueParameters = truth,
            Parameters = spread,
            RelativeWidthStandardError = WidthStandardError(estimates, options) / truth,
            Coverage = withIntervals.Length == 0 ? null : withIntervals.Count(t => t.Covers(truth)) / (double)withIntervals.Length,
            MedianTrialRelativeWidth = withIntervals.Length == 0 ? null : Median(withIntervals.Select(t => (t.Upper - t.Lower) / truth).ToArray()),
            Loss = withLoss && losses.Length >= 2 ? Interval.FromSamples(Median(losses), losses, options.Level) : null,
        };
    }

    // The standard deviation of the spread's width over bootstrap resamples of the trials.
    private static double WidthStandardError(double[] estimates, SimulationOptions options)
    {
        var random = options.Seed.Random(-1);
        var widths = new double[WidthResamples];
        var resample = new double[estimates.Length];
        for (int k = 0; k < WidthResamples; k++)
        {
            for (int i = 0; i < resample.Length; i++)
            {
                resample[i] = estimates[random.NextInt(estimates.Length)];
            }

            var interval = Interval.FromSamples(0, resample, options.Level);
            widths[k] = interval.Upper - interval.Lower;
        }

        double mean = widths.Average();
        return Math.Sqrt(widths.Sum(w => (w - mean) * (w - mean)) / (WidthResamples - 1));
    }

    private static double Median(double[] values)
    {
        double[] sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }
}
