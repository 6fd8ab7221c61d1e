using Scaling.Laws;

namespace Scaling.Reports;

/// <summary>What a report covers: a law with a loss and a FLOP budget; later sections add hardware, audit and fit.</summary>
/// <remarks><example><code>
/// var files = ReportBuilder.Build(ReportRequest.Create(LawPresets.Default, 5.76e23));
/// </code></example></remarks>
public sealed record ReportRequest
{
    private ReportRequest(ParametricLaw law, double budgetFlops)
    {
        Law = law;
        BudgetFlops = budgetFlops;
    }

    /// <summary>The law; it must predict loss.</summary>
    public ParametricLaw Law { get; }

    /// <summary>The training budget C in FLOPs.</summary>
    public double BudgetFlops { get; }

    /// <summary>The files to write (all by default).</summary>
    public ReportFormats Formats { get; init; } = ReportFormats.All;

    /// <summary>Hardware and energy assumptions: adds the budget view figure and the resource rows of the workbook.</summary>
    public Resources.ResourceAssumptions? Resources { get; init; }

    /// <summary>The budget in euros when the report started from one (the workbook's input cell).</summary>
    public double? BudgetEuros { get; init; }

    /// <summary>An Approach 3 fit of the user's runs: adds the fit figures and the workbook's <c>Fit</c> sheet.</summary>
    public Fitting.Approach3.ParametricFitResult? Fit { get; init; }

    /// <summary>
    /// Bootstrap refits of <see cref="Law"/> (from a fit.json given as the law): the figures then draw the frontier's
    /// 95% interval. A report's own fit (<see cref="Fit"/>) brings its refits without this.
    /// </summary>
    public IReadOnlyList<LossLaw> Resamples { get; init; } = [];

    /// <summary>
    /// The calibrated forecast of N* from the runs (<c>--fit-runs</c>) or the fit file given as the law: adds the
    /// back-test figure, the page's calibrated N* and the workbook's <c>Backtest</c> sheet.
    /// </summary>
    public Fitting.Extrapolation.CalibratedExtrapolation? Extrapolation { get; init; }

    /// <summary>Why the fit behind the law carries no calibrated forecast of N* (its runs form too few IsoFLOP budgets), when it has none.</summary>
    public string? NoForecast { get; init; }

    /// <summary>The fit's bootstrap (for intervals and the distribution of a).</summary>
    public Fitting.Bootstrap.BootstrapResult? FitBootstrap { get; init; }

    /// <summary>The law with what its fit carries (the bootstrap refits, the calibrated forecast of N*), as a plan reads it.</summary>
    public FittedLaw Fitted => FittedLaw.Create(Law, ReportBuilder.Resamples(this)) with { Extrapolation = Extrapolation, NoForecast = Extrapolation is null ? NoForecast : null };

    /// <summary>
    /// The plan at the budget and what it rests on, decided as <c>scaling plan --law fit.json</c> decides it
    /// (<see cref="Allocation.FittedPlan"/>): the calibrated forecast's N* when the fit carries one, else the law's.
    /// </summary>
    public Allocation.FittedPlan Plan() => Allocation.FittedPlan.At(Fitted, BudgetFlops);

    /// <summary>A request for a parametric law and a budget.</summary>
    public static ReportRequest Create(ParametricLaw law, double budgetFlops)
    {
        ArgumentNullException.ThrowIfNull(law);
        if (!double.IsFinite(budgetFlops) || budgetFlops <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(budgetFlops), budgetFlops, "--flops must be finite and greater than 0, e.g. 5.76e23.");
        }

        return new ReportRequest(law, budgetFlops);
    }
}
