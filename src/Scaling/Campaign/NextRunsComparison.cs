namespace Scaling.Campaign;

/// <summary>
/// The proposed runs against the "double the largest budget" rule (kyo-takano/chinchilla's loop), by simulation under
/// the fitted law: the spread of N* at the target (central 95% of the trials, relative to the true N*) with the runs so
/// far, with the proposals added, and with as many runs at twice the largest budget, centred on its optimum.
/// </summary>
/// <param name="Trials">Simulated campaigns per design.</param>
/// <param name="CurrentRelativeWidth">The runs so far.</param>
/// <param name="ProposedRelativeWidth">The runs so far and the proposals.</param>
/// <param name="DoublingRelativeWidth">The runs so far and k runs at twice the largest budget.</param>
/// <param name="StandardError">The largest Monte Carlo standard error of the three widths.</param>
/// <param name="ProposedFlops">The proposals' compute.</param>
/// <param name="DoublingFlops">The doubling runs' compute.</param>
/// <param name="DoublingRuns">The doubling runs.</param>
public sealed record NextRunsComparison(
    int Trials,
    double CurrentRelativeWidth,
    double ProposedRelativeWidth,
    double DoublingRelativeWidth,
    double StandardError,
    double ProposedFlops,
    double DoublingFlops,
    IReadOnlyList<PlannedRun> DoublingRuns);
