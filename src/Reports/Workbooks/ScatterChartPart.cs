using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// Adds a native Excel scatter chart (markers and lines, log or linear axes with explicit bounds) to a worksheet with
/// OpenXml, since ClosedXML 0.95 cannot draw charts. The cached points are the values computed at save, so viewers that do not recalculate
/// show the same numbers as the cells.
/// </summary>
internal static class ScatterChartPart
{
    private const uint XAxisId = 1001;
    private const uint YAxisId = 1002;

    /// <summary>Anchors the chart over columns [fromColumn, toColumn) and rows [fromRow, toRow), zero-based.</summary>
    public static void Add(
        WorksheetPart worksheetPart, string title, ChartAxis x, ChartAxis y, IReadOnlyList<ChartSeries> series,
        (int FromColumn, int FromRow, int ToColumn, int ToRow) anchor)
    {
        var drawings = worksheetPart.DrawingsPart ?? AddDrawings(worksheetPart);
        drawings.WorksheetDrawing ??= new Xdr.WorksheetDrawing();
        var chartPart = drawings.AddNewPart<ChartPart>();
        chartPart.ChartSpace = ChartSpace(title, x, y, series);
        chartPart.ChartSpace.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        uint id = (uint)drawings.WorksheetDrawing.ChildElements.Count + 2;
        drawings.WorksheetDrawing.Append(Anchor(drawings.GetIdOfPart(chartPart), id, title, anchor));
        drawings.WorksheetDrawing.Save();
    }

    private static DrawingsPart AddDrawings(WorksheetPart worksheetPart)
    {
        var drawings = worksheetPart.AddNewPart<DrawingsPart>();
        var drawing = new Drawing { Id = worksheetPart.GetIdOfPart(drawings) };
        // The schema puts <drawing> before legacy drawings, pictures, OLE objects, controls, web publishing,
        // <tableParts> and <extLst>; ClosedXML writes <tableParts> last, so appending would be invalid.
        var worksheet = worksheetPart.Worksheet;
        var before = worksheet.ChildElements.FirstOrDefault(e =>
            e is LegacyDrawing or LegacyDrawingHeaderFooter or Picture or OleObjects or Controls or WebPublishItems or TableParts or WorksheetExtensionList);
        if (before is null)
        {
            worksheet.Append(drawing);
        }
        else
        {
            worksheet.InsertBefore(drawing, before);
        }

        return drawings;
    }

    private static C.ChartSpace ChartSpace(string title, ChartAxis x, ChartAxis y, IReadOnlyList<ChartSeries> series)
    {
        var scatter = new C.ScatterChart(new C.ScatterStyle { Val = C.ScatterStyleValues.LineMarker }, new C.VaryColors { Val = false });
        for (int i = 0; i < series.Count; i++)
        {
            scatter.Append(Series((uint)i, series[i]));
        }

        scatter.Append(new C.AxisId { Val = XAxisId }, new C.AxisId { Val = YAxisId });
        var plotArea = new C.PlotArea(new C.Layout(), scatter,
            Axis(XAxisId, YAxisId, C.AxisPositionValues.Bottom, x),
            Axis(YAxisId, XAxisId, C.AxisPositionValues.Left, y));
        var chart = new C.Chart(
            Title(title),
            new C.AutoTitleDeleted { Val = false },
            plotArea,
            new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
            new C.PlotVisibleOnly { Val = true },
            new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap });
        // 11-pt chart text (viewers default to 10): printed at the sheet's scale of at least 83% it stays above 9 pt.
        var text = new C.TextProperties(
            new A.BodyProperties(),
            new A.ListStyle(),
            new A.Paragraph(new A.ParagraphProperties(new A.DefaultRunProperties { FontSize = 1100 }), new A.EndParagraphRunProperties { Language = "en-US" }));
        return new C.ChartSpace(new C.EditingLanguage { Val = "en-US" }, new C.RoundedCorners { Val = false }, chart, text);
    }

    private static C.ScatterChartSeries Series(uint index, ChartSeries series) => new(
        new C.Index { Val = index },
        new C.Order { Val = index },
        new C.SeriesText(new C.StringReference(new C.Formula(series.NameReference))),
        // The highlighted point (the plan) has no line and a large diamond; the curves are thin lines with dots.
        new C.ChartShapeProperties(series.Highlight
            ? new A.Outline(new A.NoFill())
            : new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = Colour(index) })) { Width = 22225 }),
        series.Highlight
            ? new C.Marker(new C.Symbol { Val = C.MarkerStyleValues.Diamond }, new C.Size { Val = 12 },
                new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = "C00000" }), new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = "000000" }))))
            : new C.Marker(new C.Symbol { Val = C.MarkerStyleValues.Circle }, new C.Size { Val = 5 },
                new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = Colour(index) }), new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = Colour(index) })))),
        new C.XValues(new C.NumberReference(new C.Formula(series.XRange), Cache(series.XValues))),
        new C.YValues(new C.NumberReference(new C.Formula(series.YRange), Cache(series.YValues))),
        new C.Smooth { Val = false });

    // Blue and green for the curves (legible on white and to red-green colour-blind readers next to the red plan).
    private static string Colour(uint index) => index % 2 == 0 ? "2F5597" : "548235";

    private static C.NumberingCache Cache(IReadOnlyList<double> values)
    {
        var cache = new C.NumberingCache(new C.FormatCode("General"), new C.PointCount { Val = (uint)values.Count });
        for (int i = 0; i < values.Count; i++)
        {
            cache.Append(new C.NumericPoint(new C.NumericValue(values[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture))) { Index = (uint)i });
        }

        return cache;
    }

    private static C.ValueAxis Axis(uint id, uint crossing, C.AxisPositionValues position, ChartAxis axis)
    {
        var value = BareAxis(id, crossing, position, axis);
        if (axis.Logarithmic)
        {
            // A gridline at every decade: LibreOffice otherwise spaces them three decades apart.
            value.Append(new C.MajorUnit { Val = 10 });
        }

        return value;
    }

    private static C.ValueAxis BareAxis(uint id, uint crossing, C.AxisPositionValues position, ChartAxis axis) => new(
        new C.AxisId { Val = id },
        Scaling(axis),
        new C.Delete { Val = false },
        new C.AxisPosition { Val = position },
        new C.MajorGridlines(new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = "D9D9D9" })))),
        Title(axis.Title),
        new C.NumberingFormat { FormatCode = axis.NumberFormat, SourceLinked = false },
        new C.MajorTickMark { Val = C.TickMarkValues.Outside },
        new C.MinorTickMark { Val = C.TickMarkValues.None },
        new C.TickLabelPosition { Val = C.TickLabelPositionValues.Low },
        new C.CrossingAxis { Val = crossing },
        new C.Crosses { Val = C.CrossesValues.AutoZero },
        new C.CrossBetween { Val = C.CrossBetweenValues.MidpointCategory });

    // Explicit bounds: the schema orders logBase, orientation, max, min.
    private static C.Scaling Scaling(ChartAxis axis)
    {
        var scaling = new C.Scaling();
        if (axis.Logarithmic)
        {
            scaling.Append(new C.LogBase { Val = 10 });
        }

        scaling.Append(
            new C.Orientation { Val = C.OrientationValues.MinMax },
            new C.MaxAxisValue { Val = axis.Maximum },
            new C.MinAxisValue { Val = axis.Minimum });
        return scaling;
    }

    private static C.Title Title(string text) => new(
        new C.ChartText(new C.RichText(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph(new A.Run(new A.Text(text))))),
        new C.Overlay { Val = false });

    private static Xdr.TwoCellAnchor Anchor(string chartId, uint id, string name, (int FromColumn, int FromRow, int ToColumn, int ToRow) at) => new(
        Marker<Xdr.FromMarker>(at.FromColumn, at.FromRow),
        Marker<Xdr.ToMarker>(at.ToColumn, at.ToRow),
        new Xdr.GraphicFrame(
            new Xdr.NonVisualGraphicFrameProperties(
                new Xdr.NonVisualDrawingProperties { Id = id, Name = name },
                new Xdr.NonVisualGraphicFrameDrawingProperties()),
            new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = chartId }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
        { Macro = string.Empty },
        new Xdr.ClientData());

    private static T Marker<T>(int column, int row)
        where T : OpenXmlCompositeElement, new()
    {
        var marker = new T();
        marker.Append(
            new Xdr.ColumnId(column.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Xdr.ColumnOffset("0"),
            new Xdr.RowId(row.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Xdr.RowOffset("0"));
        return marker;
    }
}
