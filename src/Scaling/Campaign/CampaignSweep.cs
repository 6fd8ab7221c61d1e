using Scaling.Allocation;
using Scaling.Laws;

namespace Scaling.Campaign;

/// <summary>
/// How the precision of N* at a target grows with the campaign's compute: the same design rule at several campaign
/// budgets, each simulated under the same law and seed (common random numbers make neighbours comparable).
/// </summary>
/// <remarks>
/// <example><code>
/// var points = CampaignSweep.Run(LawPresets.Hoffmann2022Unrounded.LossLaw, 1e24, [1e21, 4.1e22, 1e23]);
/// // points[i].RelativeWidth: the 95% spread of N* at 1e24 over simulated campaigns, relative to the true N*
/// </code></example>
/// </remarks>
public static class CampaignSweep
{
    /// <summary>Simulates the design at each of <paramref name="campaignFlops"/> (smallest first in the result).</summary>
    public static IReadOnlyList<CampaignSweepPoint> Run(
        LossLaw truth, double targetFlops, IEnumerable<double> campaignFlops, CampaignOptions? design = null, SimulationOptions? simulation = null)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(campaignFlops);
        simulation ??= new SimulationOptions { Resamples = 0, Approach2 = false };
        var frontier = ComputeOptimalFrontier.Create(truth);
        return campaignFlops.Order().Select(c =>
        {
            var plan = CampaignDesigner.Design(frontier, targetFlops, c, design);
            var estimates = CampaignSimulator.Simulate(plan, truth, simulation).Approach3;
            return new CampaignSweepPoint(c, plan.TotalFlops, plan.LargestBudgetFlops, estimates.RelativeWidth, estimates.RelativeWidthStandardError, estimates.Coverage);
        }).ToArray();
    }
}
