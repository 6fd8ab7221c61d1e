using System.Globalization;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;
using Scaling.Fitting.Extrapolation;

namespace Scaling.Reports.Figures;

/// <summary>
/// The runs' own back-test: for every prediction of a larger budget's observed N* from the budgets below it, observed
/// over predicted against the extrapolation distance in decades, with the calibrated interval as a bar. A forecast that
/// extrapolates well keeps its points near 1 and its bars across 1.
/// </summary>
public static class BacktestFigure
{
    /// <summary>The figure, or null when the runs could not back-test themselves.</summary>
    public static PlotModel? Create(CalibratedExtrapolation extrapolation)
    {
        ArgumentNullException.ThrowIfNull(extrapolation);
        if (extrapolation.Backtest is not { Rows.Count: > 0 } backtest)
        {
            return null;
        }

        var rows = backtest.Rows;
        int covered = rows.Count(r => r.Covered);
        var model = FigureStyle.NewModel(
            "Back-test: observed over predicted N*",
            string.Create(
                CultureInfo.InvariantCulture,
                $"{extrapolation.Forecast.Method.Name()} forecast from the budgets up to each one; {covered} of {rows.Count} calibrated intervals hold the observed optimum"));
        double low = rows.Min(r => Math.Min(r.Lower, r.ObservedParameters) / r.EstimatedParameters);
        double high = rows.Max(r => Math.Max(r.Upper, r.ObservedParameters) / r.EstimatedParameters);
        // From 0 (a target inside the runs) with room past the farthest target, so no bar sits on the frame.
        var distance = FigureStyle.LinearAxis(AxisPosition.Bottom, "Extrapolation distance log10(target / largest budget fitted)", "decades");
        distance.Minimum = 0;
        distance.MaximumPadding = 0.08;
        model.Axes.Add(distance);
        var ratio = FigureStyle.LogAxis(AxisPosition.Left, "Observed N* / predicted N*", "ratio", Math.Min(low, 0.5) / 1.2, Math.Max(high, 2) * 1.2);
        ratio.UseSuperExponentialFormat = false;
        ratio.StringFormat = "0.##";
        model.Axes.Add(ratio);

        // Predictions at the same distance (several origins) are set side by side, a little apart, so each bar shows.
        var offsets = rows.Select((r, i) => (r, i)).GroupBy(x => Math.Round(x.r.Decades, 2))
            .SelectMany(g => g.Select((x, k) => (x.i, Offset: (k - ((g.Count() - 1) / 2.0)) * Math.Min(0.012, 0.6 / Math.Max(1, g.Count())))))
            .ToDictionary(x => x.i, x => x.Offset);
        model.Annotations.Add(new LineAnnotation { Type = LineAnnotationType.Horizontal, Y = 1, Color = OxyColors.Black, StrokeThickness = 1.5, Text = "perfect forecast", TextLinePosition = 0, TextHorizontalAlignment = HorizontalAlignment.Left });
        var bars = new LineSeries { Title = "Calibrated 95% interval", Color = OxyColor.FromAColor(170, FigureStyle.Color(0)), StrokeThickness = 3 };
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            bars.Points.Add(new DataPoint(r.Decades + offsets[i], r.Lower / r.EstimatedParameters));
            bars.Points.Add(new DataPoint(r.Decades + offsets[i], r.Upper / r.EstimatedParameters));
            bars.Points.Add(DataPoint.Undefined);
        }

        model.Series.Add(bars);
        var hits = new ScatterSeries { Title = "Observed optimum, covered", MarkerType = MarkerType.Circle, MarkerSize = 5, MarkerFill = FigureStyle.Color(1) };
        var misses = new ScatterSeries { Title = "Observed optimum, missed", MarkerType = MarkerType.Triangle, MarkerSize = 7, MarkerFill = FigureStyle.Color(3) };
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            (r.Covered ? hits : misses).Points.Add(new ScatterPoint(r.Decades + offsets[i], r.ObservedParameters / r.EstimatedParameters));
        }

        model.Series.Add(hits);
        if (misses.Points.Count > 0)
        {
            model.Series.Add(misses);
        }

        return model;
    }
}
