using OxyPlot;
using Scaling.Audit;
using Scaling.Reports.Figures;
using Scaling.Reports.Workbooks;

namespace Scaling.Reports;

/// <summary>Renders every file of a report in memory: the figures in each requested format, and the workbook.</summary>
public static class ReportBuilder
{
    /// <summary>The report's files, in the order they are listed.</summary>
    public static IReadOnlyList<ReportFile> Build(ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var files = new List<ReportFile>();
        var exporter = FigureExporter.Default;
        foreach (var (name, description, model) in Figures(request))
        {
            foreach (var format in request.Formats.Figures.Order())
            {
                files.Add(new ReportFile($"{name}.{Extension(format)}", description, exporter.ToBytes(model, format)));
            }
        }

        if (request.Formats.Workbook)
        {
            var content = PlanWorkbookContent.Create(request.Law, request.BudgetFlops) with { AuditModels = ModelRegistry.Published };
            files.Add(new ReportFile("plan.xlsx", "the planning workbook: change the inputs, the plan recalculates", PlanWorkbook.ToBytes(content)));
        }

        return files;
    }

    private static IEnumerable<(string Name, string Description, PlotModel Model)> Figures(ReportRequest request)
    {
        var budgets = IsoFlopFigure.BudgetsAround(request.BudgetFlops);
        yield return ("isoflop", "IsoFLOP curves with their optima and the frontier", IsoFlopFigure.Create(request.Law, budgets));
        yield return ("loss-landscape", "loss over model size and tokens, with iso-FLOP lines and the frontier", LossLandscapeFigure.Create(request.Law, budgets));
        yield return ("audit-map", "published models against the frontier, coloured by verdict", AuditMapFigure.Create(ModelAuditor.Create(request.Law), ModelRegistry.Published));
    }

    private static string Extension(FigureFormat format) => format switch
    {
        FigureFormat.Png => "png",
        FigureFormat.Svg => "svg",
        FigureFormat.Pdf => "pdf",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
