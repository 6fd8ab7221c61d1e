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
    private PlanWorkbookContent(ParametricLaw law, LossLaw lossLaw, double budgetFlops)
    {
        Law = law;
        LossLaw = lossLaw;
        BudgetFlops = budgetFlops;
    }

    /// <summary>The named law the plan uses.</summary>
    public ParametricLaw Law { get; }

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

    /// <summary>
    /// The hardware and energy assumptions; when given, <c>Inputs</c> holds them and <c>Plan</c> adds GPU-hours, GPUs,
    /// days, cost, energy and CO₂.
    /// </summary>
    public Resources.ResourceAssumptions? Resources { get; init; }

    /// <summary>
    /// The accelerators the <c>Catalog</c> sheet lists (the plan's own accelerator replaces its namesake), so the GPU
    /// input can switch between them; default the embedded catalog.
    /// </summary>
    public Hardware.HardwareCatalog Catalog { get; init; } = Hardware.HardwareCatalog.Default;

    /// <summary>
    /// The budget in euros, when the plan started from one (needs <see cref="Resources"/>): it becomes the input cell,
    /// and the FLOPs follow from it.
    /// </summary>
    public double? BudgetEuros { get; init; }

    /// <summary>An Approach 3 fit of the user's runs for the <c>Fit</c> sheet (null: no sheet).</summary>
    public Fitting.Approach3.ParametricFitResult? Fit { get; init; }

    /// <summary>
    /// The calibrated forecast of N* of the fit behind the law: the <c>Plan</c> sheet's N* follows it (its coefficients
    /// on <c>Inputs</c>), with the law's own optimum second, and the <c>Backtest</c> sheet shows it (null: the law plans, no sheet).
    /// </summary>
    public Fitting.Extrapolation.CalibratedExtrapolation? Extrapolation { get; init; }

    /// <summary>The fit's bootstrap, for the intervals on the <c>Fit</c> sheet.</summary>
    public Fitting.Bootstrap.BootstrapResult? FitBootstrap { get; init; }

    /// <summary>An IsoFLOP campaign to list on a <c>Campaign</c> sheet (the runs to train), or null for none.</summary>
    public Scaling.Campaign.CampaignDesign? Campaign { get; init; }

    /// <summary>The plan at the budget and what it rests on, decided as every command decides it (<see cref="FittedPlan"/>).</summary>
    public FittedPlan Plan => FittedPlan.At(FittedLaw.Without(Law) with { Extrapolation = Extrapolation }, BudgetFlops);

    /// <summary>What plans at any budget: the calibrated forecast when there is one, else the law's frontier.</summary>
    public IComputeAllocator Allocator => Extrapolation is { } extrapolation
        ? Fitting.Extrapolation.ForecastAllocator.Create(extrapolation, LossLaw, FlopsPerParameterToken)
        : ComputeOptimalFrontier.Create(LossLaw, FlopsPerParameterToken);

    /// <summary>The library's plan for the budget, which the workbook's formulas reproduce.</summary>
    public ComputeOptimum Optimum => Allocator.Optimum(BudgetFlops);

    /// <summary>Content for a parametric law and a euro budget on the given hardware.</summary>
    public static PlanWorkbookContent ForEuros(ParametricLaw law, double budgetEuros, Resources.ResourceAssumptions resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return Create(law, resources.Rate.FlopsForEuros(budgetEuros)) with { Resources = resources, BudgetEuros = budgetEuros };
    }

    /// <summary>Content for a parametric law and a budget.</summary>
    public static PlanWorkbookContent Create(ParametricLaw law, double budgetFlops)
    {
        ArgumentNullException.ThrowIfNull(law);
        if (!double.IsFinite(budgetFlops) || budgetFlops <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(budgetFlops), budgetFlops, "budgetFlops must be finite and greater than 0, e.g. 5.76e23.");
        }

        return new PlanWorkbookContent(law, law.LossLaw, budgetFlops);
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
