namespace Scaling.Fitting.Extrapolation;

/// <summary>
/// The honest out-of-sample measure of the extrapolation: every study is predicted with a calibration computed without
/// its group (<see cref="ExtrapolationCalibration.Compute"/> on the rest), so nothing learnt from a study helps predict
/// it.
/// </summary>
/// <example><code>
/// foreach (var e in CorpusEvaluation.LeaveOneGroupOut(IsoFlopCorpus.Calibration, IsoFlopCorpus.Calibration))
///     Console.WriteLine($"{e.Study.Name}: {e.RelativeError:P0}, covered {e.Covered}");
/// </code></example>
public static class CorpusEvaluation
{
    /// <summary>The acceptance protocol's training fraction: budgets at most 1/15 of the target.</summary>
    public const double DefaultTrainingFraction = 1.0 / 15;

    /// <summary>
    /// Evaluates each of <paramref name="studies"/> with a calibration from <paramref name="corpus"/> less the study's
    /// group.
    /// </summary>
    /// <param name="studies">The studies to predict (may include ones outside the corpus).</param>
    /// <param name="corpus">The studies to calibrate on.</param>
    /// <param name="method">The estimator (default drift).</param>
    /// <param name="trainingFraction">Train on budgets at most this fraction of the target (default 1/15).</param>
    /// <param name="options">Seed and resamples of the law-based estimators; its calibration is replaced.</param>
    public static IReadOnlyList<StudyEvaluation> LeaveOneGroupOut(
        IReadOnlyList<IsoFlopStudy> studies,
        IReadOnlyList<IsoFlopStudy> corpus,
        ExtrapolationMethod method = ExtrapolationMethod.Drift,
        double trainingFraction = DefaultTrainingFraction,
        ExtrapolationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(studies);
        ArgumentNullException.ThrowIfNull(corpus);
        Require.Fraction(trainingFraction, nameof(trainingFraction));
        options ??= new ExtrapolationOptions();
        var calibrations = new Dictionary<string, ExtrapolationCalibration>(StringComparer.Ordinal);
        var evaluations = new List<StudyEvaluation>();
        foreach (var study in studies)
        {
            if (study.LargestObserved is not { } target || Backtest.ObservedOptimum.Parameters(target) is not { } observedParameters)
            {
                continue;
            }

            if (!calibrations.TryGetValue(study.Group, out var calibration))
            {
                calibration = ExtrapolationCalibration.Compute(corpus.Where(s => s.Group != study.Group).ToArray(), options.Calibration.Level);
                calibrations[study.Group] = calibration;
            }

            var held = options with { Calibration = calibration };
            var training = study.Budgets.Where(b => b.Flops <= target.Flops * trainingFraction * (1 + 1e-9)).ToArray();
            ExtrapolatedOptimum? prediction = null;
            try
            {
                prediction = training.Length == 0 ? null : Extrapolator.Fit(training, method, held).At(target.Flops);
            }
            catch (UnusableRunsException)
            {
                // Too few budgets below the target: the study is reported without a prediction.
            }

            var estimator = calibration.Estimator(method, options.Seed, options.Resamples);
            var quantile = calibration.QuantileFor(method) ?? CalibratedExtrapolation.GaussianQuantile;
            evaluations.Add(new StudyEvaluation(
                study,
                target.Flops,
                training.Length == 0 ? double.NaN : training[^1].Flops,
                observedParameters,
                prediction,
                Backtest.Backtester.Run(study.Budgets, estimator, quantile, lossMape: false)));
        }

        return evaluations;
    }
}
