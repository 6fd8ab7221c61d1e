using Scaling.Allocation;
using Scaling.Text;

namespace Scaling.Campaign;

/// <summary>
/// Designs an IsoFLOP campaign under a compute budget: budgets spaced below the campaign's compute (the 1-3-6 ladder of
/// Chinchilla by default), at each budget C model sizes evenly spaced in log N and centred on the predicted optimum
/// N*(C), and D = ⌊C/(6N)⌋ tokens for each, so the runs' total compute never exceeds the campaign's.
/// </summary>
/// <remarks>
/// Chinchilla's nine budgets with 8 sizes each spend 8 × 5.106e21 = 4.08e22 FLOPs; from a campaign of 4.1e22 FLOPs the
/// ladder rule gives back exactly 6e18 … 3e21 (Hoffmann et al. 2022, §3.2, Figure 3).
/// <example><code>
/// var design = CampaignDesigner.Design(LawPresets.Besiroglu2024.Allocator(), targetFlops: 1e24, campaignFlops: 4.1e22);
/// // design.BudgetsFlops = [6e18, 1e19, …, 3e21]; design.Runs.Count = 72; design.TotalFlops ≤ 4.1e22
/// </code></example>
/// </remarks>
public static class CampaignDesigner
{
    /// <summary>
    /// The <see cref="ScalingException.Quantity"/> of an <see cref="InfeasiblePlanException"/> for a campaign too small to
    /// split into its budgets; a run too small for one token names <c>tokens</c> (<see cref="PlannedRun.Create"/>).
    /// </summary>
    public const string CampaignFlopsQuantity = "campaignFlops";

    /// <summary>The campaign for <paramref name="targetFlops"/> spending at most <paramref name="campaignFlops"/>.</summary>
    /// <param name="allocator">Predicts N*(C) at each budget (a loss law's frontier, or an allocation rule).</param>
    /// <param name="targetFlops">The budget of the big run.</param>
    /// <param name="campaignFlops">The compute the campaign may spend in all.</param>
    /// <param name="options">Budgets, sizes per budget, span and spacing; null for Chinchilla's shape (9 × 8).</param>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive budget.</exception>
    /// <exception cref="InfeasiblePlanException">The campaign is so small that its budgets would round to 0, or a budget is too small for one token of a run.</exception>
    public static CampaignDesign Design(IComputeAllocator allocator, double targetFlops, double campaignFlops, CampaignOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(allocator);
        Require.PositiveFinite(targetFlops, nameof(targetFlops));
        Require.PositiveFinite(campaignFlops, nameof(campaignFlops));
        options ??= new CampaignOptions();
        RequireRepresentable(campaignFlops, options);
        var budgets = options.Spacing == BudgetSpacing.Ladder
            ? BudgetLadder.Under(campaignFlops, options.Budgets, options.SizesPerBudget)
            : EvenBudgets(campaignFlops, options);
        var runs = budgets.SelectMany(c => RunsAt(allocator, c, options.SizesPerBudget, options.SpanDecades)).ToArray();
        return new CampaignDesign(targetFlops, campaignFlops, budgets, runs);
    }

    // The budgets reach down about a decade per budget below the campaign's share per run; a campaign so small
    // (4e-323 FLOPs) that they would fall under 1e-300 cannot be split in doubles.
    private static void RequireRepresentable(double campaignFlops, CampaignOptions options)
    {
        if (campaignFlops / (options.SizesPerBudget * Math.Pow(10, options.Budgets)) < 1e-300)
        {
            throw new InfeasiblePlanException(
                CampaignFlopsQuantity,
                campaignFlops,
                "large enough that every budget is a normal number",
                $"a campaign of {NumberText.Value(campaignFlops)} FLOPs cannot be split into {options.Budgets} budgets of {options.SizesPerBudget} runs; give more compute.");
        }
    }

    /// <summary>
    /// <paramref name="sizes"/> runs at <paramref name="budgetFlops"/>: N_j = N*(C)·10^(span·(2j/(sizes−1) − 1)), evenly in
    /// log N from N*·10^(−span) to N*·10^(+span) (one run at N* when sizes = 1).
    /// </summary>
    public static IReadOnlyList<PlannedRun> RunsAt(IComputeAllocator allocator, double budgetFlops, int sizes, double spanDecades)
    {
        ArgumentNullException.ThrowIfNull(allocator);
        ArgumentOutOfRangeException.ThrowIfLessThan(sizes, 1);
        double center = Math.Log10(allocator.Optimum(budgetFlops).Parameters);
        return Enumerable.Range(0, sizes)
            .Select(j => sizes == 1 ? 0 : (2.0 * j / (sizes - 1)) - 1)
            .Select(position => PlannedRun.Create(budgetFlops, Math.Pow(10, center + (spanDecades * position))))
            .ToArray();
    }

    // C_top·(1 + r⁻¹ + … + r^−(B−1))·sizes = campaign, with r = span^(1/(B−1)).
    private static double[] EvenBudgets(double campaignFlops, CampaignOptions options)
    {
        int count = options.Budgets;
        double ratio = count == 1 ? 1 : Math.Pow(options.BudgetSpanFactor, 1.0 / (count - 1));
        double sum = Enumerable.Range(0, count).Sum(i => Math.Pow(ratio, -i));
        // A hair below the exact share, so rounding never lets the total pass the campaign's compute.
        double top = campaignFlops / (options.SizesPerBudget * sum) * (1 - 1e-12);
        return Enumerable.Range(0, count).Select(i => top * Math.Pow(ratio, i - count + 1)).ToArray();
    }
}
