namespace Scaling.Campaign;

/// <summary>
/// One run <see cref="NextRunAdvisor"/> proposes, in the order chosen, with the N* interval width expected once it and
/// the runs before it are trained.
/// </summary>
/// <param name="Run">Budget, size and tokens.</param>
/// <param name="ExpectedRelativeWidth">The expected 95% width of N* at the target, relative to N*, after this run.</param>
/// <param name="ShrinkFactor">This run's own factor on the width (&lt; 1: narrower).</param>
public sealed record ProposedRun(PlannedRun Run, double ExpectedRelativeWidth, double ShrinkFactor);
