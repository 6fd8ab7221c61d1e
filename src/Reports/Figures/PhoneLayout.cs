using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Legends;
using Scaling.Text;

namespace Scaling.Reports.Figures;

/// <summary>
/// A figure laid out for a phone: a narrow portrait canvas (<see cref="Exporter"/>, 720 × 1160) whose text is large
/// enough to read when the page scales it to a 390-pixel screen — every font at least <see cref="MinimumFontSize"/>
/// canvas pixels, about 9.7 CSS pixels there, where the desktop figure's text shrank to 2–3 — with the legend under
/// the plot, long titles wrapped, and point labels that only a wide plot has room for left out (the page's tables
/// beside the figure carry them).
/// </summary>
public static class PhoneLayout
{
    /// <summary>The smallest font on the phone canvas, in canvas pixels.</summary>
    public const double MinimumFontSize = 19;

    /// <summary>The tag of annotations that a phone rendering leaves out (labels of individual points).</summary>
    public const string WideOnly = "wide-only";

    private const double Scale = 1.3;
    private const double LargestFontSize = 24;

    /// <summary>The phone canvas: 720 × 1160 (SVG user units), shown at the screen's width.</summary>
    public static FigureExporter Exporter { get; } = FigureExporter.Create(720, 1160);

    /// <summary>Adapts <paramref name="model"/> (built for the phone; the wide figure is another model) and returns it.</summary>
    public static PlotModel Adapt(PlotModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Title = Wrap(model.Title, 32);
        model.Subtitle = Wrap(model.Subtitle, 62);
        model.TitleFontSize = 26;
        model.SubtitleFontSize = MinimumFontSize;
        model.DefaultFontSize = MinimumFontSize;
        model.Padding = new OxyThickness(8);
        foreach (var axis in model.Axes)
        {
            axis.FontSize = Larger(axis.FontSize);
            axis.TitleFontSize = Larger(axis.TitleFontSize);
            if (axis is OxyPlot.Axes.LogarithmicAxis { UseSuperExponentialFormat: true } log && log.LabelFormatter is null)
            {
                // OxyPlot draws a superscript exponent at about half the label's size, too small on a phone: write
                // 10¹² with superscript digits at the label's own size, as the titles and legends do.
                log.UseSuperExponentialFormat = false;
                log.LabelFormatter = v => NumberText.Power(v);
            }
        }

        foreach (var annotation in model.Annotations.Where(a => Equals(a.Tag, WideOnly)).ToList())
        {
            model.Annotations.Remove(annotation);
        }

        foreach (var element in model.Annotations.Cast<PlotElement>().Concat(model.Series))
        {
            element.FontSize = Larger(element.FontSize);
        }

        foreach (var series in model.Series)
        {
            series.Title = Wrap(series.Title, 32);
        }

        foreach (var text in model.Annotations.OfType<TextAnnotation>())
        {
            text.Text = Wrap(text.Text, 44);
        }

        foreach (var legend in model.Legends)
        {
            legend.LegendPlacement = LegendPlacement.Outside;
            legend.LegendPosition = LegendPosition.BottomLeft;
            legend.LegendOrientation = LegendOrientation.Vertical;
            legend.LegendFontSize = MinimumFontSize;
            legend.LegendTitleFontSize = MinimumFontSize;
        }

        return model;
    }

    private static double Larger(double size) => double.IsNaN(size) ? MinimumFontSize : Math.Clamp(size * Scale, MinimumFontSize, LargestFontSize);

    // Breaks each line of text at spaces so no line is longer than width characters.
    private static string? Wrap(string? text, int width)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var lines = new List<string>();
        foreach (string paragraph in text.Split('\n'))
        {
            string line = string.Empty;
            foreach (string word in paragraph.Split(' '))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width)
                {
                    lines.Add(line);
                    line = word;
                }
                else
                {
                    line = line.Length == 0 ? word : line + " " + word;
                }
            }

            lines.Add(line);
        }

        return string.Join("\n", lines);
    }
}
