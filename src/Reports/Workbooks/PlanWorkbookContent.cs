using Scaling.Allocation;
using Scaling.Laws;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// What the planning workbook shows: a law, a FLOP budget, and the budgets of the scenario sweep.
/// </summary>
/// <remarks>
/// <example><code>
/// var content = PlanWorkbookContent.Create(LawPresets.Default, budgetFlops: 5.76e23);
/// byte[] xlsx = PlanWorkbook.ToBytes(content);
/// </code></example>
/// </remarks>
public sealed record PlanWorkbookContent
{
    private PlanWorkbookContent(NamedLaw law, LossLaw lossLaw, double budgetFlops)
    {
        Law = law;
        LossLaw = lossLaw;
        BudgetFlops = budgetFlops;
    }

    /// <summary>The named law the plan uses.</summary>
    public NamedLaw Law { get; }

    /// <summary>Its loss law, whose coefficients become input cells.</summary>
    public LossLaw LossLaw { get; }

    /// <summary>The training budget C in FLOPs.</summary>
    public double BudgetFlops { get; }

    /// <summary>k in C = k·N·D.</summary>
    public double FlopsPerParameterToken { get; init; } = Allocation.FlopsPerParameterToken.Training;

    /// <summary>The budgets of the <c>Scenarios</c> sheet: half decades from 1e20 to 1e26 FLOPs by default.</summary>
    public IReadOnlyList<double> ScenarioBudgetsFlops { get; init; } = HalfDecades(1e20, 1e26);

    /// <summary>Published models to audit on the <c>Audit</c> sheet (none: no sheet).</summary>
    public IReadOnlyList<Audit.PublishedModel> AuditModels { get; init; } = [];

    /// <summary>The library's plan for the budget, which the workbook's formulas reproduce.</summary>
    public ComputeOptimum Optimum => ComputeOptimalFrontier.Create(LossLaw, FlopsPerParameterToken).Optimum(BudgetFlops);

    /// <summary>Content for a parametric law and a budget.</summary>
    /// <exception cref="ArgumentException">The law is an allocation rule (the workbook needs a loss law).</exception>
    public static PlanWorkbookContent Create(NamedLaw law, double budgetFlops)
    {
        ArgumentNullException.ThrowIfNull(law);
        var lossLaw = law.LossLaw
            ?? throw new ArgumentException($"law: '{law.Name}' is an allocation rule; the workbook needs a loss law such as {LawPresets.Default.Name}.", nameof(law));
        if (!double.IsFinite(budgetFlops) || budgetFlops <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(budgetFlops), budgetFlops, "budgetFlops must be finite and greater than 0, e.g. 5.76e23.");
        }

        return new PlanWorkbookContent(law, lossLaw, budgetFlops);
    }

    /// <summary>1e20, 3.16e20, 1e21, … up to <paramref name="last"/>.</summary>
    public static IReadOnlyList<double> HalfDecades(double first, double last)
    {
        var budgets = new List<double>();
        for (double exponent = Math.Log10(first); exponent <= Math.Log10(last) + 1e-9; exponent += 0.5)
        {
            budgets.Add(Math.Pow(10, exponent));
        }

        return budgets;
    }
}
