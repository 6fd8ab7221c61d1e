using Scaling.Fitting;
using Scaling.Fitting.Approach3;

namespace Scaling.Campaign;

/// <summary>Options of <see cref="NextRunAdvisor"/>.</summary>
/// <remarks>Example: <c>new NextRunsOptions { Runs = 4, Seed = 7 }</c>.</remarks>
public sealed record NextRunsOptions
{
    /// <summary>How many runs to propose (default 4). At least 1.</summary>
    public int Runs
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Runs), value, "Runs must be at least 1, e.g. 4.");
    } = 4;

    /// <summary>Bootstrap resamples for the current uncertainty of the law (default 200). At least 10.</summary>
    public int Resamples
    {
        get;
        init => field = value >= 10 ? value : throw new ArgumentOutOfRangeException(nameof(Resamples), value, "Resamples must be at least 10, e.g. 200.");
    } = 200;

    /// <summary>Seed of the bootstrap and of the comparison by simulation.</summary>
    public Seed Seed { get; init; }

    /// <summary>Candidate budgets reach up to this times the largest budget so far (default 2, the "double it" rule's reach). At least 1.</summary>
    public double MaxBudgetFactor
    {
        get;
        init => field = double.IsFinite(value) && value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxBudgetFactor), value, "MaxBudgetFactor must be at least 1, e.g. 2.");
    } = 2;

    /// <summary>Candidate sizes per budget, evenly in log N within ±<see cref="SpanDecades"/> of the fitted optimum (default 9).</summary>
    public int SizesPerBudget
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(SizesPerBudget), value, "SizesPerBudget must be at least 1, e.g. 9.");
    } = 9;

    /// <summary>Half-width of the candidate sizes around the fitted optimum, in decades (default 0.75).</summary>
    public double SpanDecades
    {
        get;
        init => field = double.IsFinite(value) && value > 0 && value <= 3 ? value : throw new ArgumentOutOfRangeException(nameof(SpanDecades), value, "SpanDecades must lie in (0, 3].");
    } = 0.75;

    /// <summary>Simulated campaigns for the comparison with doubling the largest budget (default 200; 0 skips it).</summary>
    public int Trials
    {
        get;
        init => field = value is 0 or >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(Trials), value, "Trials must be 0 or at least 2, e.g. 200.");
    } = 200;

    /// <summary>Options of the fit to the runs so far (default: the paper's protocol).</summary>
    public ParametricFitOptions FitOptions { get; init; } = new();
}
