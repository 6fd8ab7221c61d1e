namespace Scaling.Campaign;

/// <summary>
/// One simulated campaign fitted from the warm start and from the paper's full grid (<see cref="CampaignSimulator.CheckWarmStart"/>).
/// </summary>
/// <param name="WarmObjective">The objective the warm start reached.</param>
/// <param name="GridObjective">The objective the 4,500-point grid reached.</param>
/// <param name="WarmParameters">N* at the target from the warm-start fit.</param>
/// <param name="GridParameters">N* at the target from the grid fit.</param>
public sealed record WarmStartCheck(double WarmObjective, double GridObjective, double WarmParameters, double GridParameters)
{
    /// <summary>(warm − grid) / grid objective: ≤ 0 when the warm start is as good as the grid or better.</summary>
    public double RelativeObjectiveGap => (WarmObjective - GridObjective) / GridObjective;

    /// <summary>|warm N* / grid N* − 1|.</summary>
    public double RelativeParametersDifference => Math.Abs((WarmParameters / GridParameters) - 1);
}
