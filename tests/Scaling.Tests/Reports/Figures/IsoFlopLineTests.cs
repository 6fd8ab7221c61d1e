using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Series;
using Scaling.Audit;
using Scaling.Laws;
using Scaling.Reports.Figures;

namespace Scaling.Tests.Reports.Figures;

/// <summary>The lines of equal compute and their labels, one rule for the loss landscape and the audit map.</summary>
public sealed class IsoFlopLineTests
{
    private static readonly PlotBox Box = new(1e7, 1e14, 1e8, 1e16);
    private static readonly IsoFlopLabelStyle Style = new(12, OxyColors.White, OxyColors.Black, RoomLeft: 6, RoomBelow: 2);

    [Property]
    public Property Ends_LieOnTheLineAndInsideTheBox()
    {
        return Prop.ForAll(Generators.LogUniform(14, 32).ToArbitrary(), flops =>
        {
            var ends = IsoFlopLine.Ends(flops, 6, Box);
            return ends.All(p => Math.Abs((6 * p.X * p.Y / flops) - 1) < 1e-12
                && p.X >= Box.NMin * (1 - 1e-12) && p.X <= Box.NMax * (1 + 1e-12)
                && p.Y >= Box.DMin * (1 - 1e-12) && p.Y <= Box.DMax * (1 + 1e-12));
        });
    }

    [Property]
    public Property Label_SitsWhereTheLineLeavesTheBox_OnTheSideTheLineDoesNotRunThrough()
    {
        // Leaving through the top, the line runs down to the right: the label is set left of the exit and below the edge.
        // Leaving through the right edge, it came from the upper left: the label is set left of the edge and below the exit.
        return Prop.ForAll(Generators.LogUniform(14, 32).ToArbitrary(), flops =>
        {
            if (IsoFlopLine.Label(flops, 6, Box, Style) is not { } label)
            {
                return true;
            }

            var at = label.TextPosition;
            bool onLine = Math.Abs((6 * at.X * at.Y / flops) - 1) < 1e-12;
            bool atExit = at.Y == Box.DMax || at.X == Box.NMax;
            bool leftAndBelow = label.TextHorizontalAlignment == HorizontalAlignment.Right && label.Offset.X < 0
                && label.TextVerticalAlignment == VerticalAlignment.Top && label.Offset.Y > 0;
            return onLine && atExit && leftAndBelow && label.Text == "C = " + Scaling.Text.NumberText.Power(flops);
        });
    }

    [Fact]
    public void Label_NeedsRoom_LeftOfATopExitOrBelowARightOne()
    {
        // Through the top at N = 1e9: room (6x) to its left. At N = 1e7, the box's corner: none, so the right edge,
        // where it leaves at D = 1e9, with room below. A line that leaves the right edge at D = 1e8, the bottom: no label.
        Assert.Equal(Box.DMax, IsoFlopLine.Label(6 * 1e9 * 1e16, 6, Box, Style)!.TextPosition.Y);
        Assert.Equal(Box.NMax, IsoFlopLine.Label(6 * 1e7 * 1e16, 6, Box, Style)!.TextPosition.X);
        Assert.Null(IsoFlopLine.Label(6 * 1e14 * 1e8, 6, Box, Style));
    }

    [Fact]
    public void AuditMapAndLandscape_LabelEachLineAtItsOwnExit()
    {
        // Both figures place their labels by the shared rule: each label's anchor is an end of a line of equal compute.
        var audit = AuditMapFigure.Create(ModelAuditor.Create(LawPresets.Default), ModelRegistry.Published);
        var landscape = LossLandscapeFigure.Create(LawPresets.Default, [1e21, 1e23, 5.76e23, 1e25], 5.76e23);
        foreach (var model in new[] { audit, landscape })
        {
            var ends = model.Series.OfType<LineSeries>().Where(s => s.Points.Count == 2).SelectMany(s => s.Points).ToArray();
            var labels = model.Annotations.OfType<TextAnnotation>().Where(a => a.Text?.StartsWith("C = ", StringComparison.Ordinal) == true).ToArray();
            Assert.NotEmpty(labels);
            Assert.All(labels, l => Assert.Contains(ends, p => Math.Abs(p.X / l.TextPosition.X - 1) < 1e-9 && Math.Abs(p.Y / l.TextPosition.Y - 1) < 1e-9));
            Assert.All(labels, l => Assert.Equal(HorizontalAlignment.Right, l.TextHorizontalAlignment));
        }
    }
}
