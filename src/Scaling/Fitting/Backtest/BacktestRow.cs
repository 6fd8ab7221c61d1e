namespace Scaling.Fitting.Backtest;

/// <summary>
/// One prediction of a back-test: fitted on the budgets up to <see cref="TrainMaxFlops"/>, N* forecast at
/// <see cref="TargetFlops"/> and compared with the optimum observed there (<see cref="ObservedOptimum"/>).
/// </summary>
/// <param name="TrainMaxFlops">The largest budget the fit saw, in FLOPs.</param>
/// <param name="TargetFlops">The budget predicted, in FLOPs (always larger).</param>
/// <param name="ObservedParameters">N* observed at the target: the vertex of a parabola in ln N through its runs.</param>
/// <param name="EstimatedParameters">The forecast N̂.</param>
/// <param name="Lower">Lower end of the interval N̂·e^(−q·s).</param>
/// <param name="Upper">Upper end N̂·e^(q·s).</param>
/// <param name="Scale">The forecast's scale s at the target, in ln N.</param>
/// <param name="LossMape">Mean |L̂ − L|/L over the target's runs, of the loss law fitted on the same budgets; null without one.</param>
/// <param name="TrainingRuns">How many runs the fit saw.</param>
public sealed record BacktestRow(
    double TrainMaxFlops,
    double TargetFlops,
    double ObservedParameters,
    double EstimatedParameters,
    double Lower,
    double Upper,
    double Scale,
    double? LossMape,
    int TrainingRuns)
{
    /// <summary>Extrapolation distance: log₁₀(target / largest training budget).</summary>
    public double Decades => Math.Log10(TargetFlops / TrainMaxFlops);

    /// <summary>ln(N_observed / N̂): positive when the forecast was too small.</summary>
    public double LogError => Math.Log(ObservedParameters / EstimatedParameters);

    /// <summary>|ln(N_observed / N̂)| / s: the normalised score the calibration takes quantiles of.</summary>
    public double Score => Math.Abs(LogError) / Scale;

    /// <summary>True when the interval holds the observed optimum.</summary>
    public bool Covered => ObservedParameters >= Lower && ObservedParameters <= Upper;
}
