using System.Globalization;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;
using Scaling.Resources;
using Scaling.Text;

namespace Scaling.Reports.Figures;

/// <summary>
/// A tornado chart of a <see cref="PlanSensitivity"/>: for cost, days, model size N* and CO₂ (one panel each), the
/// change from the baseline when one assumption — MFU, GPU-hour price, PUE, grid intensity, law — takes its low
/// (blue) or high (orange) setting. Long bars are the assumptions worth pinning down before committing a budget.
/// </summary>
public static class SensitivityFigure
{
    // Axis steps of 1, 2 or 5 times a power of ten.
    private static readonly int[] TickMantissas = [1, 2, 5, 10];

    /// <summary>The outputs shown, one panel each, where some assumption moves them (a euro budget fixes the cost, a deadline the days).</summary>
    public static IReadOnlyList<SensitivityOutput> Outputs { get; } =
        [SensitivityOutput.CostEuros, SensitivityOutput.Days, SensitivityOutput.Gpus, SensitivityOutput.Parameters, SensitivityOutput.Co2Tonnes];

    private const double PanelGap = 0.06;

    /// <summary>The tornado of <paramref name="sensitivity"/>.</summary>
    /// <param name="sensitivity">The plan's sensitivity.</param>
    /// <param name="narrow">
    /// For a phone (<see cref="PhoneLayout"/>): the panels stacked one above the other with upright bars and the
    /// assumptions along the bottom, their settings in the subtitle; side by side, five panels would not fit its width.
    /// </param>
    public static PlotModel Create(PlanSensitivity sensitivity, bool narrow = false)
    {
        ArgumentNullException.ThrowIfNull(sensitivity);
        var baseline = sensitivity.Baseline;
        var r = baseline.Resources;
        var factors = (narrow ? sensitivity.Factors : sensitivity.Factors.Reverse()).ToArray();
        var outputs = Outputs.Where(o => o.Of(baseline) is not null && factors.Any(f => Moves(f.LowChange(o, baseline)) || Moves(f.HighChange(o, baseline)))).ToArray();
        string gpus = r.Gpus == 1 ? "1 GPU" : NumberText.Whole(r.Gpus) + " GPUs";
        string co2 = r.Co2Tonnes is { } t ? NumberText.Tonnes(t) + " CO₂" : "CO₂ unknown";
        var model = FigureStyle.NewModel(
            "What moves the plan: one assumption at a time",
            $"change from your plan ({NumberText.Euros(r.CostEuros)}, {NumberText.Days(r.Days)} on {gpus}, N* {NumberText.Count(baseline.Optimum.Parameters)}, {co2}) "
                + $"at each assumption's low and high setting\nheld fixed: {HeldFixed(baseline)}");
        if (narrow)
        {
            model.Subtitle += "\nlow / high: " + string.Join("; ", factors.Select(f => $"{ShortName(f)} {f.LowSetting} / {f.HighSetting}"));
        }

        model.Axes.Add(new CategoryAxis
        {
            Position = narrow ? AxisPosition.Bottom : AxisPosition.Left,
            Key = "factors",
            Title = narrow ? null : "Assumption",
            Unit = narrow ? null : "low / high",
            ItemsSource = factors.Select(f => narrow ? ShortName(f) : Category(f)).ToArray(),
            TitleFontSize = 16,
            FontSize = 13,
            GapWidth = 0.4,
        });

        for (int i = 0; i < outputs.Length; i++)
        {
            var output = outputs[i];
            var changes = factors.SelectMany(f => new[] { f.LowChange(output, baseline), f.HighChange(output, baseline) }).OfType<double>().Select(c => c * 100).ToArray();
            // Room beyond the longest bar for its label ("+113%"), so no label runs into the next panel or off the plot.
            double extent = Math.Max(10, changes.Select(Math.Abs).DefaultIfEmpty(0).Max() * 2.1);
            string key = "out" + i.ToString(CultureInfo.InvariantCulture);
            var axis = FigureStyle.LinearAxis(narrow ? AxisPosition.Left : AxisPosition.Bottom, Capitalise(output.Label()), "% change");
            axis.Key = key;
            // Side by side, left to right; stacked, top to bottom.
            int slot = narrow ? outputs.Length - 1 - i : i;
            axis.StartPosition = ((double)slot / outputs.Length) + (PanelGap / 2);
            axis.EndPosition = ((slot + 1.0) / outputs.Length) - (PanelGap / 2);
            if (narrow)
            {
                axis.Title = Capitalise(output.Label().Split(' ')[0]) == "Model" ? "N*" : Capitalise(output.Label().Split(' ')[0]);
                axis.Unit = "%";
            }

            axis.Minimum = -extent;
            axis.Maximum = extent;
            axis.MaximumPadding = 0;
            axis.MinimumPadding = 0;
            axis.TitleFontSize = 14;
            axis.FontSize = 12;
            axis.MajorStep = NiceStep(extent);
            model.Axes.Add(axis);
            Panel(model, key, extent, i, narrow);
            model.Series.Add(Bars(i == 0 ? "Low setting" : null, FigureStyle.Color(0), key, factors.Select(f => f.LowChange(output, baseline))));
            model.Series.Add(Bars(i == 0 ? "High setting" : null, FigureStyle.Color(5), key, factors.Select(f => f.HighChange(output, baseline))));
        }

        return model;
    }

    // Each panel is boxed, every other one tinted, with a zero line: the eye reads five charts, not one.
    private static void Panel(PlotModel model, string key, double extent, int index, bool narrow)
    {
        model.Annotations.Add(new RectangleAnnotation
        {
            XAxisKey = narrow ? "factors" : key,
            YAxisKey = narrow ? key : "factors",
            MinimumX = narrow ? double.NaN : -extent,
            MaximumX = narrow ? double.NaN : extent,
            MinimumY = narrow ? -extent : double.NaN,
            MaximumY = narrow ? extent : double.NaN,
            Fill = index % 2 == 0 ? OxyColor.FromArgb(10, 0, 0, 0) : OxyColor.FromArgb(22, 0, 0, 0),
            Stroke = OxyColor.FromRgb(150, 150, 150),
            StrokeThickness = 1,
            Layer = AnnotationLayer.BelowSeries,
        });
        model.Annotations.Add(new LineAnnotation
        {
            Type = narrow ? LineAnnotationType.Horizontal : LineAnnotationType.Vertical,
            X = 0,
            Y = 0,
            XAxisKey = narrow ? "factors" : key,
            YAxisKey = narrow ? key : "factors",
            Color = OxyColor.FromRgb(90, 90, 90),
            StrokeThickness = 1,
            LineStyle = LineStyle.Solid,
            Layer = AnnotationLayer.BelowSeries,
        });
    }

    // Three or four labelled ticks per panel: 10, 20, 50, 100, ... percent.
    private static double NiceStep(double extent)
    {
        double raw = extent / 2;
        double power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        return TickMantissas.Select(m => m * power).First(step => step >= raw * 0.999);
    }

    // What the sensitivity holds fixed while one assumption moves: the budget as the user gave it, and the cluster rule.
    private static string HeldFixed(BudgetPlan baseline)
    {
        var a = baseline.Resources.Assumptions;
        string budget = baseline.BudgetEuros is { } euros ? $"the budget ({NumberText.Euros(euros)})" : $"the budget ({NumberText.Power(baseline.Optimum.Flops)} FLOPs)";
        string cluster = a switch
        {
            { Gpus: { } given } => $"{NumberText.Whole(given)} GPUs",
            { DeadlineDays: { } days } => $"the {NumberText.Days(days)} deadline on the fewest whole nodes",
            { ScheduleDays: { } schedule } => $"the {NumberText.Days(schedule).Replace(" days", "-day", StringComparison.Ordinal)} schedule on the fewest whole nodes",
            _ => "the fewest GPUs that hold the model",
        };
        return $"{budget} and {cluster}; a law changes N* only, and the GPUs only where its model needs more memory";
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
        string name = factor.Name == "law" ? "law (same budget)" : factor.Name;
        string text = $"{name}\n{factor.LowSetting} / {factor.HighSetting}";
        string impossible = (factor.Low, factor.High) switch
        {
            (null, null) => "both impossible",
            (null, _) => "low impossible",
            (_, null) => "high impossible",
            _ => string.Empty,
        };
        return impossible.Length == 0 ? text : text + "\n(" + impossible + ")";
    }

    private static string ShortName(SensitivityFactor factor) => factor.Name switch
    {
        "GPU-hour price" => "price",
        "grid intensity" => "grid",
        _ => factor.Name,
    };

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
