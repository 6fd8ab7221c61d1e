using Scaling.Allocation;
using Scaling.Laws;

namespace Scaling.Campaign;

/// <summary>The outcome of <see cref="CampaignSimulator"/>: the truth, and how each approach recovers it.</summary>
/// <param name="Runs">The simulated design.</param>
/// <param name="TargetFlops">The budget where N* is wanted.</param>
/// <param name="TrueLaw">The law the losses were drawn from.</param>
/// <param name="Options">The options used.</param>
/// <param name="TrueOptimum">The true optimum at the target.</param>
/// <param name="Approach3">Approach 3 (parametric fit) over the trials.</param>
/// <param name="Approach2">Approach 2 (IsoFLOP parabolas) over the trials, or null when not asked for.</param>
public sealed record CampaignSimulation(
    IReadOnlyList<PlannedRun> Runs,
    double TargetFlops,
    LossLaw TrueLaw,
    SimulationOptions Options,
    LossOptimum TrueOptimum,
    SimulatedEstimates Approach3,
    SimulatedEstimates? Approach2)
{
    /// <summary>Σ 6·N·D over the simulated runs.</summary>
    public double TotalFlops => Runs.Sum(r => r.Flops);
}
