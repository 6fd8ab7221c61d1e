using Scaling.Fitting.Backtest;

namespace Scaling.Fitting.Extrapolation;

/// <summary>
/// One held-out study under <see cref="CorpusEvaluation.LeaveOneGroupOut"/>: the acceptance question (fitted on the
/// budgets at most a fifteenth of its largest observed one, N* asked there) and its whole rolling-origin back-test, both
/// calibrated without the study's group.
/// </summary>
/// <param name="Study">The study.</param>
/// <param name="TargetFlops">Its largest budget that observes an optimum.</param>
/// <param name="TrainMaxFlops">The largest budget at most TargetFlops × the training fraction.</param>
/// <param name="ObservedParameters">N* observed at the target.</param>
/// <param name="Prediction">The calibrated prediction there, or null when the training budgets could not support the method.</param>
/// <param name="Backtest">The study's rolling-origin back-test with the held-out calibration's quantile.</param>
public sealed record StudyEvaluation(
    IsoFlopStudy Study, double TargetFlops, double TrainMaxFlops, double ObservedParameters, ExtrapolatedOptimum? Prediction, BacktestResult Backtest)
{
    /// <summary>N̂ / N_observed − 1 (NaN without a prediction).</summary>
    public double RelativeError => Prediction is null ? double.NaN : (Prediction.Parameters / ObservedParameters) - 1;

    /// <summary>True when the prediction's interval holds the observed optimum.</summary>
    public bool Covered => Prediction is not null && ObservedParameters >= Prediction.ParametersLower && ObservedParameters <= Prediction.ParametersUpper;
}
