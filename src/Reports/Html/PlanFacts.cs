using Scaling.Allocation;
using Scaling.Resources;

namespace Scaling.Reports.Html;

/// <summary>The numbers every section of the page draws on, computed once from the request by the library.</summary>
internal sealed record PlanFacts
{
    /// <summary>The two tolerances of the near-optimal range: within 0.5% and within 1% of the optimal loss.</summary>
    public static readonly double[] NearOptimalTolerances = [0.005, 0.01];

    private PlanFacts(ReportRequest request, FittedPlan plan, ComputeOptimalFrontier frontier, LossOptimum optimum, BudgetPlan? budget, IReadOnlyList<NearOptimalRange> ranges)
    {
        Request = request;
        Plan = plan;
        Frontier = frontier;
        Optimum = optimum;
        Budget = budget;
        NearOptimal = ranges;
    }

    public ReportRequest Request { get; }

    /// <summary>The plan and what it rests on: the calibrated forecast when the fit carries one, else the law.</summary>
    public FittedPlan Plan { get; }

    /// <summary>The law's frontier (its own optimum, exponents and valley).</summary>
    public ComputeOptimalFrontier Frontier { get; }

    /// <summary>N*, D*, L* at the budget (the same plan <c>scaling plan</c> prints).</summary>
    public LossOptimum Optimum { get; }

    /// <summary>The resources of the plan, or null without hardware assumptions.</summary>
    public BudgetPlan? Budget { get; }

    /// <summary>The near-optimal ranges about the plan, one per <see cref="NearOptimalTolerances"/> (the law's valley, moved to a forecast's N*).</summary>
    public IReadOnlyList<NearOptimalRange> NearOptimal { get; }

    public static PlanFacts Of(ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var frontier = request.Law.Frontier();
        var plan = request.Plan();
        var optimum = (LossOptimum)plan.Optimum;
        var budget = request.Resources is { } resources ? BudgetPlan.For(optimum, resources, request.BudgetEuros) : null;
        var ranges = NearOptimalTolerances.Select(t => NearOptimalRange.Create(frontier, request.BudgetFlops, t))
            .Select(r => plan is ForecastPlan ? r.MovedTo(optimum) : r)
            .ToArray();
        return new PlanFacts(request, plan, frontier, optimum, budget, ranges);
    }
}
