using System.Diagnostics.CodeAnalysis;
using Scaling.Fitting.Runs;
namespace Scaling.Fitting.Approach2;

/// <summary>
/// One IsoFLOP group of Approach 2 (Hoffmann et al. 2022, §3.2): runs at (about) the same compute, the parabola of
/// loss against ln N fitted to them, and the compute-optimal point read off its minimum.
/// </summary>
/// <param name="Flops">
/// The group's compute C: the declared budget when the runs carry one, else the geometric mean of their 6·N·D
/// (the mean in log space, where the power laws are fitted).
/// </param>
/// <param name="BudgetFlops">The declared budget of the group, or null when the group was formed by 6·N·D.</param>
/// <param name="Runs">The runs of the group.</param>
/// <param name="DistinctSizes">How many distinct model sizes N the group has.</param>
/// <param name="SmallestParameters">The smallest sampled N.</param>
/// <param name="LargestParameters">The largest sampled N.</param>
/// <param name="Parabola">Loss against x = ln N, or null when the group has fewer than three distinct sizes.</param>
/// <param name="OptimalParameters">N_opt = e^x* at the parabola's minimum, or null when the group is skipped.</param>
/// <param name="OptimalTokens">D_opt = C/(6·N_opt), or null when the group is skipped.</param>
/// <param name="Status">Whether the group is used, and why not.</param>
public sealed record IsoFlopProfile(
    double Flops,
    double? BudgetFlops,
    IReadOnlyList<TrainingRun> Runs,
    int DistinctSizes,
    double SmallestParameters,
    double LargestParameters,
    QuadraticFit? Parabola,
    double? OptimalParameters,
    double? OptimalTokens,
    IsoFlopProfileStatus Status)
{
    /// <summary>True when the group's optimum enters the power-law fits (then its parabola and optimum are set).</summary>
    [MemberNotNullWhen(true, nameof(Parabola), nameof(OptimalParameters), nameof(OptimalTokens))]
    public bool IsUsed =>
        Status is IsoFlopProfileStatus.Fitted or IsoFlopProfileStatus.MinimumOutsideSampledRange
        && Parabola is not null && OptimalParameters is not null && OptimalTokens is not null;

    /// <summary>The loss at the parabola's minimum, or null when the group is skipped.</summary>
    public double? MinimumLoss => IsUsed ? Parabola.MinimumValue : null;
}
