using System.Globalization;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;
using Scaling.Resources;

namespace Scaling.Reports.Figures;

/// <summary>
/// A tornado chart of a <see cref="PlanSensitivity"/>: for cost, days, model size N* and CO₂ (one panel each), the
/// change from the baseline when one assumption — MFU, GPU-hour price, PUE, grid intensity, law — takes its low
/// (blue) or high (orange) setting. Long bars are the assumptions worth pinning down before committing a budget.
/// </summary>
public static class SensitivityFigure
{
    /// <summary>The outputs shown, one panel each, where some assumption moves them (a euro budget fixes the cost, a deadline the days).</summary>
    public static IReadOnlyList<SensitivityOutput> Outputs { get; } =
        [SensitivityOutput.CostEuros, SensitivityOutput.Days, SensitivityOutput.Gpus, SensitivityOutput.Parameters, SensitivityOutput.Co2Tonnes];

    private const double PanelGap = 0.04;

    /// <summary>The tornado of <paramref name="sensitivity"/>.</summary>
    public static PlotModel Create(PlanSensitivity sensitivity)
    {
        ArgumentNullException.ThrowIfNull(sensitivity);
        var baseline = sensitivity.Baseline;
        var factors = sensitivity.Factors.Reverse().ToArray();
        var outputs = Outputs.Where(o => o.Of(baseline) is not null && factors.Any(f => Moves(f.LowChange(o, baseline)) || Moves(f.HighChange(o, baseline)))).ToArray();
        var model = FigureStyle.NewModel(
            "What moves the plan: one assumption at a time",
            string.Create(CultureInfo.InvariantCulture,
                $"change from the baseline ({FigureText.Euros(baseline.Resources.CostEuros)}, {baseline.Resources.Days:0.#} days, N* {FigureText.Count(baseline.Optimum.Parameters)}, {(baseline.Resources.Co2Tonnes is { } t ? FigureText.Whole(t) + " t CO₂" : "CO₂ unknown")}) at the low and high setting"));
        model.Axes.Add(new CategoryAxis
        {
            Position = AxisPosition.Left,
            Key = "factors",
            Title = "Assumption",
            Unit = "low / high",
            ItemsSource = factors.Select(Category).ToArray(),
            TitleFontSize = 16,
            FontSize = 13,
            GapWidth = 0.4,
        });

        for (int i = 0; i < outputs.Length; i++)
        {
            var output = outputs[i];
            var changes = factors.SelectMany(f => new[] { f.LowChange(output, baseline), f.HighChange(output, baseline) }).OfType<double>().Select(c => c * 100).ToArray();
            double extent = Math.Max(5, changes.Select(Math.Abs).DefaultIfEmpty(0).Max() * 1.7);
            string key = "out" + i.ToString(CultureInfo.InvariantCulture);
            var axis = FigureStyle.LinearAxis(AxisPosition.Bottom, Capitalise(output.Label()), "% change");
            axis.Key = key;
            axis.StartPosition = ((double)i / outputs.Length) + (PanelGap / 2);
            axis.EndPosition = ((i + 1.0) / outputs.Length) - (PanelGap / 2);
            axis.Minimum = -extent;
            axis.Maximum = extent;
            axis.TitleFontSize = 14;
            axis.FontSize = 12;
            model.Axes.Add(axis);
            model.Series.Add(Bars(i == 0 ? "Low setting" : null, FigureStyle.Color(0), key, factors.Select(f => f.LowChange(output, baseline))));
            model.Series.Add(Bars(i == 0 ? "High setting" : null, FigureStyle.Color(5), key, factors.Select(f => f.HighChange(output, baseline))));
        }

        return model;
    }

    private static BarSeries Bars(string? title, OxyColor colour, string axisKey, IEnumerable<double?> changes)
    {
        var series = new BarSeries
        {
            Title = title,
            FillColor = colour,
            StrokeColor = OxyColors.White,
            StrokeThickness = 0.5,
            XAxisKey = axisKey,
            YAxisKey = "factors",
            LabelFormatString = "{0:+0;−0;0}%",
            LabelPlacement = LabelPlacement.Outside,
            FontSize = 11,
        };
        int row = 0;
        foreach (double? change in changes)
        {
            // No bar where the setting changes nothing, or is impossible (the category label says so); the explicit
            // row keeps later bars in their own row (OxyPlot otherwise numbers only the bars it draws).
            series.Items.Add(new BarItem(change is { } c && Moves(c) ? c * 100 : double.NaN) { CategoryIndex = row++ });
        }

        return series;
    }

    private static bool Moves(double? change) => change is { } c && Math.Abs(c) >= 0.0005;

    private static string Category(SensitivityFactor factor)
    {
        string text = $"{factor.Name}\n{factor.LowSetting} / {factor.HighSetting}";
        string impossible = (factor.Low, factor.High) switch
        {
            (null, null) => "both impossible",
            (null, _) => "low impossible",
            (_, null) => "high impossible",
            _ => string.Empty,
        };
        return impossible.Length == 0 ? text : text + "\n(" + impossible + ")";
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
