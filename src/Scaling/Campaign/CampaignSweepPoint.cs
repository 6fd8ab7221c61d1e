namespace Scaling.Campaign;

/// <summary>One campaign size of a <see cref="CampaignSweep"/>: the design's compute and the precision it buys.</summary>
/// <param name="CampaignFlops">The compute the campaign may spend.</param>
/// <param name="TotalFlops">What its runs spend.</param>
/// <param name="LargestBudgetFlops">Its largest IsoFLOP budget.</param>
/// <param name="RelativeWidth">The 95% spread of N* at the target over the simulated campaigns, relative to the true N* (Approach 3).</param>
/// <param name="RelativeWidthStandardError">Monte Carlo standard error of <see cref="RelativeWidth"/>.</param>
/// <param name="Coverage">The share of campaigns whose own bootstrap interval covered the true N*, or null without resamples.</param>
public sealed record CampaignSweepPoint(double CampaignFlops, double TotalFlops, double LargestBudgetFlops, double RelativeWidth, double RelativeWidthStandardError, double? Coverage);
