using Scaling.Allocation;
using Scaling.Text;

namespace Scaling.Campaign;

/// <summary>
/// One training run of a campaign, before it is trained: a model of <see cref="Parameters"/> parameters on
/// <see cref="Tokens"/> tokens in the IsoFLOP group of <see cref="BudgetFlops"/>. Its compute
/// <see cref="Flops"/> = 6·N·D never exceeds the budget (tokens are rounded down).
/// </summary>
/// <param name="BudgetFlops">The IsoFLOP budget the run belongs to.</param>
/// <param name="Parameters">Model size N (a whole number).</param>
/// <param name="Tokens">Training tokens D (a whole number).</param>
public sealed record PlannedRun(double BudgetFlops, double Parameters, double Tokens)
{
    /// <summary>Training compute C = 6·N·D (Hoffmann et al. 2022, Eq. 4's approximation).</summary>
    public double Flops => FlopsPerParameterToken.Training * Parameters * Tokens;

    /// <summary>The planned run for a budget and a model size: D = ⌊C/(6N)⌋, so 6·N·D ≤ C.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive budget or size.</exception>
    /// <exception cref="InfeasiblePlanException">The budget is too small for one token.</exception>
    public static PlannedRun Create(double budgetFlops, double parameters)
    {
        Require.PositiveFinite(budgetFlops, nameof(budgetFlops));
        Require.PositiveFinite(parameters, nameof(parameters));
        double wholeParameters = Math.Max(1, Math.Round(parameters));
        double tokens = Math.Floor(budgetFlops / (FlopsPerParameterToken.Training * wholeParameters));
        if (tokens < 1)
        {
            throw new InfeasiblePlanException(
                "tokens",
                tokens,
                "at least 1",
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a budget of {NumberText.Scientific(budgetFlops)} FLOPs cannot train {NumberText.Count(wholeParameters)} parameters on a single token; give the campaign more compute or fewer runs."));
        }

        return new PlannedRun(budgetFlops, wholeParameters, tokens);
    }
}
