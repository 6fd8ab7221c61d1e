using Scaling.Fitting.Bootstrap;
using Scaling.Laws;

namespace Scaling.Fitting.Approach2;

/// <summary>
/// The result of Approach 2 (IsoFLOP profiles, Hoffmann et al. 2022, §3.2): the groups with their parabolas, the
/// power laws N_opt = k_N·C^a and D_opt = k_D·C^b through the groups' minima, warnings, and bootstrap intervals.
/// </summary>
/// <param name="Profiles">Every IsoFLOP group, in order of compute, used or skipped.</param>
/// <param name="Frontier">The power-law fits through the used groups' minima.</param>
/// <param name="Warnings">Plain-language warnings (skipped groups, extrapolated minima, failed resamples); empty when none.</param>
/// <param name="Bootstrap">Bootstrap intervals, or null when no resamples were asked for (or too few could be refitted).</param>
public sealed record IsoFlopFitResult(
    IReadOnlyList<IsoFlopProfile> Profiles,
    AllocationFit Frontier,
    IReadOnlyList<string> Warnings,
    AllocationBootstrap? Bootstrap)
{
    /// <summary>The fitted allocation rule N_opt = k_N·C^a, D_opt = C/(6·N_opt).</summary>
    public PowerLawAllocationRule Rule => Frontier.Rule;

    /// <summary>How many groups entered the fit.</summary>
    public int GroupsUsed => Profiles.Count(p => p.IsUsed);

    /// <summary>How many runs the used groups hold.</summary>
    public int RunsUsed => Profiles.Where(p => p.IsUsed).Sum(p => p.Runs.Count);
}
