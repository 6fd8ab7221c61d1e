namespace Scaling.Campaign;

/// <summary>
/// An IsoFLOP campaign ready to train: the budgets, every run (size and tokens), and their total compute, which never
/// exceeds <see cref="CampaignFlops"/>.
/// </summary>
/// <param name="TargetFlops">The budget of the big run the campaign prepares (where N* is wanted).</param>
/// <param name="CampaignFlops">The compute the campaign may spend in all.</param>
/// <param name="BudgetsFlops">The IsoFLOP budgets, smallest first.</param>
/// <param name="Runs">The runs, by budget and then by size.</param>
public sealed record CampaignDesign(double TargetFlops, double CampaignFlops, IReadOnlyList<double> BudgetsFlops, IReadOnlyList<PlannedRun> Runs)
{
    /// <summary>Σ 6·N·D over the runs.</summary>
    public double TotalFlops => Runs.Sum(r => r.Flops);

    /// <summary>The share of <see cref="CampaignFlops"/> the runs leave unspent.</summary>
    public double UnspentFraction => 1 - (TotalFlops / CampaignFlops);

    /// <summary>The largest IsoFLOP budget.</summary>
    public double LargestBudgetFlops => BudgetsFlops[^1];

    /// <summary>
    /// How far beyond its largest budget a campaign may extrapolate before the plan warns: 1,000× (three decades).
    /// Chinchilla extrapolated 192× (IsoFLOP budgets up to 3e21, the target 5.76e23; Hoffmann et al. 2022, §3.2 and
    /// Table 3); three decades is past anything published, where the fitted exponent's error grows into a factor on N*.
    /// </summary>
    public const double FarExtrapolationFactor = 1000;

    /// <summary>How far the target lies beyond the largest budget: target / largest budget.</summary>
    public double ExtrapolationFactor => TargetFlops / LargestBudgetFlops;

    /// <summary>Whether the target lies more than <see cref="FarExtrapolationFactor"/> beyond the largest budget.</summary>
    public bool ExtrapolatesFar => ExtrapolationFactor > FarExtrapolationFactor;
}
