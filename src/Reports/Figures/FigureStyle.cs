using System.Globalization;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Legends;

namespace Scaling.Reports.Figures;

/// <summary>
/// The shared look of every figure: the embedded font, the invariant culture (tick labels read 2.5 on every machine),
/// a white background, titles, log axes labelled in powers of ten, and a legend outside the plot area.
/// </summary>
public static class FigureStyle
{
    /// <summary>
    /// DejaVu Sans: the exporter draws PNG and PDF text with the copy embedded in this assembly, whatever the machine
    /// has; SVG names it for the viewer's renderer.
    /// </summary>
    public const string Font = "DejaVu Sans";

    /// <summary>Eight colours that stay distinct for colour-blind readers (Okabe and Ito 2008).</summary>
    public static IReadOnlyList<OxyColor> Palette { get; } =
    [
        OxyColor.FromRgb(0, 114, 178),
        OxyColor.FromRgb(230, 159, 0),
        OxyColor.FromRgb(0, 158, 115),
        OxyColor.FromRgb(204, 121, 167),
        OxyColor.FromRgb(86, 180, 233),
        OxyColor.FromRgb(213, 94, 0),
        OxyColor.FromRgb(240, 228, 66),
        OxyColor.FromRgb(0, 0, 0),
    ];

    /// <summary>A colour from <see cref="Palette"/>, cycling.</summary>
    public static OxyColor Color(int index) => Palette[index % Palette.Count];

    /// <summary>A new figure with a title, a subtitle and a legend to the right of the plot area.</summary>
    public static PlotModel NewModel(string title, string subtitle)
    {
        var model = new PlotModel
        {
            Title = title,
            Subtitle = subtitle,
            Culture = CultureInfo.InvariantCulture,
            DefaultFont = Font,
            DefaultFontSize = 16,
            TitleFontSize = 24,
            SubtitleFontSize = 16,
            Background = OxyColors.White,
            PlotAreaBorderColor = OxyColor.FromRgb(160, 160, 160),
            Padding = new OxyThickness(16),
        };
        model.Legends.Add(new Legend
        {
            LegendPlacement = LegendPlacement.Outside,
            LegendPosition = LegendPosition.RightTop,
            LegendOrientation = LegendOrientation.Vertical,
            LegendFont = Font,
            LegendFontSize = 15,
            LegendBorder = OxyColor.FromRgb(200, 200, 200),
            LegendBackground = OxyColors.White,
        });
        return model;
    }

    /// <summary>A base-10 logarithmic axis whose labels are powers of ten.</summary>
    public static LogarithmicAxis LogAxis(AxisPosition position, string title, string unit, double minimum, double maximum) => new ReadableLogAxis()
    {
        Position = position,
        Title = title,
        Unit = unit,
        Base = 10,
        Minimum = minimum,
        Maximum = maximum,
        UseSuperExponentialFormat = true,
        MajorGridlineStyle = LineStyle.Solid,
        MajorGridlineColor = OxyColor.FromArgb(40, 0, 0, 0),
        // Solid and faint rather than dotted: Skia's PDF writes every dot of a dotted line as its own path (5 MB of them).
        MinorGridlineStyle = LineStyle.Solid,
        MinorGridlineColor = OxyColor.FromArgb(14, 0, 0, 0),
        TitleFontSize = 18,
        FontSize = 15,
        AxisTitleDistance = 10,
    };

    /// <summary>A linear axis with light grid lines.</summary>
    public static LinearAxis LinearAxis(AxisPosition position, string title, string unit) => new()
    {
        Position = position,
        Title = title,
        Unit = unit,
        MajorGridlineStyle = LineStyle.Solid,
        MajorGridlineColor = OxyColor.FromArgb(40, 0, 0, 0),
        TitleFontSize = 18,
        FontSize = 15,
        AxisTitleDistance = 10,
    };

    /// <summary>Powers of ten spanning [<paramref name="low"/>, <paramref name="high"/>] exactly, for axis limits.</summary>
    public static (double Minimum, double Maximum) Decades(double low, double high) =>
        (Math.Pow(10, Math.Floor(Math.Log10(low))), Math.Pow(10, Math.Ceiling(Math.Log10(high))));

    /// <summary>
    /// The boxed, bold "your budget" label at the top of a panel, so every figure marks the user's budget alike.
    /// </summary>
    public static TextAnnotation BudgetLabel(string text, DataPoint at, string yAxisKey) => new()
    {
        Text = text,
        TextPosition = at,
        YAxisKey = yAxisKey,
        TextHorizontalAlignment = HorizontalAlignment.Center,
        TextVerticalAlignment = VerticalAlignment.Top,
        Background = OxyColor.FromArgb(235, 255, 255, 255),
        Stroke = OxyColor.FromArgb(140, 0, 0, 0),
        StrokeThickness = 1,
        Padding = new OxyThickness(4, 2, 4, 2),
        FontSize = 14,
        FontWeight = FontWeights.Bold,
        Layer = AnnotationLayer.AboveSeries,
    };
}
