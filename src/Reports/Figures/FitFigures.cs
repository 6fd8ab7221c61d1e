using System.Globalization;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;
using Scaling.Fitting.Approach3;
using Scaling.Fitting.Bootstrap;
using Scaling.Fitting.Runs;
using Scaling.Text;

namespace Scaling.Reports.Figures;

/// <summary>
/// Diagnostics of an Approach 3 fit: observed against predicted loss, log residuals against compute, and the bootstrap
/// distribution of the allocation exponent a with its interval.
/// </summary>
public static class FitFigures
{
    private const int HistogramBins = 40;

    /// <summary>Observed loss against the fitted law's prediction, with the line of perfect agreement.</summary>
    public static PlotModel ObservedVsPredicted(ParametricFitResult fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var points = fit.Runs.Select(r => (Predicted: fit.Law.Loss(r.Parameters, r.Tokens), Observed: r.Loss)).ToList();
        double low = points.Min(p => Math.Min(p.Predicted, p.Observed));
        double high = points.Max(p => Math.Max(p.Predicted, p.Observed));
        double pad = (high - low) * 0.05;
        var model = FigureStyle.NewModel(
            "Observed against predicted loss",
            Invariant($"Approach 3 fit to {fit.RunsUsed} runs; RMSE of ln L {NumberText.Percent(fit.Residuals.RootMeanSquare)}"));
        var x = FigureStyle.LinearAxis(AxisPosition.Bottom, "Predicted loss", "nats/token");
        var y = FigureStyle.LinearAxis(AxisPosition.Left, "Observed loss", "nats/token");
        (x.Minimum, x.Maximum, y.Minimum, y.Maximum) = (low - pad, high + pad, low - pad, high + pad);
        model.Axes.Add(x);
        model.Axes.Add(y);
        var diagonal = new LineSeries { Title = "Perfect agreement", Color = OxyColors.Black, LineStyle = LineStyle.Dash, StrokeThickness = 2 };
        diagonal.Points.Add(new DataPoint(low - pad, low - pad));
        diagonal.Points.Add(new DataPoint(high + pad, high + pad));
        model.Series.Add(diagonal);
        var scatter = Scatter("Training runs", FigureStyle.Color(0));
        scatter.Points.AddRange(points.Select(p => new ScatterPoint(p.Predicted, p.Observed)));
        model.Series.Add(scatter);
        return model;
    }

    /// <summary>Residuals ln L_observed − ln L_predicted (in percent) against the runs' compute 6·N·D.</summary>
    public static PlotModel ResidualsAgainstCompute(ParametricFitResult fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var model = ResidualPlot("Residuals against compute", "with compute", "Training compute C = 6·N·D", "FLOPs", fit.Runs.Select(r => r.Flops));
        var scatter = Scatter("Training runs", FigureStyle.Color(5));
        scatter.Points.AddRange(fit.Runs.Select(r => new ScatterPoint(r.Flops, Residual(fit, r))));
        model.Series.Add(scatter);
        return model;
    }

    /// <summary>
    /// Residuals against model size N, coloured by IsoFLOP group (the runs' budgets on a sequential ramp): a trend within
    /// a group — residuals rising towards small or large N — shows the law's curvature missing the data, which a plot
    /// against compute hides.
    /// </summary>
    public static PlotModel ResidualsAgainstSize(ParametricFitResult fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var model = ResidualPlot("Residuals against model size, by IsoFLOP group", "within a group", "Model size N", "parameters", fit.Runs.Select(r => r.Parameters));
        var groups = IsoFlopBudget.Group(fit.Runs);
        var colours = IsoFlopFigure.Ramp(groups.Count);
        for (int i = 0; i < groups.Count; i++)
        {
            var series = new LineSeries
            {
                Title = "C = " + NumberText.Power(groups[i].Flops) + " FLOPs",
                Color = OxyColor.FromAColor(110, colours[i]),
                StrokeThickness = 1,
                MarkerType = MarkerType.Circle,
                MarkerSize = 4,
                MarkerFill = colours[i],
                MarkerStroke = OxyColors.White,
                MarkerStrokeThickness = 0.6,
            };
            series.Points.AddRange(groups[i].Runs.OrderBy(r => r.Parameters).Select(r => new DataPoint(r.Parameters, Residual(fit, r))));
            model.Series.Add(series);
        }

        return model;
    }

    // The frame both residual plots share: ln L_observed − ln L_predicted in percent on a linear axis, with its zero
    // line, against a log axis spanning the runs' values; a trend ("with compute", "within a group") shows the law's
    // form missing the data.
    private static PlotModel ResidualPlot(string title, string trend, string xTitle, string xUnit, IEnumerable<double> xs)
    {
        var model = FigureStyle.NewModel(title, $"ln L_observed − ln L_predicted; a trend {trend} means the law's form misses the data");
        double[] values = xs.ToArray();
        var (low, high) = FigureStyle.Decades(values.Min(), values.Max());
        model.Axes.Add(FigureStyle.LogAxis(AxisPosition.Bottom, xTitle, xUnit, low, high));
        model.Axes.Add(FigureStyle.LinearAxis(AxisPosition.Left, "Residual", "%"));
        model.Annotations.Add(new LineAnnotation { Type = LineAnnotationType.Horizontal, Y = 0, Color = OxyColors.Black, StrokeThickness = 1.5 });
        return model;
    }

    /// <summary>A histogram of the bootstrap estimates of a, with the full-data estimate and the percentile interval.</summary>
    /// <exception cref="ArgumentException">The bootstrap holds no samples of the exponent.</exception>
    public static PlotModel ExponentDistribution(BootstrapResult bootstrap)
    {
        ArgumentNullException.ThrowIfNull(bootstrap);
        var interval = bootstrap.Intervals.ExponentA;
        double[] samples = bootstrap.Samples.ExponentA.Where(double.IsFinite).ToArray();
        if (samples.Length == 0)
        {
            throw new ArgumentException("bootstrap: no resampled estimates of exponentA; run the bootstrap with at least 2 resamples.", nameof(bootstrap));
        }

        var model = FigureStyle.NewModel(
            "Bootstrap distribution of the exponent a",
            Invariant($"{samples.Length} resamples; N* grows as C^a; a = {NumberText.Exponent(interval.Estimate)}, {NumberText.Percent(interval.Level)} interval [{NumberText.Exponent(interval.Lower)}, {NumberText.Exponent(interval.Upper)}]"));
        model.Axes.Add(FigureStyle.LinearAxis(AxisPosition.Bottom, "Exponent a", "N* ∝ C^a"));
        model.Axes.Add(FigureStyle.LinearAxis(AxisPosition.Left, "Resamples", "count"));
        var histogram = Histogram(samples);
        model.Series.Add(histogram);
        double top = histogram.Items.Max(i => i.Count) * 1.08;
        model.Axes[1].Maximum = top;
        model.Axes[1].Minimum = 0;

        // The lines are series, so their values read in the legend instead of on the bars.
        model.Series.Add(Vertical(Invariant($"Estimate a = {NumberText.Exponent(interval.Estimate)}"), interval.Estimate, top, OxyColors.Black, LineStyle.Solid));
        model.Series.Add(Vertical(Invariant($"{NumberText.Percent(interval.Level)} interval [{NumberText.Exponent(interval.Lower)}, {NumberText.Exponent(interval.Upper)}]"), interval.Lower, top, FigureStyle.Color(5), LineStyle.Dash));
        model.Series.Add(Vertical(null, interval.Upper, top, FigureStyle.Color(5), LineStyle.Dash));
        foreach (var (name, a, style) in References())
        {
            model.Series.Add(Vertical(Invariant($"Reference: {name}, a = {NumberText.Exponent(a)}"), a, top, OxyColor.FromRgb(90, 90, 90), style));
        }

        return model;
    }

    // The published laws' allocation exponents, for comparison with the fitted one.
    private static IEnumerable<(string Name, double A, LineStyle Style)> References()
    {
        yield return (Scaling.Laws.LawPresets.Hoffmann2022.Name, Scaling.Allocation.ScalingLawAllocation.Frontier(Scaling.Laws.LawPresets.Hoffmann2022).ExponentA, LineStyle.Dot);
        yield return (Scaling.Laws.LawPresets.Besiroglu2024.Name, Scaling.Allocation.ScalingLawAllocation.Frontier(Scaling.Laws.LawPresets.Besiroglu2024).ExponentA, LineStyle.DashDot);
    }

    private static double Residual(ParametricFitResult fit, TrainingRun run) =>
        100 * (Math.Log(run.Loss) - Math.Log(fit.Law.Loss(run.Parameters, run.Tokens)));

    private static HistogramSeries Histogram(double[] samples)
    {
        double low = samples.Min();
        double high = samples.Max();
        double width = Math.Max(high - low, 1e-12) / HistogramBins;
        var counts = new int[HistogramBins];
        foreach (double s in samples)
        {
            counts[Math.Min(HistogramBins - 1, (int)((s - low) / width))]++;
        }

        var series = new HistogramSeries { Title = "Resampled a", FillColor = OxyColor.FromAColor(170, FigureStyle.Color(0)), StrokeColor = OxyColors.White, StrokeThickness = 1 };
        for (int i = 0; i < HistogramBins; i++)
        {
            double start = low + (i * width);

            // A histogram item's height is its area over its width: area = count·width draws the count.
            series.Items.Add(new HistogramItem(start, start + width, counts[i] * width, counts[i]));
        }

        return series;
    }

    private static LineSeries Vertical(string? title, double x, double top, OxyColor color, LineStyle style)
    {
        var line = new LineSeries { Title = title, Color = color, LineStyle = style, StrokeThickness = 2.5 };
        line.Points.Add(new DataPoint(x, 0));
        line.Points.Add(new DataPoint(x, top));
        return line;
    }

    private static ScatterSeries Scatter(string title, OxyColor color) => new()
    {
        Title = title,
        MarkerType = MarkerType.Circle,
        MarkerSize = 5,
        MarkerFill = OxyColor.FromAColor(190, color),
        MarkerStroke = OxyColors.White,
        MarkerStrokeThickness = 0.8,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
