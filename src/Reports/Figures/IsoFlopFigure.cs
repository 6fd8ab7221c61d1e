using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;
using Scaling.Allocation;
using Scaling.Fitting.Bootstrap;
using Scaling.Fitting.Runs;
using Scaling.Laws;
using Scaling.Text;

namespace Scaling.Reports.Figures;

/// <summary>
/// Figure 1, IsoFLOP curves (Hoffmann et al. 2022, Fig. 3): the predicted loss against model size for several fixed
/// budgets coloured on a sequential ramp (small budgets dark, large light), each curve's optimum marked, the
/// compute-optimal frontier through the optima, the user's budget drawn bold with the sizes within 0.5% and 1% of
/// its optimal loss shaded (<see cref="NearOptimalRange"/>). With the runs of a fit, the curves are the runs' own
/// IsoFLOP budgets plus the user's, and the runs are plotted on them; with bootstrap refits, each optimum carries its
/// 95% interval of N*. When the plan rests on a calibrated forecast of N* (<see cref="ForecastPlan"/>), the plan is
/// marked on the user's curve with its calibrated interval, the near-optimal sizes are shaded about it (the law's valley
/// moved there), and the curves' own minima are labelled as the law's.
/// </summary>
public static class IsoFlopFigure
{
    /// <summary>The loss allowances shaded around the user's optimum: 0.5% and 1%.</summary>
    public static IReadOnlyList<double> NearOptimalTolerances { get; } = [0.005, 0.01];

    private const int PointsPerCurve = 160;

    // Each curve spans this factor either side of its optimum: wide enough to show the valley, narrow enough to read.
    private const double SpanAroundOptimum = 40;

    // The runs' IsoFLOP groups, when they are used as budgets, keep at most this many (the largest), leaving one for the user's.
    private const int MaxRunGroups = 9;

    /// <summary>Seven budgets, one decade apart, centred on <paramref name="flops"/>.</summary>
    public static IReadOnlyList<double> BudgetsAround(double flops) =>
        Enumerable.Range(-3, 7).Select(i => flops * Math.Pow(10, i)).ToArray();

    /// <summary>
    /// The runs' IsoFLOP budgets (their <c>budget</c> column, or 6·N·D to two significant digits), at most nine, with
    /// <paramref name="userFlops"/> added: the budgets of the figure when runs are overlaid.
    /// </summary>
    public static IReadOnlyList<double> BudgetsOfRuns(IReadOnlyList<TrainingRun> runs, double userFlops)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var groups = runs.Select(Group).Distinct().Order().TakeLast(MaxRunGroups);
        return groups.Append(userFlops).Distinct().Order().ToArray();
    }

    /// <summary>The figure for <paramref name="law"/> over <paramref name="budgetsFlops"/> (2 to 10 budgets).</summary>
    /// <param name="law">A law that predicts loss.</param>
    /// <param name="budgetsFlops">The budgets, one curve each.</param>
    /// <param name="userFlops">The user's budget (one of the budgets or not): drawn bold, its near-optimal sizes shaded.</param>
    /// <param name="runs">Training runs to overlay, coloured by their IsoFLOP group.</param>
    /// <param name="resamples">Bootstrap refits of the law: each optimum gets its 95% interval of N*.</param>
    /// <param name="plan">The plan at <paramref name="userFlops"/> when it rests on a calibrated forecast of N*: marked with its interval.</param>
    public static PlotModel Create(
        ParametricLaw law, IReadOnlyList<double> budgetsFlops, double? userFlops = null, IReadOnlyList<TrainingRun>? runs = null, IReadOnlyList<LossLaw>? resamples = null,
        ForecastPlan? plan = null)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(budgetsFlops);
        var frontier = law.Frontier();
        var budgets = budgetsFlops.Concat(userFlops is { } u ? [u] : []).Distinct().Order().ToArray();
        if (budgets.Length is < 2 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(budgetsFlops), budgets.Length, "Give between 2 and 10 budgets.");
        }

        var optima = budgets.Select(frontier.Optimum).ToArray();
        var curves = budgets.Select((c, i) => Curve(frontier, c, optima[i])).ToArray();
        var model = FigureStyle.NewModel(
            "IsoFLOP curves: loss against model size at fixed compute",
            $"law {law.Name}: L = E + A/N^α + B/D^β with D = C/(6N); dashed: the frontier through each budget's optimum");

        var runPoints = runs ?? [];
        var ys = optima.Select(o => o.Loss).Concat(runPoints.Select(r => r.Loss)).ToArray();
        var lossAxis = FigureStyle.LinearAxis(AxisPosition.Left, "Predicted loss", "nats/token");
        // The valleys matter, not the walls: show the highest optimum (and every run) with room above it.
        double bottom = ys.Min();
        double top = Math.Max(ys.Max(), optima.Max(o => o.Loss) + (0.3 * (optima.Max(o => o.Loss) - bottom)));
        lossAxis.Minimum = bottom - (0.04 * (top - bottom));
        lossAxis.Maximum = top + (0.03 * (top - bottom));

        // The sizes axis spans what is drawn inside the loss range (the walls above it are clipped), not whole decades:
        // rounding out to decades left the first decade empty.
        var xs = curves.SelectMany(c => c.Where(p => p.Y <= lossAxis.Maximum).Select(p => p.X)).Concat(runPoints.Select(r => r.Parameters)).ToArray();
        model.Axes.Add(FigureStyle.LogAxis(AxisPosition.Bottom, "Model size N", "parameters", xs.Min() / 1.15, xs.Max() * 1.15));
        model.Axes.Add(lossAxis);

        if (userFlops is { } user)
        {
            AddNearOptimalShading(model, frontier, user, lossAxis.Maximum, plan?.Flops == user ? plan : null);
        }

        var colours = Ramp(budgets.Length);
        for (int i = 0; i < budgets.Length; i++)
        {
            bool isUser = userFlops is { } f && budgets[i] == f;
            var series = new LineSeries
            {
                Title = "C = " + NumberText.Power(budgets[i]) + " FLOPs" + (isUser ? " (your budget)" : string.Empty),
                Color = colours[i],
                StrokeThickness = isUser ? 5 : 2.5,
                Tag = isUser ? "your budget" : null,
            };
            series.Points.AddRange(curves[i]);
            model.Series.Add(series);
        }

        if (runPoints.Count > 0)
        {
            AddRuns(model, runPoints, budgets, colours);
        }

        if (resamples is { Count: >= 2 })
        {
            AddIntervals(model, law.LossLaw, resamples, budgets, optima, plan is not null);
        }

        model.Series.Add(Frontier(optima, plan is not null));
        if (plan is not null && userFlops is { } planned && plan.Flops == planned)
        {
            AddPlan(model, law.LossLaw, plan);
        }

        return model;
    }

    /// <summary>
    /// n colours on a sequential ramp, dark violet to green (the viridis map up to 80%, so the lightest budget stays
    /// visible on white; Hoffmann et al. 2022, Fig. 3, colour budgets sequentially too).
    /// </summary>
    public static IReadOnlyList<OxyColor> Ramp(int count)
    {
        var viridis = OxyPalettes.Viridis(256).Colors;
        return Enumerable.Range(0, count)
            .Select(i => viridis[(int)Math.Round((count == 1 ? 0 : (double)i / (count - 1)) * 0.8 * 255)])
            .ToArray();
    }

    private static double Group(TrainingRun run) => run.BudgetFlops ?? double.Parse(run.Flops.ToString("G2", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

    private static DataPoint[] Curve(ComputeOptimalFrontier frontier, double flops, LossOptimum optimum)
    {
        double lo = Math.Log(optimum.Parameters / SpanAroundOptimum);
        double hi = Math.Log(optimum.Parameters * SpanAroundOptimum);
        return Enumerable.Range(0, PointsPerCurve)
            .Select(j => Math.Exp(lo + ((hi - lo) * j / (PointsPerCurve - 1))))
            .Select(n => new DataPoint(n, frontier.At(flops, n).Loss))
            .ToArray();
    }

    private static void AddNearOptimalShading(PlotModel model, ComputeOptimalFrontier frontier, double flops, double top, ForecastPlan? plan)
    {
        // Widest first, so the narrower band draws on top of it; labels stack down from the top of the plot.
        int row = 0;
        foreach (double tolerance in NearOptimalTolerances.OrderDescending())
        {
            var range = NearOptimalRange.Create(frontier, flops, tolerance);
            if (plan?.Optimum is LossOptimum planned)
            {
                range = range.MovedTo(planned);
            }

            model.Annotations.Add(new RectangleAnnotation
            {
                MinimumX = range.LowerParameters,
                MaximumX = range.UpperParameters,
                Fill = OxyColor.FromArgb(row == 0 ? (byte)22 : (byte)30, 0, 60, 120),
                Layer = AnnotationLayer.BelowSeries,
                Tag = tolerance,
            });
            model.Annotations.Add(new TextAnnotation
            {
                Text = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"sizes within {tolerance * 100:0.#}% of the {(plan is null ? "optimal loss" : "plan's loss")} at your budget: {NumberText.Count(range.LowerParameters)}–{NumberText.Count(range.UpperParameters)}"),
                TextPosition = new DataPoint(Math.Sqrt(range.LowerParameters * range.UpperParameters), top),
                Offset = new ScreenVector(0, 6 + (row * 22)),
                TextHorizontalAlignment = HorizontalAlignment.Center,
                TextVerticalAlignment = VerticalAlignment.Top,
                Background = OxyColor.FromArgb(225, 255, 255, 255),
                StrokeThickness = 0,
                FontSize = 13,
                Tag = PhoneLayout.WideOnly,
            });
            row++;
        }
    }

    private static void AddRuns(PlotModel model, IReadOnlyList<TrainingRun> runs, double[] budgets, IReadOnlyList<OxyColor> colours)
    {
        bool first = true;
        for (int i = 0; i < budgets.Length; i++)
        {
            var members = runs.Where(r => Math.Abs(Math.Log(Group(r) / budgets[i])) < 0.05).ToArray();
            if (members.Length == 0)
            {
                continue;
            }

            var scatter = new ScatterSeries
            {
                Title = first ? "Training runs (coloured by budget)" : null,
                MarkerType = MarkerType.Circle,
                MarkerSize = 4,
                MarkerFill = OxyColor.FromAColor(200, colours[i]),
                MarkerStroke = OxyColors.White,
                MarkerStrokeThickness = 0.6,
            };
            scatter.Points.AddRange(members.Select(r => new ScatterPoint(r.Parameters, r.Loss)));
            model.Series.Add(scatter);
            first = false;
        }
    }

    private static void AddIntervals(PlotModel model, LossLaw estimate, IReadOnlyList<LossLaw> resamples, double[] budgets, LossOptimum[] optima, bool forecastPlans)
    {
        for (int i = 0; i < budgets.Length; i++)
        {
            var interval = OptimumIntervals.At(estimate, resamples, budgets[i]).Parameters;
            var bar = new LineSeries
            {
                Title = i == 0 ? (forecastPlans ? "95% interval of the law's N* (bootstrap refits: run noise only)" : "95% interval of N* (bootstrap refits)") : null,
                Color = OxyColor.FromArgb(150, 0, 0, 0),
                StrokeThickness = 7,
                Tag = "interval",
            };
            bar.Points.Add(new DataPoint(interval.Lower, optima[i].Loss));
            bar.Points.Add(new DataPoint(interval.Upper, optima[i].Loss));
            model.Series.Add(bar);
        }
    }

    // The plan of a calibrated forecast on the user's curve: N̂ at the law's loss there, with its calibrated interval.
    private static void AddPlan(PlotModel model, LossLaw law, ForecastPlan plan)
    {
        var at = plan.Forecast;
        double loss = law.Loss(at.Parameters, at.Tokens);
        string level = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{at.Level * 100:0}%");
        var bar = new LineSeries
        {
            Title = $"{level} {(at.Calibrated ? "calibrated " : string.Empty)}interval of your plan's N*",
            Color = OxyColor.FromRgb(213, 94, 0),
            StrokeThickness = 4,
            Tag = "plan interval",
        };
        bar.Points.Add(new DataPoint(at.ParametersLower, loss));
        bar.Points.Add(new DataPoint(at.ParametersUpper, loss));
        model.Series.Add(bar);
        var point = new LineSeries
        {
            Title = $"Your plan: {NumberText.Count(at.Parameters)} parameters ({Fitting.Extrapolation.ExtrapolationMethodNames.Name(plan.Method)} forecast of your runs)",
            LineStyle = LineStyle.None,
            MarkerType = MarkerType.Diamond,
            MarkerSize = 9,
            MarkerFill = OxyColor.FromRgb(213, 94, 0),
            MarkerStroke = OxyColors.White,
            MarkerStrokeThickness = 1.5,
            Tag = "your plan",
        };
        point.Points.Add(new DataPoint(at.Parameters, loss));
        model.Series.Add(point);
    }

    private static LineSeries Frontier(IEnumerable<LossOptimum> optima, bool forecastPlans)
    {
        var series = new LineSeries
        {
            Title = forecastPlans ? "The law's own optima (its frontier)" : "Compute-optimal frontier",
            Color = OxyColors.Black,
            StrokeThickness = 2,
            LineStyle = LineStyle.Dash,
            MarkerType = forecastPlans ? MarkerType.Circle : MarkerType.Diamond,
            MarkerSize = 7,
            MarkerFill = OxyColors.Black,
            MarkerStroke = OxyColors.White,
            MarkerStrokeThickness = 1,
        };
        series.Points.AddRange(optima.Select(o => new DataPoint(o.Parameters, o.Loss)));
        return series;
    }
}
