using System.Globalization;

namespace Scaling.Campaign;

/// <summary>
/// The budgets 1, 3 and 6 times each power of ten, the "preferred numbers" of Chinchilla's IsoFLOP design (Hoffmann et
/// al. 2022, §3.2, Figure 3: 6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21).
/// </summary>
/// <remarks>Rung k is m·10^⌊k/3⌋ with m = 1, 3, 6 for k mod 3 = 0, 1, 2; rung 57 is 1e19.</remarks>
public static class BudgetLadder
{
    private static readonly int[] Mantissas = [1, 3, 6];

    /// <summary>The budget of rung <paramref name="rung"/> (exactly the double the literal, e.g. <c>6e18</c>, denotes).</summary>
    public static double Budget(int rung)
    {
        int decade = (int)Math.Floor(rung / 3.0);
        int mantissa = Mantissas[rung - (3 * decade)];
        return double.Parse(string.Create(CultureInfo.InvariantCulture, $"{mantissa}e{decade}"), CultureInfo.InvariantCulture);
    }

    /// <summary>The highest rung whose budget is at most <paramref name="flops"/>.</summary>
    public static int RungAtOrBelow(double flops)
    {
        Require.PositiveFinite(flops, nameof(flops));
        int rung = 3 * (int)Math.Floor(Math.Log10(flops)) + 2;
        while (Budget(rung) > flops)
        {
            rung--;
        }

        while (Budget(rung + 1) <= flops)
        {
            rung++;
        }

        return rung;
    }

    /// <summary>
    /// The <paramref name="count"/> rungs ending at the highest rung whose ladder, trained <paramref name="sizesPerBudget"/>
    /// times at each budget, fits <paramref name="campaignFlops"/>: the largest R with sizes·Σ_{i&lt;count} budget(R − i) ≤ campaign.
    /// Smallest first.
    /// </summary>
    public static IReadOnlyList<double> Under(double campaignFlops, int count, int sizesPerBudget)
    {
        Require.PositiveFinite(campaignFlops, nameof(campaignFlops));
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sizesPerBudget, 1);
        int top = RungAtOrBelow(campaignFlops / sizesPerBudget);
        while (sizesPerBudget * Enumerable.Range(0, count).Sum(i => Budget(top - i)) > campaignFlops)
        {
            top--;
        }

        return Enumerable.Range(0, count).Select(i => Budget(top - count + 1 + i)).ToArray();
    }
}
