namespace Scaling.Campaign;

/// <summary>How a campaign's IsoFLOP budgets are spaced below its largest budget.</summary>
public enum BudgetSpacing
{
    /// <summary>
    /// The 1-3-6 ladder of Chinchilla's design (Hoffmann et al. 2022, §3.2 and Figure 3: 6e18, 1e19, 3e19, 6e19, 1e20,
    /// 3e20, 6e20, 1e21, 3e21): every budget is 1, 3 or 6 times a power of ten, and the largest is the highest rung whose
    /// ladder fits the campaign's compute. Leaves part of the campaign unspent (at most the step to the next rung).
    /// </summary>
    Ladder,

    /// <summary>
    /// Budgets evenly spaced in log C with a fixed ratio between the largest and the smallest
    /// (<see cref="CampaignOptions.BudgetSpanFactor"/>), scaled so that the runs spend the campaign's compute exactly.
    /// </summary>
    Even,
}
