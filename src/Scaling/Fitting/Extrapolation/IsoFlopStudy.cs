using Scaling.Fitting.Runs;

namespace Scaling.Fitting.Extrapolation;

/// <summary>
/// One published IsoFLOP study: every run of it, grouped by budget, with where it comes from.
/// </summary>
/// <param name="Name">Short name (the file's, e.g. <c>epoch-chinchilla</c>).</param>
/// <param name="Title">What the study is, in words.</param>
/// <param name="Group">Studies of the same group share training runs (two digitisations of one figure, one sweep under two
/// FLOP counts) and are left out together when a study is held out.</param>
/// <param name="FinalLosses">True when every loss is the end of a run's own schedule matched to its budget (Hoffmann et
/// al. 2022, §3.2); false when read off longer runs (constant or mismatched learning-rate decay).</param>
/// <param name="Citation">The primary source.</param>
/// <param name="Budgets">The IsoFLOP budgets, in increasing compute.</param>
public sealed record IsoFlopStudy(string Name, string Title, string Group, bool FinalLosses, string Citation, IReadOnlyList<IsoFlopBudget> Budgets)
{
    /// <summary>The largest budget that observes an optimum (<see cref="Backtest.ObservedOptimum"/>), or null.</summary>
    public IsoFlopBudget? LargestObserved => Budgets.LastOrDefault(b => Backtest.ObservedOptimum.Parameters(b) is not null);
}
