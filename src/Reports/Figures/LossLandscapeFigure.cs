using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;
using Scaling.Allocation;
using Scaling.Fitting.Runs;
using Scaling.Laws;
using Scaling.Text;

namespace Scaling.Reports.Figures;

/// <summary>
/// Figure 2, the loss landscape: L(N, D) over log N × log D as a heat map with labelled contours, iso-FLOP lines
/// (N·D = C/6, straight in log–log, labelled with C) and the compute-optimal frontier crossing each at its lowest
/// contour; the user's budget and optimum are marked, and a fit's runs plotted where they were trained.
/// </summary>
/// <remarks>
/// The colour follows the reducible loss L − E on a log scale (labelled in L), so the whole plot carries colour: the
/// valley near the frontier, where L − E is small, gets as much of the ramp as the walls where it is large; a linear
/// scale over the valley left half the plot one flat colour. Each contour is labelled where it crosses the frontier,
/// at C = <see cref="ComputeOptimalFrontier.FlopsForLoss"/>.
/// </remarks>
public static class LossLandscapeFigure
{
    private const int GridPoints = 120;

    // White on a dark box over the heat map; a label is about 0.8 decade wide and a fifth of a decade high on its axes.
    private static readonly IsoFlopLabelStyle IsoFlopLabels = new(12, OxyColors.White, OxyColor.FromArgb(150, 0, 0, 0), RoomLeft: 6, RoomBelow: 2);

    /// <summary>
    /// The landscape of <paramref name="law"/> over parameters and tokens spanning the frontier of
    /// <paramref name="budgetsFlops"/> (2 to 10 budgets), with one iso-FLOP line per budget.
    /// </summary>
    /// <param name="law">A law that predicts loss.</param>
    /// <param name="budgetsFlops">The budgets of the iso-FLOP lines.</param>
    /// <param name="userFlops">The user's budget: its line bold, its optimum starred.</param>
    /// <param name="runs">Training runs to plot at their (N, D).</param>
    /// <param name="plan">The plan at <paramref name="userFlops"/> when it rests on a calibrated forecast of N*: starred instead of the law's optimum, which is circled.</param>
    public static PlotModel Create(ParametricLaw law, IReadOnlyList<double> budgetsFlops, double? userFlops = null, IReadOnlyList<TrainingRun>? runs = null, ForecastPlan? plan = null)
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
        var runPoints = runs ?? [];
        var (nMin, nMax) = FigureStyle.Decades(
            runPoints.Select(r => r.Parameters).Append(optima[0].Parameters / 30).Min(),
            runPoints.Select(r => r.Parameters).Append(optima[^1].Parameters * 30).Max());
        var (dMin, dMax) = FigureStyle.Decades(
            runPoints.Select(r => r.Tokens).Append(optima[0].Tokens / 30).Min(),
            runPoints.Select(r => r.Tokens).Append(optima[^1].Tokens * 30).Max());

        var model = FigureStyle.NewModel(
            "Loss landscape L(N, D) with iso-FLOP lines",
            $"law {law.Name}: predicted loss (nats/token), contours labelled where they cross the frontier; dashed lines hold C = 6·N·D fixed");
        model.Axes.Add(FigureStyle.LogAxis(AxisPosition.Bottom, "Model size N", "parameters", nMin, nMax));
        model.Axes.Add(FigureStyle.LogAxis(AxisPosition.Left, "Training tokens D", "tokens", dMin, dMax));

        var e = frontier.Law.E;
        var (heat, reducibleLow, reducibleHigh) = Heat(frontier.Law, nMin, nMax, dMin, dMax);
        var palette = OxyPalettes.Viridis(200);
        model.Axes.Add(new LogarithmicColorAxis
        {
            Position = AxisPosition.Right,
            Title = "Predicted loss",
            Unit = "nats/token",
            Palette = palette,
            Minimum = reducibleLow,
            Maximum = reducibleHigh,
            LabelFormatter = v => NumberText.Loss(v + e),
            TitleFontSize = 18,
            FontSize = 15,
        });
        model.Series.Add(heat);
        var levels = ContourLevels(e, reducibleLow, reducibleHigh);
        model.Series.Add(Contours(frontier.Law, levels, nMin, nMax, dMin, dMax));
        AddContourLabels(model, frontier, levels, nMin, nMax, dMin, dMax);
        var legend = model.Legends[0];
        // Long enough to show the dashes of the budget's line and to keep the star clear of its text.
        legend.LegendSymbolLength = 44;
        legend.LegendSymbolMargin = 10;

        var box = new PlotBox(nMin, nMax, dMin, dMax);
        double k = frontier.FlopsPerParameterToken;
        foreach (double flops in budgets)
        {
            model.Series.Add(IsoFlopSeries(flops, k, flops == userFlops, box));
            if (IsoFlopLine.Label(flops, k, box, IsoFlopLabels, PhoneLayout.WideOnly) is { } label)
            {
                model.Annotations.Add(label);
            }
        }

        if (runPoints.Count > 0)
        {
            // Marker-only line series: a scatter series would take its colours from the heat map's colour axis.
            var scatter = new LineSeries
            {
                Title = "Training runs",
                LineStyle = LineStyle.None,
                MarkerType = MarkerType.Circle,
                MarkerSize = 4,
                MarkerFill = OxyColors.White,
                MarkerStroke = OxyColors.Black,
                MarkerStrokeThickness = 1,
            };
            scatter.Points.AddRange(runPoints.Select(r => new DataPoint(r.Parameters, r.Tokens)));
            model.Series.Add(scatter);
        }

        model.Series.Add(Frontier(frontier, nMin, nMax, dMin, dMax));
        if (userFlops is { } user)
        {
            ComputeOptimum optimum = frontier.Optimum(user);
            string title = $"Your budget's optimum: {NumberText.Count(optimum.Parameters)} parameters, {NumberText.Count(optimum.Tokens)} tokens";
            if (plan is not null && plan.Flops == user)
            {
                var own = new LineSeries
                {
                    LineStyle = LineStyle.None,
                    Title = $"The law's own optimum: {NumberText.Count(optimum.Parameters)} parameters",
                    MarkerType = MarkerType.Circle,
                    MarkerSize = 7,
                    MarkerFill = OxyColors.Undefined,
                    MarkerStroke = OxyColors.White,
                    MarkerStrokeThickness = 2,
                };
                own.Points.Add(new DataPoint(optimum.Parameters, optimum.Tokens));
                model.Series.Add(own);
                optimum = plan.Optimum;
                title = $"Your plan ({Fitting.Extrapolation.ExtrapolationMethodNames.Name(plan.Method)} forecast): {NumberText.Count(optimum.Parameters)} parameters, {NumberText.Count(optimum.Tokens)} tokens";
            }

            var star = new LineSeries
            {
                LineStyle = LineStyle.None,
                Title = title,
                MarkerType = MarkerType.Star,
                MarkerSize = 12,
                MarkerStroke = OxyColor.FromRgb(213, 94, 0),
                MarkerStrokeThickness = 3,
                Tag = "your budget",
            };
            star.Points.Add(new DataPoint(optimum.Parameters, optimum.Tokens));
            model.Series.Add(star);
        }

        return model;
    }

    // The heat map of the reducible loss L − E over the log-spaced grid, and its smallest and largest value.
    private static (HeatMapSeries Heat, double Low, double High) Heat(LossLaw law, double nMin, double nMax, double dMin, double dMax)
    {
        var reducible = Grid(law, nMin, nMax, dMin, dMax, law.E);

        // The grid is log-spaced, so the bitmap's equal cells land on equal screen spacing on the log axes.
        var heat = new HeatMapSeries
        {
            X0 = nMin,
            X1 = nMax,
            Y0 = dMin,
            Y1 = dMax,
            Data = reducible,
            Interpolate = true,
            RenderMethod = HeatMapRenderMethod.Bitmap,
        };
        var values = reducible.Cast<double>().ToArray();
        return (heat, values.Min(), values.Max());
    }

    private static ContourSeries Contours(LossLaw law, double[] levels, double nMin, double nMax, double dMin, double dMax) => new()
    {
        ColumnCoordinates = LogSpaced(nMin, nMax),
        RowCoordinates = LogSpaced(dMin, dMax),
        Data = Grid(law, nMin, nMax, dMin, dMax, 0),
        ContourLevels = levels,
        LabelFormatString = null,
        ContourColors = [OxyColor.FromArgb(150, 255, 255, 255)],
        StrokeThickness = 1,
    };

    // L(N, D) − offset over the log-spaced grid.
    private static double[,] Grid(LossLaw law, double nMin, double nMax, double dMin, double dMax, double offset)
    {
        double[] parameters = LogSpaced(nMin, nMax);
        double[] tokens = LogSpaced(dMin, dMax);
        var values = new double[GridPoints, GridPoints];
        for (int i = 0; i < GridPoints; i++)
        {
            for (int j = 0; j < GridPoints; j++)
            {
                values[i, j] = law.Loss(parameters[i], tokens[j]) - offset;
            }
        }

        return values;
    }

    // About ten contours evenly spaced in log(L − E), so they sit as evenly as the colours, each at a round loss.
    private static double[] ContourLevels(double e, double reducibleLow, double reducibleHigh)
    {
        double a = Math.Log(reducibleLow), b = Math.Log(reducibleHigh);
        return Enumerable.Range(1, 10)
            .Select(i => e + Math.Exp(a + ((b - a) * i / 11)))
            .Select(level => Math.Round(level, level - e < 0.25 ? 2 : 1))
            .Distinct()
            .ToArray();
    }

    private static void AddContourLabels(PlotModel model, ComputeOptimalFrontier frontier, double[] levels, double nMin, double nMax, double dMin, double dMax)
    {
        foreach (double level in levels.Where(l => l > frontier.Law.E))
        {
            var at = frontier.Optimum(frontier.FlopsForLoss(level));
            if (at.Parameters < nMin * 1.3 || at.Parameters > nMax / 1.3 || at.Tokens < dMin * 1.3 || at.Tokens > dMax / 1.3)
            {
                continue;
            }

            model.Annotations.Add(new TextAnnotation
            {
                Text = NumberText.Loss(level),
                TextPosition = new DataPoint(at.Parameters, at.Tokens),
                Offset = new ScreenVector(8, 10),
                TextHorizontalAlignment = HorizontalAlignment.Left,
                TextVerticalAlignment = VerticalAlignment.Top,
                FontSize = 12,
                TextColor = OxyColors.Black,
                Background = OxyColor.FromArgb(200, 255, 255, 255),
                Padding = new OxyThickness(2, 0, 2, 0),
                StrokeThickness = 0,
                Tag = level,
            });
        }
    }

    private static LineSeries IsoFlopSeries(double flops, double flopsPerParameterToken, bool isUser, PlotBox box)
    {
        var series = new LineSeries
        {
            Title = isUser ? "Your budget, C = " + NumberText.Power(flops) + " FLOPs" : null,
            Color = isUser ? OxyColor.FromRgb(213, 94, 0) : OxyColor.FromArgb(200, 255, 255, 255),
            StrokeThickness = isUser ? 3.5 : 1.5,
            LineStyle = LineStyle.Dash,
            Tag = isUser ? "your budget" : null,
        };
        series.Points.AddRange(IsoFlopLine.Ends(flops, flopsPerParameterToken, box));
        return series;
    }

    private static LineSeries Frontier(ComputeOptimalFrontier frontier, double nMin, double nMax, double dMin, double dMax)
    {
        var series = new LineSeries
        {
            Title = "Compute-optimal frontier (N*, D*)",
            Color = OxyColor.FromRgb(230, 159, 0),
            StrokeThickness = 3.5,
        };
        double lo = Math.Log(frontier.FlopsPerParameterToken * nMin * dMin);
        double hi = Math.Log(frontier.FlopsPerParameterToken * nMax * dMax);
        for (int i = 0; i < 100; i++)
        {
            var optimum = frontier.Optimum(Math.Exp(lo + ((hi - lo) * i / 99)));
            if (optimum.Parameters >= nMin && optimum.Parameters <= nMax && optimum.Tokens >= dMin && optimum.Tokens <= dMax)
            {
                series.Points.Add(new DataPoint(optimum.Parameters, optimum.Tokens));
            }
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
