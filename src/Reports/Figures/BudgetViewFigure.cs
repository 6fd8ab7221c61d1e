using System.Globalization;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;
using Scaling.Allocation;
using Scaling.Laws;
using Scaling.Resources;

namespace Scaling.Reports.Figures;

/// <summary>
/// What a budget buys across four decades of compute on one GPU type: the compute-optimal parameters and tokens
/// (left axis), the energy and CO₂ of the run (right axis), and the cost in euros on the top axis, which is the
/// bottom axis priced at the GPU's €/FLOP.
/// </summary>
public static class BudgetViewFigure
{
    private const int PointsPerDecade = 8;
    private const string LeftKey = "counts";
    private const string RightKey = "energy";

    /// <summary>Two decades either side of <paramref name="centreFlops"/>.</summary>
    public static PlotModel Create(ScalingLaw law, ResourceAssumptions resources, double centreFlops)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(resources);
        if (!double.IsFinite(centreFlops) || centreFlops <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(centreFlops), centreFlops, "centreFlops must be finite and greater than 0.");
        }

        var allocator = law.Allocator();
        var (low, high) = (centreFlops / 100, centreFlops * 100);
        var budgets = Enumerable.Range(0, (4 * PointsPerDecade) + 1).Select(i => low * Math.Pow(10, (double)i / PointsPerDecade)).ToArray();
        var optima = budgets.Select(allocator.Optimum).ToArray();
        var resourcePlans = optima.Select(o => ResourcePlan.Create(o.Flops, o.Parameters, resources)).ToArray();
        var rate = resources.Rate;

        var model = FigureStyle.NewModel(
            $"What a budget buys on {resources.Accelerator.Name}",
            string.Create(CultureInfo.InvariantCulture,
                $"law {law.Name}; {Precision(resources)} at {resources.Mfu:P0} MFU, €{rate.EurosPerGpuHour:0.00}/GPU-hour (top axis), PUE {resources.Pue:0.0#}, {resources.GridGramsCo2PerKilowattHour:0} gCO₂/kWh"));
        model.Axes.Add(FigureStyle.LogAxis(AxisPosition.Bottom, "Training compute C", "FLOPs", low, high));
        var euros = FigureStyle.LogAxis(AxisPosition.Top, "Training cost", "€", rate.EurosForFlops(low), rate.EurosForFlops(high));
        euros.MajorGridlineStyle = LineStyle.None;
        euros.MinorGridlineStyle = LineStyle.None;
        euros.Key = "euros";
        model.Axes.Add(euros);
        var (countMin, countMax) = FigureStyle.Decades(optima.Min(o => o.Parameters), optima.Max(o => o.Tokens));
        var counts = FigureStyle.LogAxis(AxisPosition.Left, "Compute-optimal size and data", "parameters, tokens", countMin, countMax);
        counts.Key = LeftKey;
        model.Axes.Add(counts);

        model.Series.Add(Line("Parameters N*", FigureStyle.Color(0), LineStyle.Solid, LeftKey, budgets, optima.Select(o => o.Parameters)));
        model.Series.Add(Line("Tokens D*", FigureStyle.Color(1), LineStyle.Solid, LeftKey, budgets, optima.Select(o => o.Tokens)));
        if (resourcePlans[0].KilowattHours is not null)
        {
            var megawattHours = resourcePlans.Select(p => p.KilowattHours!.Value / 1000).ToArray();
            var tonnes = resourcePlans.Select(p => p.Co2Tonnes!.Value).ToArray();
            var positive = megawattHours.Concat(tonnes).Where(v => v > 0).DefaultIfEmpty(1).ToArray();
            var (energyMin, energyMax) = FigureStyle.Decades(positive.Min(), positive.Max());
            var energy = FigureStyle.LogAxis(AxisPosition.Right, "Energy and emissions", "MWh, t CO₂", energyMin, energyMax);
            energy.Key = RightKey;
            energy.MajorGridlineStyle = LineStyle.None;
            energy.MinorGridlineStyle = LineStyle.None;
            model.Axes.Add(energy);
            model.Series.Add(Line("Energy (MWh, right)", FigureStyle.Color(2), LineStyle.Dash, RightKey, budgets, megawattHours));
            if (tonnes.All(t => t > 0))
            {
                model.Series.Add(Line("CO₂ (t, right)", FigureStyle.Color(5), LineStyle.Dot, RightKey, budgets, tonnes));
            }
        }

        model.Annotations.Add(new OxyPlot.Annotations.LineAnnotation
        {
            Type = OxyPlot.Annotations.LineAnnotationType.Vertical,
            X = centreFlops,
            Color = OxyColor.FromArgb(140, 0, 0, 0),
            LineStyle = LineStyle.Dash,
            Text = string.Create(CultureInfo.InvariantCulture, $"your budget: {centreFlops:0.00E+00} FLOPs = €{rate.EurosForFlops(centreFlops):#,##0}"),
            TextOrientation = OxyPlot.Annotations.AnnotationTextOrientation.Vertical,
            FontSize = 14,
            YAxisKey = LeftKey,
        });
        return model;
    }

    private static string Precision(ResourceAssumptions resources) =>
        Scaling.Hardware.Precisions.Name(resources.TrainingPrecision).ToUpperInvariant();

    private static LineSeries Line(string title, OxyColor color, LineStyle style, string axis, double[] x, IEnumerable<double> y)
    {
        var series = new LineSeries { Title = title, Color = color, LineStyle = style, StrokeThickness = 3, YAxisKey = axis };
        series.Points.AddRange(x.Zip(y, (a, b) => new DataPoint(a, b)));
        return series;
    }
}
