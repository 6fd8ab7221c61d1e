using System.Globalization;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;
using Scaling.Allocation;
using Scaling.Laws;

namespace Scaling.Reports.Figures;

/// <summary>
/// Figure 2, the loss landscape: contours of L(N, D) over log N × log D, with iso-FLOP lines (N·D = C/6, straight
/// in log–log) and the compute-optimal frontier crossing each at its lowest contour.
/// </summary>
public static class LossLandscapeFigure
{
    private const int GridPoints = 90;

    /// <summary>
    /// The landscape of <paramref name="law"/> over parameters and tokens spanning the frontier of
    /// <paramref name="budgetsFlops"/> (2 to 10 budgets), with one iso-FLOP line per budget.
    /// </summary>
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
        var first = frontier.Optimum(budgets[0]);
        var last = frontier.Optimum(budgets[^1]);
        var (nMin, nMax) = FigureStyle.Decades(first.Parameters / 30, last.Parameters * 30);
        var (dMin, dMax) = FigureStyle.Decades(first.Tokens / 30, last.Tokens * 30);

        var model = FigureStyle.NewModel(
            "Loss landscape L(N, D) with iso-FLOP lines",
            $"law {law.Name}: contours of predicted loss (nats/token); dashed lines hold C = 6·N·D fixed");
        model.Axes.Add(FigureStyle.LogAxis(AxisPosition.Bottom, "Model size N", "parameters", nMin, nMax));
        model.Axes.Add(FigureStyle.LogAxis(AxisPosition.Left, "Training tokens D", "tokens", dMin, dMax));
        var (heat, contours) = Surface(law.LossLaw, nMin, nMax, dMin, dMax);
        model.Axes.Add(new LinearColorAxis
        {
            Position = AxisPosition.Right,
            Title = "Predicted loss",
            Unit = "nats/token",
            Palette = OxyPalettes.Viridis(200),
            Minimum = law.LossLaw.E,
            Maximum = contours.ContourLevels.Max(),
            HighColor = OxyPalettes.Viridis(200).Colors[^1],
            TitleFontSize = 18,
            FontSize = 15,
        });
        model.Legends[0].LegendPosition = OxyPlot.Legends.LegendPosition.BottomCenter;
        model.Legends[0].LegendOrientation = OxyPlot.Legends.LegendOrientation.Horizontal;
        model.Legends[0].LegendBackground = OxyColor.FromRgb(225, 225, 225);
        model.Series.Add(heat);
        model.Series.Add(contours);

        for (int i = 0; i < budgets.Length; i++)
        {
            model.Series.Add(IsoFlopLine(budgets[i], nMin, nMax, dMin, dMax, FigureStyle.Color(i)));
        }

        var optimal = new LineSeries
        {
            Title = "Compute-optimal frontier",
            Color = OxyColors.White,
            StrokeThickness = 3,
            MarkerType = MarkerType.Diamond,
            MarkerSize = 7,
            MarkerFill = OxyColors.White,
        };
        optimal.Points.AddRange(budgets.Select(frontier.Optimum).Select(o => new DataPoint(o.Parameters, o.Tokens)));
        model.Series.Add(optimal);
        return model;
    }

    private static (HeatMapSeries Heat, ContourSeries Contours) Surface(LossLaw law, double nMin, double nMax, double dMin, double dMax)
    {
        double[] parameters = LogSpaced(nMin, nMax);
        double[] tokens = LogSpaced(dMin, dMax);
        var loss = new double[GridPoints, GridPoints];
        for (int i = 0; i < GridPoints; i++)
        {
            for (int j = 0; j < GridPoints; j++)
            {
                loss[i, j] = law.Loss(parameters[i], tokens[j]);
            }
        }

        // The grid is log-spaced, so the bitmap's equal cells land on equal screen spacing on the log axes.
        var heat = new HeatMapSeries
        {
            X0 = nMin,
            X1 = nMax,
            Y0 = dMin,
            Y1 = dMax,
            Data = loss,
            Interpolate = true,
            RenderMethod = HeatMapRenderMethod.Bitmap,
        };
        var contours = new ContourSeries
        {
            ColumnCoordinates = parameters,
            RowCoordinates = tokens,
            Data = loss,
            ContourLevels = ContourLevels(law.E, loss),
            LabelFormatString = "0.00",
            LabelBackground = OxyColor.FromArgb(200, 255, 255, 255),
            ContourColors = [OxyColor.FromArgb(170, 255, 255, 255)],
            StrokeThickness = 1,
            FontSize = 13,
            LabelSpacing = 400,
        };
        return (heat, contours);
    }

    // Levels that thin out with height: the interesting part of the landscape lies close to E.
    private static double[] ContourLevels(double irreducible, double[,] loss)
    {
        double top = Math.Min(loss.Cast<double>().Max(), irreducible + 3);
        return Enumerable.Range(1, 14)
            .Select(i => irreducible + ((top - irreducible) * Math.Pow(i / 14.0, 2)))
            .Select(level => Math.Round(level, 2))
            .Distinct()
            .ToArray();
    }

    private static LineSeries IsoFlopLine(double flops, double nMin, double nMax, double dMin, double dMax, OxyColor color)
    {
        var series = new LineSeries
        {
            Title = "C = " + flops.ToString("0.0E+00", CultureInfo.InvariantCulture) + " FLOPs",
            Color = color,
            StrokeThickness = 2.5,
            LineStyle = LineStyle.Dash,
        };
        // D = C/(6N) clipped to the plotted box.
        double lo = Math.Max(nMin, flops / (6 * dMax));
        double hi = Math.Min(nMax, flops / (6 * dMin));
        if (lo < hi)
        {
            series.Points.Add(new DataPoint(lo, flops / (6 * lo)));
            series.Points.Add(new DataPoint(hi, flops / (6 * hi)));
        }

        return series;
    }

    private static double[] LogSpaced(double low, double high)
    {
        double a = Math.Log(low);
        double b = Math.Log(high);
        return Enumerable.Range(0, GridPoints).Select(i => Math.Exp(a + ((b - a) * i / (GridPoints - 1)))).ToArray();
    }
}
