using Scaling.Fitting.Backtest;
using Scaling.Fitting.Extrapolation;

namespace Scaling.Cli.Commands.Fit;

/// <summary>
/// The calibrated forecast of N* under <c>extrapolation</c> in <c>scaling fit</c>'s JSON and fit file: what
/// <see cref="ExtrapolationJson"/> reads back for <c>scaling plan --law fit.json</c>, and the plan at <c>--flops</c>.
/// </summary>
internal sealed record ExtrapolationOutput(
    string Method,
    bool Calibrated,
    double Level,
    double Quantile,
    double CorpusQuantile,
    double OwnQuantile,
    double OwnReachDecades,
    int OwnPredictions,
    double CalibrationReachDecades,
    ForecastOutput Forecast)
{
    /// <summary>The plan at <c>--flops</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ExtrapolatedPlanOutput? At { get; init; }

    public static ExtrapolationOutput From(CalibratedExtrapolation e) =>
        new(
            e.Forecast.Method.Name(),
            e.Calibrated,
            e.Level,
            e.Quantile,
            e.CorpusQuantile,
            e.OwnQuantile,
            e.OwnReachDecades,
            e.OwnPredictions,
            e.CalibrationReachDecades,
            new ForecastOutput(
                e.Forecast.OriginLogFlops,
                e.Forecast.LargestBudgetFlops,
                e.Forecast.Coefficients,
                e.Forecast.Covariance,
                e.Forecast.NoiseVariance,
                e.Forecast.ExponentAt(e.Forecast.LargestBudgetFlops)));
}

/// <summary>ln N* = Σ c_k·(ln C − originLogFlops)^k with the coefficients' covariance (row by row) and the vertex noise σ².</summary>
internal sealed record ForecastOutput(
    double OriginLogFlops, double LargestBudgetFlops, IReadOnlyList<double> Coefficients, IReadOnlyList<double> Covariance, double NoiseVariance, double ExponentAtLargestBudget);

/// <summary>An estimate with its lower and upper end.</summary>
internal sealed record EstimateRangeOutput(double Estimate, double Lower, double Upper);

/// <summary>N*, D* with their calibrated intervals at a budget, how far it lies beyond the runs, and the warnings.</summary>
internal sealed record ExtrapolatedPlanOutput(
    double Flops, EstimateRangeOutput Parameters, EstimateRangeOutput Tokens, double Decades, double BudgetRatio, double WidthRatio, IReadOnlyList<string> Warnings)
{
    /// <summary>The fitted loss law's loss at (N̂, D̂), when the fit has one.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? Loss { get; init; }

    public static ExtrapolatedPlanOutput From(ExtrapolatedOptimum at) =>
        new(
            at.Flops,
            new EstimateRangeOutput(at.Parameters, at.ParametersLower, at.ParametersUpper),
            new EstimateRangeOutput(at.Tokens, at.TokensLower, at.TokensUpper),
            at.Decades,
            at.BudgetRatio,
            at.WidthRatio,
            at.Warnings);
}

/// <summary>One back-test prediction (issue 23's contract, plus whether the interval held the observed optimum).</summary>
internal sealed record BacktestRowOutput(
    double TrainMaxFlops, double TargetFlops, double Decades, double ObservedParameters, EstimateRangeOutput Parameters, double? LossMape, bool Covered)
{
    public static BacktestRowOutput From(BacktestRow r) =>
        new(r.TrainMaxFlops, r.TargetFlops, r.Decades, r.ObservedParameters, new EstimateRangeOutput(r.EstimatedParameters, r.Lower, r.Upper), r.LossMape, r.Covered);
}

/// <summary>One method's back-test on the runs, summarised (<c>--compare</c>).</summary>
internal sealed record MethodBacktestOutput(string Method, bool Calibrated, int Predictions, double? RmsLogError, double? RmsLogErrorBeyondOneDecade, double? Coverage, double ReachDecades)
{
    /// <summary>Why the method could not back-test, when it could not.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Skipped { get; init; }
}
