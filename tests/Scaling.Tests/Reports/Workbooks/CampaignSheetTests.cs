using System.Globalization;
using ClosedXML.Excel;
using Scaling.Allocation;
using Scaling.Campaign;
using Scaling.Laws;
using Scaling.Reports.Workbooks;

namespace Scaling.Tests.Reports.Workbooks;

public class CampaignSheetTests
{
    private static readonly CampaignDesign Design = CampaignDesigner.Design(LawPresets.Default.Allocator(), 1e24, 4.1e22);

    [Fact]
    public void CampaignWorkbook_ListsEveryRunWithAnEmptyLossAndTheTotalCompute()
    {
        using var workbook = new XLWorkbook(new MemoryStream(CampaignWorkbook.ToBytes(Design, "besiroglu2024")));
        var sheet = workbook.Worksheet("Campaign");
        Assert.Equal(["run", "budget", "parameters", "tokens", "loss"], Enumerable.Range(1, 5).Select(c => sheet.Cell(1, c).GetString()));
        for (int i = 0; i < Design.Runs.Count; i++)
        {
            Assert.Equal(Design.Runs[i].Parameters, sheet.Cell(i + 2, 3).GetDouble());
            Assert.Equal(Design.Runs[i].Tokens, sheet.Cell(i + 2, 4).GetDouble());
            Assert.True(sheet.Cell(i + 2, 5).IsEmpty());
        }

        Assert.Equal(Design.TotalFlops, sheet.Cell("J4").GetDouble(), Design.TotalFlops * 1e-12);
        Assert.True(sheet.Cell("J5").GetDouble() <= 1);
    }

    [Fact]
    public void PlanWorkbook_WithACampaign_HasTheCampaignSheet_WithoutOne_DoesNot()
    {
        var content = PlanWorkbookContent.Create(LawPresets.Default, 1e24);
        using var with = PlanWorkbook.Build(content with { Campaign = Design });
        using var without = PlanWorkbook.Build(content);
        Assert.True(with.TryGetWorksheet("Campaign", out _));
        Assert.False(without.TryGetWorksheet("Campaign", out _));
    }

    [Fact]
    public void CampaignWorkbook_LibreOfficeComputesTheSameTotals()
    {
        byte[] ours = CampaignWorkbook.ToBytes(Design, "besiroglu2024");
        byte[] theirs = LibreOfficeRecalculation.Recalculate([LibreOfficeRecalculation.WithoutCachedValues(ours)])[0];
        var expected = LibreOfficeRecalculation.FormulaValues(ours);
        var actual = LibreOfficeRecalculation.FormulaValues(theirs);
        Assert.True(expected.Count > Design.Runs.Count, $"only {expected.Count} formula cells");
        foreach (var (cell, value) in expected)
        {
            string? other = actual.GetValueOrDefault(cell);
            bool same = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double a)
                && double.TryParse(other, NumberStyles.Float, CultureInfo.InvariantCulture, out double b)
                ? Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a))
                : value == other;
            Assert.True(same, $"{cell.Sheet}!{cell.Cell}: ClosedXML {value}, LibreOffice {other}");
        }

        Assert.Equal(Design.TotalFlops, double.Parse(actual[("Campaign", "J4")]!, CultureInfo.InvariantCulture), Design.TotalFlops * 1e-12);
    }
}
