namespace Scaling.Reports.Workbooks;

/// <summary>Number formats a person reads in Excel and LibreOffice.</summary>
internal static class WorkbookFormats
{
    public const string Scientific = "0.00E+00";
    public const string Plain = "0.0000";
    public const string Ratio = "0.0";
    public const string Whole = "#,##0";
    public const string Percent = "0.0%";
    public const string Euros = "[$€-2] #,##0";
    public const string Text = "@";
}
