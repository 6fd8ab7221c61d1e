using System.Globalization;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;
using Scaling.Allocation;
using Scaling.Fitting.Bootstrap;
using Scaling.Laws;
using Scaling.Resources;
using Scaling.Text;

namespace Scaling.Reports.Figures;

/// <summary>
/// What a budget buys across four decades of compute on one GPU type, as small multiples that share the compute axis
/// (bottom, FLOPs; top, the same budgets in euros): the compute-optimal model size N*, the tokens D*, the GPUs and the
/// days — what a manager is constrained by — and the energy with its CO₂ on a second scale, one quantity per panel.
/// The user's budget is a vertical line through every panel with its values printed beside it; the schedule (or
/// deadline) is a line on the days panel.
/// </summary>
/// <remarks>
/// Budgets other than the user's are planned under the user's assumptions where possible; where a deadline or GPU
/// count cannot be met at a budget the user did not ask for, that point is drawn hollow on the largest cluster
/// allowed (or the fewest GPUs that hold the model) instead of failing the figure.
/// </remarks>
public static class BudgetViewFigure
{
    private const int PointsPerDecade = 8;
    private const double PanelGap = 0.035;

    /// <summary>Two decades either side of <paramref name="centreFlops"/>.</summary>
    /// <param name="law">The law whose allocator plans each budget.</param>
    /// <param name="resources">The user's hardware assumptions.</param>
    /// <param name="centreFlops">The user's budget in FLOPs.</param>
    /// <param name="resamples">Bootstrap refits of a fitted law: adds a 95% band around N* and D*.</param>
    /// <param name="forecast">
    /// The fit's calibrated forecast of N*: each budget is planned with it (as <c>scaling plan --law fit.json</c> plans) and
    /// the band is its calibrated interval instead of the refits'.
    /// </param>
    public static PlotModel Create(ScalingLaw law, ResourceAssumptions resources, double centreFlops, IReadOnlyList<LossLaw>? resamples = null, Fitting.Extrapolation.CalibratedExtrapolation? forecast = null)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(resources);
        if (!double.IsFinite(centreFlops) || centreFlops <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(centreFlops), centreFlops, "centreFlops must be finite and greater than 0.");
        }

        IComputeAllocator allocator = forecast is null ? law.Allocator() : Fitting.Extrapolation.ForecastAllocator.Create(forecast, (law as ParametricLaw)?.LossLaw);
        var (low, high) = (centreFlops / 100, centreFlops * 100);
        var budgets = Enumerable.Range(0, (4 * PointsPerDecade) + 1).Select(i => low * Math.Pow(10, (double)i / PointsPerDecade)).ToArray();
        var points = budgets.Select(c => Sweep(allocator.Optimum(c), resources)).ToArray();
        var user = Sweep(allocator.Optimum(centreFlops), resources);
        var rate = resources.Rate;
        bool clusterGiven = resources.DeadlineDays is not null || resources.Gpus is not null;
        bool hasEnergy = user.Plan.KilowattHours is not null;

        var model = FigureStyle.NewModel(
            $"What a budget buys on {resources.Accelerator.Name}: the model, the GPUs and the time",
            string.Create(CultureInfo.InvariantCulture,
                $"{(forecast is null ? "law " + law.Name : $"N* from the {Fitting.Extrapolation.ExtrapolationMethodNames.Name(forecast.Forecast.Method)} forecast of your runs")}; {Precision(resources)} at {resources.Mfu:P0} MFU, €{rate.EurosPerGpuHour:0.00}/GPU-hour, PUE {resources.Pue:0.0#}, {resources.GridGramsCo2PerKilowattHour:0} gCO₂/kWh{Cluster(resources)}"));
        model.Axes.Add(FigureStyle.LogAxis(AxisPosition.Bottom, "Training compute C", "FLOPs", low, high));
        var euros = FigureStyle.LogAxis(AxisPosition.Top, "Training cost", "€", rate.EurosForFlops(low), rate.EurosForFlops(high));
        euros.MajorGridlineStyle = LineStyle.None;
        euros.MinorGridlineStyle = LineStyle.None;
        euros.LabelFormatter = NumberText.Euros;
        euros.Key = "euros";
        model.Axes.Add(euros);

        var panels = new List<Panel>
        {
            new("parameters", "N*", "parameters", "compute-optimal model size", FigureStyle.Color(0), p => p.Optimum.Parameters, NumberText.Count),
            new("tokens", "D*", "tokens", "compute-optimal training tokens", FigureStyle.Color(1), p => p.Optimum.Tokens, NumberText.Count),
        };
        panels.Add(new("gpus", "GPUs", "count", "GPUs: " + GpuRule(resources), FigureStyle.Color(3), p => p.Plan.Gpus, v => NumberText.Whole(v) + (v == 1 ? " GPU" : " GPUs")));
        panels.Add(new("days", "Time", "days", "wall-clock days", FigureStyle.Color(4), p => p.Plan.Days, NumberText.Days)
        {
            Linear = true,
            Reference = resources.DeadlineDays ?? (resources.Gpus is null ? resources.ScheduleDays : null),
        });
        if (hasEnergy)
        {
            double grams = resources.GridGramsCo2PerKilowattHour;
            panels.Add(new("energy", "Energy", "MWh", grams > 0 ? "energy from the grid, and its CO₂ (right scale)" : "energy from the grid", FigureStyle.Color(2), p => (p.Plan.KilowattHours ?? double.NaN) / 1000,
                v => NumberText.Whole(v) + " MWh" + (grams > 0 ? " · " + NumberText.Tonnes(v * grams / 1000) + " CO₂" : string.Empty)));
        }

        for (int i = 0; i < panels.Count; i++)
        {
            AddPanel(model, panels[i], i, panels.Count, budgets, points, user, centreFlops, resamples, law, forecast);
        }

        if (clusterGiven && points.Any(p => !p.Feasible))
        {
            AddInfeasible(model, panels, budgets, points, resources);
        }

        if ((resources.DeadlineDays ?? (resources.Gpus is null ? resources.ScheduleDays : null)) is { } target)
        {
            model.Annotations.Add(new LineAnnotation
            {
                Type = LineAnnotationType.Horizontal,
                Y = target,
                YAxisKey = "days",
                Color = OxyColors.Black,
                LineStyle = LineStyle.Dash,
                Text = (resources.DeadlineDays is null ? "schedule " : "deadline ") + NumberText.Days(target),
                TextLinePosition = 0.99,
                TextHorizontalAlignment = HorizontalAlignment.Right,
                FontSize = 12,
            });
        }

        if (hasEnergy && resources.GridGramsCo2PerKilowattHour > 0)
        {
            AddCo2Scale(model, panels.Single(p => p.Key == "energy"), resources.GridGramsCo2PerKilowattHour);
        }

        model.Annotations.Add(FigureStyle.BudgetLabel(
            $"your budget: {NumberText.Euros(rate.EurosForFlops(centreFlops))} = {NumberText.Power(centreFlops)} FLOPs",
            new DataPoint(centreFlops, panels[0].Maximum),
            panels[0].Key));
        return model;
    }

    // One budget of the sweep: the user's assumptions where they can be met, otherwise relaxed and marked.
    private static SweepPoint Sweep(ComputeOptimum optimum, ResourceAssumptions resources)
    {
        try
        {
            return new SweepPoint(optimum, ResourcePlan.Create(optimum.Flops, optimum.Parameters, resources), true);
        }
        catch (ScalingException)
        {
            // A budget the user did not ask for: the deadline or GPU count cannot be met there. Plan it on the largest
            // cluster allowed (a deadline) or on the fewest GPUs that hold it (a GPU count), and draw it hollow.
            var relaxed = resources with { DeadlineDays = null, Gpus = null, MaxGpus = int.MaxValue };
            var fewest = ResourcePlan.Create(optimum.Flops, optimum.Parameters, relaxed);
            var plan = resources.DeadlineDays is not null && fewest.MinimumGpus <= resources.MaxGpus
                ? ResourcePlan.Create(optimum.Flops, optimum.Parameters, relaxed with { Gpus = resources.MaxGpus })
                : fewest;
            return new SweepPoint(optimum, plan, false);
        }
    }

    private static void AddPanel(PlotModel model, Panel panel, int index, int count, double[] budgets, SweepPoint[] points, SweepPoint user, double centreFlops, IReadOnlyList<LossLaw>? resamples, ScalingLaw law, Fitting.Extrapolation.CalibratedExtrapolation? forecast)
    {
        var values = points.Select(panel.Value).ToList();
        IReadOnlyList<(double Lower, double Upper)>? band = null;
        if (forecast is not null && panel.Key is "parameters" or "tokens")
        {
            band = budgets.Select(forecast.At).Select(o => panel.Key == "parameters"
                ? (o.ParametersLower, o.ParametersUpper)
                : (o.TokensLower, o.TokensUpper)).ToArray();
            values.AddRange(band.SelectMany(b => new[] { b.Lower, b.Upper }));
        }
        else if (resamples is { Count: >= 2 } && law is ParametricLaw { LossLaw: var estimate } && panel.Key is "parameters" or "tokens")
        {
            band = budgets.Select(c => OptimumIntervals.At(estimate, resamples, c)).Select(o => panel.Key == "parameters"
                ? (o.Parameters.Lower, o.Parameters.Upper)
                : (o.Tokens.Lower, o.Tokens.Upper)).ToArray();
            values.AddRange(band.SelectMany(b => new[] { b.Lower, b.Upper }));
        }

        // Days sit near the schedule at most budgets: a linear scale from zero shows that, a log scale hid it.
        var (minimum, maximum) = panel.Linear ? (0, Math.Max(values.Max(), panel.Reference ?? 0) * 1.3) : FigureStyle.Decades(values.Min(), values.Max());
        panel.Maximum = maximum;
        Axis axis = panel.Linear
            ? new LinearAxis
            {
                Position = AxisPosition.Left,
                Title = panel.Title,
                Unit = panel.Unit,
                Minimum = minimum,
                Maximum = maximum,
                MajorGridlineStyle = LineStyle.Solid,
                MajorGridlineColor = OxyColor.FromArgb(40, 0, 0, 0),
            }
            : FigureStyle.LogAxis(AxisPosition.Left, panel.Title, panel.Unit, minimum, maximum);
        axis.Key = panel.Key;
        axis.StartPosition = 1 - ((index + 1.0) / count) + (PanelGap / 2);
        axis.EndPosition = 1 - ((double)index / count) - (PanelGap / 2);
        axis.TitleFontSize = 14;
        axis.FontSize = 13;
        axis.AxisTitleDistance = 6;
        model.Axes.Add(axis);

        if (band is not null)
        {
            var area = new AreaSeries
            {
                Title = index == 0 ? (forecast is null ? "95% interval from the fit's bootstrap refits" : $"{forecast.Level * 100:0}% interval of the forecast{(forecast.Calibrated ? " (calibrated)" : string.Empty)}") : null,
                YAxisKey = panel.Key,
                Color = OxyColors.Transparent,
                Fill = OxyColor.FromAColor(60, panel.Color),
                StrokeThickness = 0,
            };
            area.Points.AddRange(budgets.Zip(band, (c, b) => new DataPoint(c, b.Upper)));
            area.Points2.AddRange(budgets.Zip(band, (c, b) => new DataPoint(c, b.Lower)));
            model.Series.Add(area);
        }

        var line = new LineSeries { Color = panel.Color, StrokeThickness = 3, YAxisKey = panel.Key };
        line.Points.AddRange(budgets.Zip(points, (c, p) => new DataPoint(c, panel.Value(p))));
        model.Series.Add(line);

        model.Annotations.Add(new LineAnnotation
        {
            Type = LineAnnotationType.Vertical,
            X = centreFlops,
            YAxisKey = panel.Key,
            Color = OxyColor.FromArgb(150, 0, 0, 0),
            LineStyle = LineStyle.Dash,
            StrokeThickness = 1.5,
        });
        double value = panel.Value(user);
        var marker = new ScatterSeries { YAxisKey = panel.Key, MarkerType = MarkerType.Circle, MarkerSize = 6, MarkerFill = panel.Color, MarkerStroke = OxyColors.White, MarkerStrokeThickness = 1.5, Tag = "your budget" };
        marker.Points.Add(new ScatterPoint(centreFlops, value));
        model.Series.Add(marker);
        model.Annotations.Add(new TextAnnotation
        {
            Text = panel.Format(value),
            TextPosition = new DataPoint(centreFlops, value),
            YAxisKey = panel.Key,
            Offset = new ScreenVector(-10, -4),
            TextHorizontalAlignment = HorizontalAlignment.Right,
            TextVerticalAlignment = VerticalAlignment.Bottom,
            Background = OxyColor.FromArgb(220, 255, 255, 255),
            StrokeThickness = 0,
            FontSize = 13,
            FontWeight = FontWeights.Bold,
            TextColor = panel.Color.ChangeIntensity(0.7),
        });
        model.Annotations.Add(new TextAnnotation
        {
            Text = panel.Description,
            TextPosition = new DataPoint(budgets[0], maximum),
            YAxisKey = panel.Key,
            Offset = new ScreenVector(6, 4),
            TextHorizontalAlignment = HorizontalAlignment.Left,
            TextVerticalAlignment = VerticalAlignment.Top,
            StrokeThickness = 0,
            FontSize = 12,
            TextColor = OxyColor.FromRgb(90, 90, 90),
        });
    }

    private static void AddInfeasible(PlotModel model, List<Panel> panels, double[] budgets, SweepPoint[] points, ResourceAssumptions resources)
    {
        string title = resources.DeadlineDays is not null
            ? string.Create(CultureInfo.InvariantCulture, $"deadline missed: on {NumberText.Whole(resources.MaxGpus)} GPUs (the cap)")
            : "too few GPUs given: the fewest that hold the model";
        bool first = true;
        foreach (var panel in panels.Where(p => p.Key is "gpus" or "days"))
        {
            var hollow = new ScatterSeries
            {
                Title = first ? title : null,
                YAxisKey = panel.Key,
                MarkerType = MarkerType.Circle,
                MarkerSize = 5,
                MarkerFill = OxyColors.White,
                MarkerStroke = panel.Color,
                MarkerStrokeThickness = 2,
            };
            hollow.Points.AddRange(budgets.Zip(points).Where(z => !z.Second.Feasible).Select(z => new ScatterPoint(z.First, panel.Value(z.Second))));
            model.Series.Add(hollow);
            first = false;
        }
    }

    private static string Cluster(ResourceAssumptions resources) => resources switch
    {
        { Gpus: { } gpus } => $"; {NumberText.Whole(gpus)} GPUs",
        { DeadlineDays: { } days } => $"; deadline {NumberText.Days(days)}",
        { ScheduleDays: { } schedule } => $"; a {NumberText.Days(schedule).Replace(" days", "-day", StringComparison.Ordinal)} schedule",
        _ => string.Empty,
    };

    // How the GPUs panel's counts were chosen, in words.
    private static string GpuRule(ResourceAssumptions resources)
    {
        string nodes = resources.GpusPerNode > 1 ? $"whole {resources.GpusPerNode}-GPU nodes" : "GPUs";
        return resources switch
        {
            { Gpus: { } gpus } => $"the {NumberText.Whole(gpus)} given",
            { DeadlineDays: { } days } => $"the fewest {nodes} that finish in {NumberText.Days(days)}",
            { ScheduleDays: { } schedule } => $"the fewest {nodes} that finish in {NumberText.Days(schedule)}, at least those the model's memory needs",
            _ => $"the fewest {nodes} whose memory holds the model",
        };
    }

    // CO₂ is energy times the grid's intensity: a second scale on the energy panel, in tonnes.
    private static void AddCo2Scale(PlotModel model, Panel energy, double gramsPerKilowattHour)
    {
        var left = model.Axes.Single(a => a.Key == energy.Key);
        double factor = gramsPerKilowattHour / 1000;
        var axis = FigureStyle.LogAxis(AxisPosition.Right, "CO₂", "t", left.Minimum * factor, left.Maximum * factor);
        axis.Key = "co2";
        axis.StartPosition = left.StartPosition;
        axis.EndPosition = left.EndPosition;
        axis.TitleFontSize = left.TitleFontSize;
        axis.FontSize = left.FontSize;
        axis.AxisTitleDistance = 6;
        axis.MajorGridlineStyle = LineStyle.None;
        axis.MinorGridlineStyle = LineStyle.None;
        model.Axes.Add(axis);
    }

    private static string Precision(ResourceAssumptions resources) =>
        Scaling.Hardware.Precisions.Name(resources.TrainingPrecision).ToUpperInvariant();

    private sealed record SweepPoint(ComputeOptimum Optimum, ResourcePlan Plan, bool Feasible);

    private sealed record Panel(string Key, string Title, string Unit, string Description, OxyColor Color, Func<SweepPoint, double> Value, Func<double, string> Format)
    {
        public double Maximum { get; set; }

        /// <summary>A linear axis from zero instead of a log axis.</summary>
        public bool Linear { get; init; }

        /// <summary>A value the axis must show besides the data (the schedule or deadline).</summary>
        public double? Reference { get; init; }
    }
}
