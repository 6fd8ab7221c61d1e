namespace Scaling.Campaign;

/// <summary>
/// The shape of an IsoFLOP campaign (<see cref="CampaignDesigner"/>): how many budgets, how many model sizes per budget,
/// how widely the sizes spread around each budget's predicted optimum, and how the budgets are spaced.
/// </summary>
/// <remarks>Example: <c>new CampaignOptions { Budgets = 9, SizesPerBudget = 8 }</c> is Chinchilla's shape.</remarks>
public sealed record CampaignOptions
{
    /// <summary>
    /// Hoffmann et al. 2022, §3.2: the largest IsoFLOP budget (3e21) is 500 times the smallest (6e18).
    /// </summary>
    public const double Hoffmann2022BudgetSpanFactor = 3e21 / 6e18;

    /// <summary>The number of IsoFLOP budgets (Hoffmann et al. 2022 used 9). At least 1.</summary>
    public int Budgets
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Budgets), value, "Budgets must be at least 1, e.g. 9.");
    } = 9;

    /// <summary>Model sizes per budget (Epoch's digitisation of Chinchilla's IsoFLOP runs has 8 to 24). At least 1.</summary>
    public int SizesPerBudget
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(SizesPerBudget), value, "SizesPerBudget must be at least 1, e.g. 8.");
    } = 8;

    /// <summary>
    /// Half-width of the sizes around each budget's predicted optimum N*(C), in decades of N: sizes run from
    /// N*·10^(−span) to N*·10^(+span), evenly in log N, so the optimum sits in the middle (sampling off centre biases an
    /// IsoFLOP parabola's vertex: Czech et al. 2026, arXiv 2603.22339). In (0, 3]; default 0.75.
    /// </summary>
    public double SpanDecades
    {
        get;
        init => field = double.IsFinite(value) && value > 0 && value <= 3 ? value : throw new ArgumentOutOfRangeException(nameof(SpanDecades), value, "SpanDecades must lie in (0, 3], e.g. 0.75.");
    } = 0.75;

    /// <summary>How the budgets are spaced; default the 1-3-6 ladder.</summary>
    public BudgetSpacing Spacing { get; init; } = BudgetSpacing.Ladder;

    /// <summary>For <see cref="BudgetSpacing.Even"/>: the largest budget over the smallest (default 500, Chinchilla's). At least 1.</summary>
    public double BudgetSpanFactor
    {
        get;
        init => field = double.IsFinite(value) && value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(BudgetSpanFactor), value, "BudgetSpanFactor must be at least 1, e.g. 500.");
    } = Hoffmann2022BudgetSpanFactor;
}
