using Scaling.Allocation;
using Scaling.Laws;

namespace Scaling.Campaign;

/// <summary>
/// The outcome of <see cref="CampaignSimulator"/>: the truth, and how each approach recovers it. Under a
/// <see cref="SimulationOptions.Misspecification"/> each trial has its own true N*; the estimates are reported relative
/// to it, scaled to <see cref="TrueOptimum"/> (the law's) so that spreads and coverage read on one scale.
/// </summary>
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
    /// <summary>The calibrated drift forecast over the trials, when <see cref="SimulationOptions.Calibration"/> was set.</summary>
    public SimulatedEstimates? Calibrated { get; init; }

    /// <summary>Σ 6·N·D over the simulated runs.</summary>
    public double TotalFlops => Runs.Sum(r => r.Flops);
}
