using System.Globalization;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;
using Scaling.Fitting;

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
            Invariant($"Approach 3 fit to {fit.RunsUsed} runs; RMSE of ln L {fit.Residuals.RootMeanSquare * 100:0.00}%"));
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
        var model = FigureStyle.NewModel(
            "Residuals against compute",
            "ln L_observed − ln L_predicted; a trend with compute means the law's form misses the data");
        var (low, high) = FigureStyle.Decades(fit.Runs.Min(r => r.Flops), fit.Runs.Max(r => r.Flops));
        model.Axes.Add(FigureStyle.LogAxis(AxisPosition.Bottom, "Training compute C = 6·N·D", "FLOPs", low, high));
        model.Axes.Add(FigureStyle.LinearAxis(AxisPosition.Left, "Residual", "%"));
        model.Annotations.Add(new LineAnnotation { Type = LineAnnotationType.Horizontal, Y = 0, Color = OxyColors.Black, StrokeThickness = 1.5 });
        var scatter = Scatter("Training runs", FigureStyle.Color(5));
        scatter.Points.AddRange(fit.Runs.Select(r => new ScatterPoint(r.Flops, 100 * (Math.Log(r.Loss) - Math.Log(fit.Law.Loss(r.Parameters, r.Tokens))))));
        model.Series.Add(scatter);
        return model;
    }

    /// <summary>A histogram of the bootstrap estimates of a, with the full-data estimate and the percentile interval.</summary>
    /// <exception cref="ArgumentException">The bootstrap holds no samples of the exponent.</exception>
    public static PlotModel ExponentDistribution(BootstrapResult bootstrap)
    {
        ArgumentNullException.ThrowIfNull(bootstrap);
        var interval = bootstrap["exponentA"];
        if (interval is null || !bootstrap.Samples.TryGetValue("exponentA", out var raw))
        {
            throw new ArgumentException("bootstrap: no resampled estimates of exponentA; run the bootstrap with at least 2 resamples.", nameof(bootstrap));
        }

        double[] samples = raw.Where(double.IsFinite).ToArray();
        var model = FigureStyle.NewModel(
            "Bootstrap distribution of the exponent a",
            Invariant($"{samples.Length} resamples; N* grows as C^a; a = {interval.Estimate:0.000}, {interval.Level * 100:0}% interval [{interval.Lower:0.000}, {interval.Upper:0.000}]"));
        model.Axes.Add(FigureStyle.LinearAxis(AxisPosition.Bottom, "Exponent a", "N* ∝ C^a"));
        model.Axes.Add(FigureStyle.LinearAxis(AxisPosition.Left, "Resamples", "count"));
        model.Series.Add(Histogram(samples));
        model.Annotations.Add(Vertical(interval.Estimate, "estimate", OxyColors.Black, LineStyle.Solid));
        model.Annotations.Add(Vertical(interval.Lower, "lower", FigureStyle.Color(5), LineStyle.Dash));
        model.Annotations.Add(Vertical(interval.Upper, "upper", FigureStyle.Color(5), LineStyle.Dash));
        return model;
    }

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

    private static LineAnnotation Vertical(double x, string text, OxyColor color, LineStyle style) => new()
    {
        Type = LineAnnotationType.Vertical,
        X = x,
        Color = color,
        LineStyle = style,
        StrokeThickness = 2.5,
        Text = Invariant($"{text} {x:0.000}"),
        FontSize = 14,
    };

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
