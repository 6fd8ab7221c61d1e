using OxyPlot;
using OxyPlot.Axes;
using Scaling.Laws;
using Scaling.Reports.Figures;
using SkiaSharp;

namespace Scaling.Tests.Reports.Figures;

public class FigureTests
{
    public static TheoryData<string> Figures => new() { "isoflop", "landscape", "audit-map" };

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
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
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
        Assert.Contains(model.Axes, a => a is LogarithmicAxis { Position: AxisPosition.Bottom, UseSuperExponentialFormat: true });
        Assert.All(model.Legends, l => Assert.Equal(OxyPlot.Legends.LegendPlacement.Outside, l.LegendPlacement));
    }

    [Fact]
    public void IsoFlop_MarksEachBudgetsOptimumOnTheFrontier()
    {
        var law = LawPresets.Hoffmann2022;
        var budgets = IsoFlopFigure.BudgetsAround(5.76e23);
        var model = IsoFlopFigure.Create(law, budgets);
        var frontierSeries = model.Series.OfType<OxyPlot.Series.LineSeries>().Single(s => s.Title == "Compute-optimal frontier");
        var expected = budgets.Select(c => law.Frontier()!.Optimum(c)).ToArray();
        Assert.Equal(expected.Select(o => o.Parameters), frontierSeries.Points.Select(p => p.X));
        Assert.Equal(expected.Select(o => o.Loss!.Value), frontierSeries.Points.Select(p => p.Y));
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
    public void Figures_RejectAllocationRules()
    {
        Assert.Throws<ArgumentException>(() => IsoFlopFigure.Create(LawPresets.Tokens20, [1e20, 1e22]));
        Assert.Throws<ArgumentException>(() => LossLandscapeFigure.Create(LawPresets.Tokens20, [1e20, 1e22]));
    }

    [Fact]
    public void InlineSvg_StartsAtTheSvgElement()
    {
        string svg = FigureExporter.Default.ToInlineSvg(Build("isoflop"));
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
    }

    private static PlotModel Build(string name) => name switch
    {
        "isoflop" => IsoFlopFigure.Create(LawPresets.Default, IsoFlopFigure.BudgetsAround(5.76e23)),
        "landscape" => LossLandscapeFigure.Create(LawPresets.Default, IsoFlopFigure.BudgetsAround(5.76e23)),
        "audit-map" => AuditMapFigure.Create(Scaling.Audit.ModelAuditor.Create(LawPresets.Default), Scaling.Audit.ModelRegistry.Published),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
