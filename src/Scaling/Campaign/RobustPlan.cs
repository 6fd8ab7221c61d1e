namespace Scaling.Campaign;

/// <summary>
/// The model size chosen under uncertainty about the law (<see cref="RobustPlanner"/>), against the point plan of the
/// fitted law alone.
/// </summary>
/// <param name="Flops">The budget C.</param>
/// <param name="Quantile">Null for the expected loss; otherwise the quantile q of the loss that was minimised.</param>
/// <param name="Parameters">The robust N.</param>
/// <param name="Tokens">D = C/(6N).</param>
/// <param name="Loss">The criterion at the robust N: the mean (or q-quantile) of the laws' predicted losses.</param>
/// <param name="PointParameters">The fitted law's own optimum N* (the point plan).</param>
/// <param name="PointLoss">The criterion at the point plan.</param>
/// <param name="LawsOptimalParameters">Each law's own N* at C (the spread the robust choice hedges).</param>
public sealed record RobustPlan(
    double Flops,
    double? Quantile,
    double Parameters,
    double Tokens,
    double Loss,
    double PointParameters,
    double PointLoss,
    IReadOnlyList<double> LawsOptimalParameters)
{
    /// <summary>PointLoss − Loss: how much the robust choice lowers the criterion (≥ 0 up to rounding).</summary>
    public double Gain => PointLoss - Loss;

    /// <summary>Robust N / point N*.</summary>
    public double ParametersRatio => Parameters / PointParameters;
}
