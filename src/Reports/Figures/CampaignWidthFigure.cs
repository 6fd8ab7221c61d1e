using System.Globalization;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;
using Scaling.Campaign;
using Scaling.Text;

namespace Scaling.Reports.Figures;

/// <summary>
/// How sure a campaign makes you: the 95% spread of N* at the target over simulated campaigns, relative to the true N*,
/// against the campaign's compute, with ±2 Monte Carlo standard errors.
/// </summary>
public static class CampaignWidthFigure
{
    /// <summary>The figure for <paramref name="points"/> (from <see cref="CampaignSweep"/>) at <paramref name="targetFlops"/>.</summary>
    public static PlotModel Create(IReadOnlyList<CampaignSweepPoint> points, double targetFlops, string lawName)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            throw new ArgumentException("points: give at least one campaign budget.", nameof(points));
        }

        var model = FigureStyle.NewModel(
            "How precisely a campaign pins down N*",
            string.Create(CultureInfo.InvariantCulture, $"95% spread of N* at {NumberText.Power(targetFlops)} FLOPs over simulated campaigns under {lawName}, relative to the true N*"));
        var (low, high) = FigureStyle.Decades(points.Min(p => p.CampaignFlops), points.Max(p => p.CampaignFlops));
        model.Axes.Add(FigureStyle.LogAxis(AxisPosition.Bottom, "Campaign compute", "FLOPs", low, high));
        var y = FigureStyle.LinearAxis(AxisPosition.Left, "Width of the N* interval", "% of N*");
        y.Minimum = 0;
        model.Axes.Add(y);
        var band = new AreaSeries { Title = "±2 Monte Carlo standard errors", Color = OxyColor.FromAColor(70, FigureStyle.Color(0)), StrokeThickness = 0 };
        foreach (var p in points)
        {
            band.Points.Add(new DataPoint(p.CampaignFlops, 100 * (p.RelativeWidth + (2 * p.RelativeWidthStandardError))));
            band.Points2.Add(new DataPoint(p.CampaignFlops, 100 * Math.Max(0, p.RelativeWidth - (2 * p.RelativeWidthStandardError))));
        }

        model.Series.Add(band);
        var line = new LineSeries { Title = "Approach 3, simulated", Color = FigureStyle.Color(0), StrokeThickness = 3, MarkerType = MarkerType.Circle, MarkerSize = 5, MarkerFill = FigureStyle.Color(0) };
        line.Points.AddRange(points.Select(p => new DataPoint(p.CampaignFlops, 100 * p.RelativeWidth)));
        model.Series.Add(line);
        return model;
    }
}
