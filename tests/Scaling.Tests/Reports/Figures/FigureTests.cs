using OxyPlot;
using OxyPlot.Axes;
using Scaling.Allocation;
using Scaling.Laws;
using Scaling.Reports.Figures;
using SkiaSharp;

namespace Scaling.Tests.Reports.Figures;

public class FigureTests
{
    // A quick fit (200 starts, 60 resamples) of the committed synthetic runs, shared by the fit figures' tests.
    internal static readonly Lazy<(Scaling.Fitting.Approach3.ParametricFitResult Fit, Scaling.Fitting.Bootstrap.BootstrapResult Bootstrap)> QuickFit = new(() =>
    {
        string csv = File.ReadAllText(RepositoryFiles.Path("data/benchmarks/synthetic-runs.csv"));
        var fit = Scaling.Fitting.Approach3.ParametricFit.Fit(
            Scaling.Fitting.Runs.RunsCsv.Parse(csv, "synthetic-runs.csv"),
            new Scaling.Fitting.Approach3.ParametricFitOptions { Grid = Scaling.Fitting.Approach3.InitialGrid.Hoffmann2022.Sample(200) });
        return (fit, Scaling.Fitting.Bootstrap.ParametricBootstrap.Run(fit, new Scaling.Fitting.Bootstrap.BootstrapOptions { Resamples = 60 }));
    });

    public static TheoryData<string> Figures => new() { "isoflop", "landscape", "audit-map", "budget-view", "fit-observed", "fit-residuals", "fit-residuals-size", "fit-exponent", "law-spread", "sensitivity" };

    [Theory]
    [MemberData(nameof(Figures))]
    public void Figure_ExportsToEveryFormat(string name)
    {
        var model = Build(name);
        var exporter = FigureExporter.Default;
        byte[] png = exporter.ToBytes(model, FigureFormat.Png);
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal((1600, 1000), (bitmap.Width, bitmap.Height));

        string svg = System.Text.Encoding.UTF8.GetString(exporter.ToBytes(model, FigureFormat.Svg));
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains(model.Title, svg.Replace("&#39;", "'", StringComparison.Ordinal), StringComparison.Ordinal);

        byte[] pdf = exporter.ToBytes(model, FigureFormat.Pdf);
        string text = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF", text, StringComparison.Ordinal);

        // A print page: 8 × 5 inches in points, not 1600 × 1000 points (22 inches wide).
        var box = System.Text.RegularExpressions.Regex.Match(text, @"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]");
        Assert.True(box.Success, "the PDF has a MediaBox");
        Assert.Equal((576.0, 360.0), (double.Parse(box.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), double.Parse(box.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [MemberData(nameof(Figures))]
    public void Figure_IsReadableByDefault(string name)
    {
        var model = Build(name);
        Assert.Equal("DejaVu Sans", model.DefaultFont);
        Assert.False(string.IsNullOrWhiteSpace(model.Title));
        Assert.All(model.Axes.Where(a => a is not LinearColorAxis), axis =>
        {
            Assert.False(string.IsNullOrWhiteSpace(axis.Title));
            Assert.False(string.IsNullOrWhiteSpace(axis.Unit));
        });
        Assert.All(model.Axes.OfType<LogarithmicAxis>().Where(a => a is not LogarithmicColorAxis), a => Assert.True(a.UseSuperExponentialFormat, "log axes label powers of ten"));
        if (name is not ("fit-observed" or "fit-exponent" or "sensitivity"))
        {
            // Quantities spanning decades (sizes, tokens, compute) sit on a log axis.
            Assert.Contains(model.Axes, a => a is LogarithmicAxis { Position: AxisPosition.Bottom });
        }
        Assert.All(model.Legends, l => Assert.Equal(OxyPlot.Legends.LegendPlacement.Outside, l.LegendPlacement));
    }

    [Fact]
    public void IsoFlop_MarksEachBudgetsOptimumOnTheFrontier()
    {
        var law = LawPresets.Hoffmann2022;
        var budgets = IsoFlopFigure.BudgetsAround(5.76e23);
        var model = IsoFlopFigure.Create(law, budgets);
        var frontierSeries = model.Series.OfType<OxyPlot.Series.LineSeries>().Single(s => s.Title == "Compute-optimal frontier");
        var expected = budgets.Select(c => law.Frontier().Optimum(c)).ToArray();
        Assert.Equal(expected.Select(o => o.Parameters), frontierSeries.Points.Select(p => p.X));
        Assert.Equal(expected.Select(o => o.Loss), frontierSeries.Points.Select(p => p.Y));
        // Every curve's lowest sampled point lies next to its marked optimum (within one sample step).
        foreach (var (curve, optimum) in model.Series.OfType<OxyPlot.Series.LineSeries>().Take(budgets.Count).Zip(expected))
        {
            var lowest = curve.Points.MinBy(p => p.Y);
            Assert.InRange(lowest.X / optimum.Parameters, 0.9, 1.1);
        }
    }

    [Fact]
    public void AuditMap_PlacesEveryModelOnceColouredByItsVerdict()
    {
        var auditor = Scaling.Audit.ModelAuditor.Create(LawPresets.Hoffmann2022);
        var models = Scaling.Audit.ModelRegistry.Published;
        var model = AuditMapFigure.Create(auditor, models);
        var points = model.Series.OfType<OxyPlot.Series.ScatterSeries>().SelectMany(s => s.Points.Select(p => (s.Title, p.X, p.Y))).ToList();
        Assert.Equal(models.Count, points.Count);
        foreach (var published in models)
        {
            string verdict = Scaling.Audit.AuditVerdictExtensions.ToText(auditor.Audit(published).Verdict);
            Assert.Contains((verdict, published.Parameters, published.Tokens), points);
        }

        // Every model is named in some label (coincident models share one).
        string labels = string.Join("|", model.Annotations.OfType<OxyPlot.Annotations.TextAnnotation>().Select(a => a.Text));
        Assert.All(models, m => Assert.Contains(m.Name, labels, StringComparison.Ordinal));
    }

    [Fact]
    public void BudgetView_PlotsTheLibrarysPlansAcrossFourDecades()
    {
        var resources = new Scaling.Resources.ResourceAssumptions(Scaling.Hardware.HardwareCatalog.Default.Get("A100-80GB"));
        var model = BudgetViewFigure.Create(LawPresets.Hoffmann2022, resources, 1e24);
        var lines = model.Series.OfType<OxyPlot.Series.LineSeries>().ToDictionary(s => s.YAxisKey);
        var parameters = lines["parameters"].Points;
        Assert.Equal(1e22, parameters[0].X, 1e22 * 1e-9);
        Assert.Equal(1e26, parameters[^1].X, 1e26 * 1e-9);
        var frontier = LawPresets.Hoffmann2022.Frontier();
        Assert.All(parameters, p => Assert.Equal(frontier.Optimum(p.X).Parameters, p.Y, p.Y * 1e-12));

        // Energy is linear in compute: the ratio of energy to FLOPs is the same at every budget.
        var energy = lines["energy"].Points;
        double perFlop = energy[0].Y / energy[0].X;
        Assert.All(energy, p => Assert.Equal(perFlop, p.Y / p.X, perFlop * 1e-9));
        var euros = model.Axes.Single(a => a.Key == "euros");
        Assert.Equal(resources.Rate.EurosForFlops(1e26), euros.Maximum, euros.Maximum * 1e-12);
        Assert.Equal("€20K", euros.LabelFormatter!(2e4));

        // GPUs and days — what a manager is constrained by — always have a panel (on main only with a deadline or a
        // count); the one right-hand axis is the energy panel's CO₂, energy times the grid's intensity.
        var gpus = lines["gpus"].Points;
        var days = lines["days"].Points;
        foreach (var (g, d) in gpus.Zip(days))
        {
            var plan = Scaling.Resources.ResourcePlan.Create(g.X, frontier.Optimum(g.X).Parameters, resources);
            Assert.Equal(plan.Gpus, g.Y);
            Assert.Equal(plan.Days, d.Y, plan.Days * 1e-12);
        }
        var co2 = model.Axes.Single(a => a.Position == AxisPosition.Right);
        var energyAxis = model.Axes.Single(a => a.Key == "energy");
        Assert.Equal(energyAxis.Maximum * resources.GridGramsCo2PerKilowattHour / 1000, co2.Maximum, co2.Maximum * 1e-12);
    }

    [Fact]
    public void FitFigures_ShowEveryRunAndEveryResample()
    {
        var (fit, bootstrap) = QuickFit.Value;
        var observed = FitFigures.ObservedVsPredicted(fit).Series.OfType<OxyPlot.Series.ScatterSeries>().Single();
        Assert.Equal(fit.RunsUsed, observed.Points.Count);
        Assert.All(observed.Points.Zip(fit.Runs), p => Assert.Equal(p.Second.Loss, p.First.Y));

        var histogram = FitFigures.ExponentDistribution(bootstrap).Series.OfType<OxyPlot.Series.HistogramSeries>().Single();
        Assert.Equal(bootstrap.Samples.ExponentA.Count(double.IsFinite), histogram.Items.Sum(i => i.Count));
    }

    [Fact]
    public void InlineSvg_StartsAtTheSvgElement()
    {
        string svg = FigureExporter.Default.ToInlineSvg(Build("isoflop"));
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
    }

    internal static PlotModel Build(string name) => name switch
    {
        "isoflop" => IsoFlopFigure.Create(LawPresets.Default, IsoFlopFigure.BudgetsAround(5.76e23)),
        "landscape" => LossLandscapeFigure.Create(LawPresets.Default, IsoFlopFigure.BudgetsAround(5.76e23)),
        "audit-map" => AuditMapFigure.Create(Scaling.Audit.ModelAuditor.Create(LawPresets.Default), Scaling.Audit.ModelRegistry.Published),
        "budget-view" => BudgetViewFigure.Create(LawPresets.Default, new Scaling.Resources.ResourceAssumptions(Scaling.Hardware.HardwareCatalog.Default.Get("A100-80GB")), 1e24),
        "fit-observed" => FitFigures.ObservedVsPredicted(QuickFit.Value.Fit),
        "fit-residuals" => FitFigures.ResidualsAgainstCompute(QuickFit.Value.Fit),
        "fit-residuals-size" => FitFigures.ResidualsAgainstSize(QuickFit.Value.Fit),
        "law-spread" => LawSpreadFigure.Create(FigureContentTests.PresetAllocators(), 5.76e23),
        "sensitivity" => SensitivityFigure.Create(Scaling.Resources.PlanSensitivity.ForFlops(
            LawPresets.Default.Allocator(), 5.76e23, new Scaling.Resources.ResourceAssumptions(Scaling.Hardware.HardwareCatalog.Default.Get("H100-SXM")), FigureContentTests.PresetAllocators())),
        "fit-exponent" => FitFigures.ExponentDistribution(QuickFit.Value.Bootstrap),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
