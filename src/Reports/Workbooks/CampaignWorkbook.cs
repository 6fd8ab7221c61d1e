using System.Globalization;
using ClosedXML.Excel;
using Scaling.Campaign;

namespace Scaling.Reports.Workbooks;

/// <summary>A workbook holding only the <c>Campaign</c> sheet (<c>scaling campaign --out plan.xlsx</c>): the runs to train, with a loss column to fill in.</summary>
public static class CampaignWorkbook
{
    /// <summary>The workbook's bytes, formulas evaluated once so every viewer shows their values.</summary>
    public static byte[] ToBytes(CampaignDesign design, string lawName)
    {
        ArgumentNullException.ThrowIfNull(design);
        using var stream = new MemoryStream();
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            using var workbook = new XLWorkbook();
            CampaignSheet.Write(workbook, design, lawName);
            workbook.SaveAs(stream, new SaveOptions { EvaluateFormulasBeforeSaving = true });
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        return stream.ToArray();
    }
}
