using OxyPlot.Series;
using Scaling.Campaign;
using Scaling.Reports.Figures;

namespace Scaling.Tests.Reports.Figures;

public class CampaignWidthFigureTests
{
    private static readonly CampaignSweepPoint[] Points =
    [
        new(1e20, 0.99e20, 3e17, 1.60, 0.10, null),
        new(1e21, 0.99e21, 3e18, 1.10, 0.08, null),
        new(1e22, 0.99e22, 6e19, 0.70, 0.05, null),
    ];

    [Fact]
    public void Create_PlotsEveryWidthInPercentWithItsMonteCarloBand()
    {
        var model = CampaignWidthFigure.Create(Points, 1e24, "hoffmann2022-unrounded");
        var line = model.Series.OfType<LineSeries>().Single(s => s is not AreaSeries);
        Assert.Equal(Points.Select(p => (p.CampaignFlops, 100 * p.RelativeWidth)), line.Points.Select(p => (p.X, p.Y)));
        var band = model.Series.OfType<AreaSeries>().Single();
        Assert.Equal(Points.Select(p => 100 * (p.RelativeWidth + (2 * p.RelativeWidthStandardError))), band.Points.Select(p => p.Y));
        Assert.Contains("10²⁴", model.Subtitle, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ExportsAnSvgThatNamesTheAxes()
    {
        string svg = FigureExporter.Default.ToInlineSvg(CampaignWidthFigure.Create(Points, 1e24, "hoffmann2022-unrounded"));
        Assert.Contains("Campaign compute", svg, StringComparison.Ordinal);
        Assert.Contains("Width of the N* interval", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NoPoints_Throws() =>
        Assert.Throws<ArgumentException>(() => CampaignWidthFigure.Create([], 1e24, "x"));
}
