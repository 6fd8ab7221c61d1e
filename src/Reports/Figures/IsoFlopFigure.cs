using System.Globalization;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;
using Scaling.Allocation;
using Scaling.Laws;

namespace Scaling.Reports.Figures;

/// <summary>
/// Figure 1, IsoFLOP curves (Hoffmann et al. 2022, Fig. 3): the predicted loss against model size for several fixed
/// budgets, each curve's optimum marked, and the compute-optimal frontier through the optima.
/// </summary>
public static class IsoFlopFigure
{
    private const int PointsPerCurve = 120;

    // Each curve spans this factor either side of its optimum: wide enough to show the valley, narrow enough to read.
    private const double SpanAroundOptimum = 40;

    /// <summary>Seven budgets, one decade apart, centred on <paramref name="flops"/>.</summary>
    public static IReadOnlyList<double> BudgetsAround(double flops) =>
        Enumerable.Range(-3, 7).Select(i => flops * Math.Pow(10, i)).ToArray();

    /// <summary>The figure for <paramref name="law"/> over <paramref name="budgetsFlops"/> (2 to 10 budgets).</summary>
    public static PlotModel Create(ParametricLaw law, IReadOnlyList<double> budgetsFlops)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(budgetsFlops);
        var frontier = law.Frontier();
        if (budgetsFlops.Count is < 2 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(budgetsFlops), budgetsFlops.Count, "Give between 2 and 10 budgets.");
        }

        var budgets = budgetsFlops.Order().ToArray();
        var optima = budgets.Select(frontier.Optimum).ToArray();
        var model = FigureStyle.NewModel(
            "IsoFLOP curves: loss against model size at fixed compute",
            $"law {law.Name}: L = E + A/N^α + B/D^β with D = C/(6N); the frontier joins each budget's optimum");
        var (minimum, maximum) = FigureStyle.Decades(optima[0].Parameters / SpanAroundOptimum, optima[^1].Parameters * SpanAroundOptimum);
        model.Axes.Add(FigureStyle.LogAxis(AxisPosition.Bottom, "Model size N", "parameters", minimum, maximum));
        model.Axes.Add(FigureStyle.LinearAxis(AxisPosition.Left, "Predicted loss", "nats/token"));

        for (int i = 0; i < budgets.Length; i++)
        {
            model.Series.Add(Curve(frontier, budgets[i], optima[i], FigureStyle.Color(i)));
        }

        model.Series.Add(Frontier(optima));
        return model;
    }

    private static LineSeries Curve(ComputeOptimalFrontier frontier, double flops, ComputeOptimum optimum, OxyColor color)
    {
        var series = new LineSeries
        {
            Title = "C = " + flops.ToString("0.0E+00", CultureInfo.InvariantCulture) + " FLOPs",
            Color = color,
            StrokeThickness = 2.5,
        };
        double lo = Math.Log(optimum.Parameters / SpanAroundOptimum);
        double hi = Math.Log(optimum.Parameters * SpanAroundOptimum);
        for (int j = 0; j < PointsPerCurve; j++)
        {
            double parameters = Math.Exp(lo + ((hi - lo) * j / (PointsPerCurve - 1)));
            series.Points.Add(new DataPoint(parameters, frontier.At(flops, parameters).Loss!.Value));
        }

        return series;
    }

    private static LineSeries Frontier(IEnumerable<ComputeOptimum> optima)
    {
        var series = new LineSeries
        {
            Title = "Compute-optimal frontier",
            Color = OxyColors.Black,
            StrokeThickness = 2,
            LineStyle = LineStyle.Dash,
            MarkerType = MarkerType.Diamond,
            MarkerSize = 7,
            MarkerFill = OxyColors.Black,
        };
        series.Points.AddRange(optima.Select(o => new DataPoint(o.Parameters, o.Loss!.Value)));
        return series;
    }
}
