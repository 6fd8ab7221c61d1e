using OxyPlot;
using Scaling.Audit;
using Scaling.Reports.Figures;
using Scaling.Reports.Html;
using Scaling.Reports.Workbooks;

namespace Scaling.Reports;

/// <summary>Renders every file of a report in memory: the figures in each requested format, and the workbook.</summary>
public static class ReportBuilder
{
    /// <summary>The report's files, in the order they are listed: the page (<c>index.html</c>) first, which ties the rest together.</summary>
    public static IReadOnlyList<ReportFile> Build(ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var files = new List<ReportFile>();
        var pageFigures = new List<HtmlFigure>();
        var exporter = FigureExporter.Default;
        // The page also gets each figure laid out for a phone (another model of the same figure).
        var phoneModels = request.Formats.Html ? FigureModels(request, phone: true).ToDictionary(f => f.Name, f => PhoneLayout.Adapt(f.Model)) : [];
        foreach (var (name, description, model) in Figures(request))
        {
            foreach (var format in request.Formats.Figures.Order())
            {
                files.Add(new ReportFile($"{name}.{Extension(format)}", description, exporter.ToBytes(model, format)));
            }

            if (request.Formats.Html)
            {
                // A figure without a takeaway of its own yet is captioned with its description.
                string takeaway = FigureTakeaways.For(name, request) is { Length: > 0 } text ? text : char.ToUpperInvariant(description[0]) + description[1..] + ".";
                pageFigures.Add(new HtmlFigure(name, model.Title, takeaway, exporter.ToInlineSvg(model))
                {
                    PhoneSvg = PhoneLayout.Exporter.ToInlineSvg(phoneModels[name]),
                });
            }
        }

        if (request.Formats.Workbook)
        {
            var content = PlanWorkbookContent.Create(request.Law, request.BudgetFlops) with
            {
                AuditModels = ModelRegistry.Published,
                Resources = request.Resources,
                BudgetEuros = request.BudgetEuros,
                Fit = request.Fit,
                FitBootstrap = request.FitBootstrap,
                Extrapolation = request.Extrapolation,
            };
            files.Add(new ReportFile("plan.xlsx", "the planning workbook: change the inputs, the plan recalculates", PlanWorkbook.ToBytes(content)));
        }

        if (request.Formats.Html)
        {
            var page = new HtmlReportContent { Request = request, Figures = pageFigures, Files = files.Select(f => f.FileName).ToList() };
            files.Insert(0, new ReportFile(HtmlReport.FileName, "the report to open in a browser: the plan, its figures, the audit and the sources in one page", HtmlReport.ToBytes(page)));
        }

        return files;
    }

    /// <summary>The report's figures as models, before export (the HTML report and notebooks render them too).</summary>
    public static IReadOnlyList<ReportFigure> Figures(ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return FigureModels(request).Select(f => new ReportFigure(f.Name, f.Description, f.Model)).ToArray();
    }

    /// <summary>
    /// The bootstrap refits of the report's law: those the law carries (a fit.json), or the report's own fit's when
    /// the report plans with that fit; empty otherwise.
    /// </summary>
    public static IReadOnlyList<Laws.LossLaw> Resamples(ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Resamples.Count >= 2)
        {
            return request.Resamples;
        }

        return request.Fit is { } fit && request.FitBootstrap is { } bootstrap && fit.Law == request.Law.LossLaw
            ? bootstrap.ResampledLaws()
            : [];
    }

    private static IEnumerable<(string Name, string Description, PlotModel Model)> FigureModels(ReportRequest request, bool phone = false)
    {
        var resamples = Resamples(request);
        var plan = request.Plan() as Allocation.ForecastPlan;
        var budgets = IsoFlopFigure.BudgetsAround(request.BudgetFlops);
        var runs = request.Fit?.Runs;
        var isoFlopBudgets = runs is null ? budgets : IsoFlopFigure.BudgetsOfRuns(runs, request.BudgetFlops);
        yield return ("isoflop", "IsoFLOP curves with their optima, the frontier and the sizes near your optimum",
            IsoFlopFigure.Create(request.Law, isoFlopBudgets, request.BudgetFlops, runs, resamples, plan));
        yield return ("loss-landscape", "loss over model size and tokens, with iso-FLOP lines and the frontier", LossLandscapeFigure.Create(request.Law, budgets, request.BudgetFlops, runs, plan));
        if (request.Resources is { } resources)
        {
            yield return ("budget-view", $"what budgets from 1/100 to 100 times yours buy on {resources.Accelerator.Name}: the model, the GPUs and the days, cost, energy and CO₂",
                BudgetViewFigure.Create(request.Law, resources, request.BudgetFlops, resamples, request.Extrapolation));
        }

        yield return ("law-spread", "how much the choice of law moves N*: every preset's N* against the budget", LawSpreadFigure.Create(Laws(request), request.BudgetFlops));
        if (request.Resources is { } assumptions && Sensitivity(request, assumptions) is { } sensitivity)
        {
            yield return ("sensitivity", "what moves cost, GPUs, days, N* and CO₂: MFU, price, PUE, grid intensity and law, one at a time", SensitivityFigure.Create(sensitivity, narrow: phone));
        }

        yield return ("audit-map", "published models against the frontier, coloured by verdict", AuditMapFigure.Create(ModelAuditor.Create(request.Law), ModelRegistry.Published, resamples));
        if (request.Fit is { } fit)
        {
            yield return ("fit-observed-predicted", "the fit: observed against predicted loss", FitFigures.ObservedVsPredicted(fit));
            yield return ("fit-residuals", "the fit: residuals against compute", FitFigures.ResidualsAgainstCompute(fit));
            yield return ("fit-residuals-size", "the fit: residuals against model size, by IsoFLOP group", FitFigures.ResidualsAgainstSize(fit));
            if (request.FitBootstrap is { Resamples: > 1 } bootstrap)
            {
                yield return ("fit-exponent-a", "the fit: bootstrap distribution of the exponent a with its interval", FitFigures.ExponentDistribution(bootstrap));
            }
        }

        if (request.Extrapolation is { } extrapolation && BacktestFigure.Create(extrapolation) is { } backtest)
        {
            yield return ("fit-backtest", "the back-test: observed over predicted N* against extrapolation distance, with calibrated intervals", backtest);
        }
    }

    /// <summary>
    /// The report's plan first (the calibrated forecast of N* when the fit carries one, then the fitted law itself), then
    /// every preset that differs from the law, each with its allocator.
    /// </summary>
    public static IReadOnlyList<(string Name, Allocation.IComputeAllocator Allocator)> Laws(ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var laws = new Scaling.Laws.ScalingLaw[] { request.Law }
            .Concat(Scaling.Laws.LawPresets.All.Where(l => !string.Equals(l.Name, request.Law.Name, StringComparison.OrdinalIgnoreCase)))
            .Select(l => (l.Name, Allocation.ScalingLawAllocation.Allocator(l)));
        return request.Extrapolation is { } forecast
            ? laws.Prepend(($"your plan ({Fitting.Extrapolation.ExtrapolationMethodNames.Name(forecast.Forecast.Method)} forecast)", Allocation.FittedPlan.Allocator(request.Fitted))).ToArray()
            : laws.ToArray();
    }

    /// <summary>
    /// The sensitivity of the report's plan (to MFU, price, PUE, grid and law), for the budget as the user gave it;
    /// null when the report has no hardware assumptions or the plan itself is impossible.
    /// </summary>
    public static Resources.PlanSensitivity? Sensitivity(ReportRequest request, Resources.ResourceAssumptions assumptions)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(assumptions);
        try
        {
            return request.BudgetEuros is { } euros
                ? Resources.PlanSensitivity.ForEuros(Allocation.FittedPlan.Allocator(request.Fitted), euros, assumptions, Laws(request))
                : Resources.PlanSensitivity.ForFlops(Allocation.FittedPlan.Allocator(request.Fitted), request.BudgetFlops, assumptions, Laws(request));
        }
        catch (ScalingException)
        {
            // The CLI checks the plan before rendering; a library caller with an impossible plan gets no sensitivity figure.
            return null;
        }
    }

    private static string Extension(FigureFormat format) => format switch
    {
        FigureFormat.Png => "png",
        FigureFormat.Svg => "svg",
        FigureFormat.Pdf => "pdf",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
