using FsCheck;
using FsCheck.Fluent;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;
using Scaling.Allocation;
using Scaling.Audit;
using Scaling.Hardware;
using Scaling.Laws;
using Scaling.Reports;
using Scaling.Reports.Figures;
using Scaling.Resources;
using Scaling.Text;

namespace Scaling.Tests.Reports.Figures;

/// <summary>What the figures say: each check reads the model and compares it with the library.</summary>
public class FigureContentTests
{
    public static IReadOnlyList<(string Name, IComputeAllocator Allocator)> PresetAllocators() =>
        LawPresets.All.Select(l => (l.Name, l.Allocator())).ToArray();

    private static ResourceAssumptions On(string gpu) => new(HardwareCatalog.Default.Get(gpu));

    [Fact]
    public void Report_WithEuroBudgetAndDeadline_SucceedsLikePlan()
    {
        // The issue's case: plan succeeds on 1,880 × A100-80GB (1,877 rounded up to whole 8-GPU nodes); the sweep's 100×
        // budget cannot meet 60 days on 100,000.
        var assumptions = On("A100-80GB") with { DeadlineDays = 60 };
        var plan = BudgetPlan.ForEuros(LawPresets.Default.Allocator(), 5e6, assumptions);
        Assert.Equal(1880, plan.Resources.Gpus);
        var request = ReportRequest.Create(LawPresets.Default, plan.Optimum.Flops) with { Resources = assumptions, BudgetEuros = 5e6 };
        var view = ReportBuilder.Figures(request).Single(f => f.Name == "budget-view").Model;

        // The budgets the deadline cannot be met at are drawn hollow on the 100,000-GPU cap, the others on the line.
        var gpus = view.Series.OfType<LineSeries>().Single(s => s.YAxisKey == "gpus");
        var hollow = view.Series.OfType<ScatterSeries>().Single(s => s.YAxisKey == "gpus" && s.Title is not null);
        Assert.NotEmpty(hollow.Points);
        Assert.All(hollow.Points, p => Assert.Equal(100_000, p.Y));
        Assert.All(hollow.Points, p => Assert.True(p.X > plan.Optimum.Flops * 10));
        var mine = view.Series.OfType<ScatterSeries>().Single(s => s.YAxisKey == "gpus" && (string?)s.Tag == "your budget").Points.Single();
        Assert.Equal((plan.Optimum.Flops, 1880.0), (mine.X, mine.Y));
        Assert.Contains(gpus.Points, p => p.Y == 100_000);
    }

    [Fact]
    public void Report_SucceedsWheneverPlanDoes()
    {
        var gpus = HardwareCatalog.Default.Names.ToArray();
        var cases =
            from euros in Generators.LogUniform(3, 10)
            from gpu in Gen.Elements(gpus)
            from days in Gen.OneOf(Gen.Constant<double?>(null), Generators.LogUniform(-0.5, 3).Select(d => (double?)d))
            select (Euros: euros, Gpu: gpu, Days: days);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var assumptions = On(c.Gpu) with { DeadlineDays = c.Days };
            BudgetPlan plan;
            try
            {
                plan = BudgetPlan.ForEuros(LawPresets.Default.Allocator(), c.Euros, assumptions);
            }
            catch (Exception e) when (e is ArgumentException or ScalingException)
            {
                return true.Label("plan refuses: so may the report");
            }

            var request = ReportRequest.Create(LawPresets.Default, plan.Optimum.Flops) with { Resources = assumptions, BudgetEuros = c.Euros };
            var names = ReportBuilder.Figures(request).Select(f => f.Name).ToArray();
            return (names.Contains("budget-view") && names.Contains("sensitivity")).Label(string.Join(",", names));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    [Fact]
    public void AuditMap_BandUsesTheAuditorsTolerance_AndEveryVerdictMatchesItsPlace()
    {
        foreach (double tolerance in new[] { 2.5, 1.5 })
        {
            foreach (var law in new ScalingLaw[] { LawPresets.Hoffmann2022, LawPresets.Besiroglu2024, LawPresets.Tokens20 })
            {
                var auditor = ModelAuditor.Create(law, tolerance);
                var model = AuditMapFigure.Create(auditor, ModelRegistry.Published);
                var band = model.Annotations.OfType<PolygonAnnotation>().Single(a => a.Tag is double);
                Assert.Equal(tolerance, (double)band.Tag!);
                foreach (var published in ModelRegistry.Published)
                {
                    bool inside = Inside(band.Points, published.Parameters, published.Tokens);
                    bool nearOptimal = auditor.Audit(published).Verdict == AuditVerdict.NearOptimal;
                    Assert.True(inside == nearOptimal, $"{law.Name}, t = {tolerance}: {published.Name} is {(inside ? "inside" : "outside")} the band but {auditor.Audit(published).Verdict}");
                }

                Assert.Contains(tolerance.ToString(System.Globalization.CultureInfo.InvariantCulture) + "×", model.Subtitle, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void AuditMap_LabelsEveryIsoComputeLineWithItsCompute()
    {
        var model = AuditMapFigure.Create(ModelAuditor.Create(LawPresets.Default), ModelRegistry.Published);
        var labels = model.Annotations.OfType<TextAnnotation>().Where(a => a.Tag is double).ToArray();
        Assert.NotEmpty(labels);
        Assert.All(labels, l => Assert.Equal("C = " + NumberText.Power((double)l.Tag!), l.Text));
        Assert.All(labels, l => Assert.Equal((double)l.Tag!, 6 * l.TextPosition.X * l.TextPosition.Y, (double)l.Tag! * 1e-9));
    }

    [Fact]
    public void IsoFlop_HighlightsYourBudget_ShadesItsNearOptimalSizes_AndKeepsEveryOptimumInView()
    {
        var law = LawPresets.Hoffmann2022;
        var budgets = IsoFlopFigure.BudgetsAround(5.76e23);
        var model = IsoFlopFigure.Create(law, budgets, 5.76e23);
        var mine = model.Series.OfType<LineSeries>().Single(s => (string?)s.Tag == "your budget");
        Assert.Contains(NumberText.Power(5.76e23), mine.Title, StringComparison.Ordinal);
        Assert.True(mine.StrokeThickness > model.Series.OfType<LineSeries>().Where(s => s.Tag is null).Max(s => s.StrokeThickness));

        foreach (double tolerance in IsoFlopFigure.NearOptimalTolerances)
        {
            var band = model.Annotations.OfType<RectangleAnnotation>().Single(a => (double)a.Tag! == tolerance);
            var range = NearOptimalRange.Create(law.Frontier(), 5.76e23, tolerance);
            Assert.Equal((range.LowerParameters, range.UpperParameters), (band.MinimumX, band.MaximumX));
        }

        // Axis ranges with room around every optimum marker (none on the frame).
        var x = model.Axes.Single(a => a.Position == AxisPosition.Bottom);
        var y = model.Axes.Single(a => a.Position == AxisPosition.Left);
        foreach (var optimum in budgets.Select(law.Frontier().Optimum))
        {
            Assert.InRange(optimum.Parameters, x.Minimum * 1.01, x.Maximum / 1.01);
            Assert.InRange(optimum.Loss, y.Minimum + ((y.Maximum - y.Minimum) * 0.02), y.Maximum - ((y.Maximum - y.Minimum) * 0.02));
        }

        // A sequential ramp: budgets ordered by size get colours ordered by lightness, none near white.
        var curves = model.Series.OfType<LineSeries>().Take(budgets.Count).ToArray();
        var lightness = curves.Select(c => (0.299 * c.Color.R) + (0.587 * c.Color.G) + (0.114 * c.Color.B)).ToArray();
        Assert.Equal(lightness.Order(), lightness);
        Assert.True(lightness.Max() < 200, "no curve near white");
        Assert.All(curves.Where(c => c.Tag is null), c => Assert.Matches(@"^C = [0-9.]+·10[⁰¹²³⁴⁵⁶⁷⁸⁹]+ FLOPs$", c.Title));
    }

    [Fact]
    public void IsoFlop_WithAFit_PlotsEveryRunOnItsBudgetsCurve_AndEachOptimumsInterval()
    {
        var (fit, bootstrap) = FigureTests.QuickFit.Value;
        var law = ScalingLaw.Parametric("fit", fit.Law, "synthetic-runs.csv", "test");
        var budgets = IsoFlopFigure.BudgetsOfRuns(fit.Runs, 5.76e23);
        var resamples = bootstrap.ResampledLaws();
        var model = IsoFlopFigure.Create(law, budgets, 5.76e23, fit.Runs, resamples);
        var runs = model.Series.OfType<ScatterSeries>().SelectMany(s => s.Points).ToArray();
        Assert.Equal(fit.RunsUsed, runs.Length);
        var intervals = model.Series.OfType<LineSeries>().Where(s => (string?)s.Tag == "interval").ToArray();
        Assert.Equal(budgets.Count, intervals.Length);
        var atUser = Scaling.Fitting.Bootstrap.OptimumIntervals.At(fit.Law, resamples, 5.76e23).Parameters;
        Assert.Contains(intervals, s => s.Points[0].X == atUser.Lower && s.Points[1].X == atUser.Upper);
        var x = model.Axes.Single(a => a.Position == AxisPosition.Bottom);
        Assert.All(fit.Runs, r => Assert.InRange(r.Parameters, x.Minimum, x.Maximum));
    }

    [Fact]
    public void Landscape_ColoursTheFrontiersLosses_AndEachContourLabelSitsOnItsLevel()
    {
        var law = LawPresets.Besiroglu2024;
        var budgets = IsoFlopFigure.BudgetsAround(5.76e23);
        var model = LossLandscapeFigure.Create(law, budgets, 5.76e23);
        // The colour follows L − E on a log scale over the whole plot: no cell saturates (on main a linear ramp over the
        // frontier's losses left half the plot one flat colour), and the frontier's losses sit inside the ramp.
        var colour = model.Axes.OfType<LogarithmicColorAxis>().Single();
        var heat = model.Series.OfType<HeatMapSeries>().Single();
        var cells = heat.Data.Cast<double>().ToArray();
        Assert.Equal(0, cells.Count(v => v < colour.Minimum * (1 - 1e-12) || v > colour.Maximum * (1 + 1e-12)));
        var losses = budgets.Select(c => law.Frontier().OptimalLoss(c) - law.LossLaw.E).ToArray();
        Assert.True(colour.Minimum < losses.Min() && colour.Maximum > losses.Max());
        Assert.Equal("2.000", colour.LabelFormatter!(2.0 - law.LossLaw.E));

        var labels = model.Annotations.OfType<TextAnnotation>().Where(a => a.Tag is double level && level < 5).ToArray();
        Assert.True(labels.Length >= 4);
        Assert.All(labels, l => Assert.Equal((double)l.Tag!, law.LossLaw.Loss(l.TextPosition.X, l.TextPosition.Y), 1e-9));
        Assert.Single(model.Series, s => (string?)s.Tag == "your budget" && s is LineSeries { LineStyle: LineStyle.None });
        Assert.Contains(model.Series, s => s.Title?.StartsWith("Compute-optimal frontier", StringComparison.Ordinal) == true && s is LineSeries { Color.A: 255 } l && l.Color != OxyColors.White);
    }

    [Fact]
    public void LawSpread_PlotsEveryLawsNStar_AndStatesTheSpreadAtYourBudget()
    {
        var laws = PresetAllocators();
        var model = LawSpreadFigure.Create(laws, 5.76e23);
        var lines = model.Series.OfType<LineSeries>().Where(s => s.YAxisKey == "size").ToArray();
        Assert.Equal(laws.Count, lines.Length);
        foreach (var (line, law) in lines.Zip(laws))
        {
            Assert.All(line.Points, p => Assert.Equal(law.Allocator.Optimum(p.X).Parameters, p.Y, p.Y * 1e-12));
        }

        double[] atUser = laws.Select(l => l.Allocator.Optimum(5.76e23).Parameters).ToArray();
        Assert.Contains(NumberText.Count(atUser.Min()), model.Subtitle, StringComparison.Ordinal);
        Assert.Contains(NumberText.Count(atUser.Max()), model.Subtitle, StringComparison.Ordinal);
        Assert.Contains(model.Annotations.OfType<LineAnnotation>(), a => a.X == 5.76e23);
    }

    [Fact]
    public void Sensitivity_BarsAreTheLibrarysChanges()
    {
        var sensitivity = PlanSensitivity.ForFlops(LawPresets.Default.Allocator(), 5.76e23, On("H100-SXM"), PresetAllocators());
        var model = SensitivityFigure.Create(sensitivity);
        var factors = sensitivity.Factors.Reverse().ToArray();
        var bars = model.Series.OfType<BarSeries>().ToArray();
        var keys = model.Axes.Where(a => a.Key?.StartsWith("out", StringComparison.Ordinal) == true).ToArray();
        Assert.Equal(2 * keys.Length, bars.Length);
        var cost = keys.Single(a => a.Title.StartsWith("Cost", StringComparison.Ordinal)).Key;
        var costLow = bars.First(b => b.XAxisKey == cost);
        int mfu = Array.FindIndex(factors, f => f.Name == "MFU");
        Assert.Equal(factors[mfu].LowChange(SensitivityOutput.CostEuros, sensitivity.Baseline)!.Value * 100, costLow.Items[mfu].Value, 1e-9);
        Assert.True(costLow.Items[mfu].Value > 0, "30% MFU costs more than 40%");

        // Each bar is drawn in its own factor's row, also when earlier rows have no bar.
        Assert.All(bars, b => Assert.Equal(Enumerable.Range(0, factors.Length), b.Items.Select(i => i.CategoryIndex)));
    }

    [Fact]
    public void FitFigures_ResidualsBySizeKeepEveryRun_AndTheExponentHasReferenceLines()
    {
        var (fit, bootstrap) = FigureTests.QuickFit.Value;
        var bySize = FitFigures.ResidualsAgainstSize(fit);
        Assert.Equal(fit.RunsUsed, bySize.Series.OfType<LineSeries>().Sum(s => s.Points.Count));
        var exponent = FitFigures.ExponentDistribution(bootstrap);
        Assert.DoesNotContain(exponent.Annotations.OfType<LineAnnotation>(), a => !string.IsNullOrEmpty(a.Text));
        Assert.Contains(exponent.Series, s => s.Title?.Contains(LawPresets.Hoffmann2022.Name, StringComparison.Ordinal) == true);
    }

    [Fact]
    public void LogAxes_LabelOnlyTicksThatDoNotTouch()
    {
        var (fit, _) = FigureTests.QuickFit.Value;
        var model = FitFigures.ResidualsAgainstCompute(fit);
        FigureExporter.Default.ToBytes(model, FigureFormat.Png);
        var axis = model.Axes.OfType<ReadableLogAxis>().Single();
        var values = axis.LabelledValues;
        Assert.True(values.Count >= 2);
        double narrowest = values.Zip(values.Skip(1), (a, b) => Math.Abs(axis.Transform(b) - axis.Transform(a))).Min();
        Assert.True(narrowest >= axis.FontSize * 4.6, $"labels {narrowest:0} px apart");
    }

    // Ray casting in log coordinates: is (x, y) inside the polygon?
    private static bool Inside(IList<DataPoint> polygon, double x, double y)
    {
        double px = Math.Log10(x);
        double py = Math.Log10(y);
        bool inside = false;
        for (int i = 0, j = polygon.Count - 1; i < polygon.Count; j = i++)
        {
            double xi = Math.Log10(polygon[i].X), yi = Math.Log10(polygon[i].Y);
            double xj = Math.Log10(polygon[j].X), yj = Math.Log10(polygon[j].Y);
            if ((yi > py) != (yj > py) && px < ((xj - xi) * (py - yi) / (yj - yi)) + xi)
            {
                inside = !inside;
            }
        }

        return inside;
    }
}
