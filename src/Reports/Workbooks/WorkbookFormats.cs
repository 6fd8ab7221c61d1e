using Scaling.Text;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// Number formats a person reads in Excel and LibreOffice. Cells keep their values in base units (FLOPs, bytes,
/// FLOP/s, euros) so formulas and names stay plain; the formats scale them for the eye: each trailing comma divides
/// by 1000, so <c>#,##0,,,,</c> shows 9.89e14 FLOP/s as "989" (TFLOP/s) and 1.16e12 bytes as "1.2" (TB).
/// </summary>
internal static class WorkbookFormats
{
    /// <summary>"5.76E+23": FLOPs and other quantities that span many decades, as <see cref="Scaling.Text.NumberText.Scientific"/> writes them.</summary>
    public const string Scientific = "0.00E+00";

    /// <summary>"72.2 B", "1.33 T", "853.1 M": parameter and token counts.</summary>
    public const string Count = "[>=1E12]#,##0.00,,,,\" T\";[>=1E9]#,##0.0,,,\" B\";#,##0.0,,\" M\"";

    /// <summary>"144.0 GB", "1.2 TB", "524.3 MB": bytes, decimal units, the unit in the number.</summary>
    public const string Bytes = "[>=1E12]#,##0.0,,,,\" TB\";[>=1E9]#,##0.0,,,\" GB\";#,##0.0,,\" MB\"";

    /// <summary>"1.974": a loss in nats per token, to <see cref="NumberText.LossDecimals"/> decimals as everywhere else.</summary>
    public static readonly string Loss = "0." + new string('0', NumberText.LossDecimals);

    /// <summary>"0.5126", "482.01", "1.8172": a law coefficient or exponent, up to four decimals (<see cref="NumberText.Exponent"/>).</summary>
    public const string Exponent = "0.0###";

    /// <summary>"18.4": a ratio such as tokens per parameter.</summary>
    public const string Ratio = "0.0";

    /// <summary>"404,449": a whole count with thousands separators.</summary>
    public const string Whole = "#,##0";

    /// <summary>"40.0%".</summary>
    public const string Percent = "0.0%";

    /// <summary>"€1,213,347": one euro sign, in the number, none in the unit column.</summary>
    public const string Euros = "\"€\"#,##0";

    /// <summary>"€3.00": a price per hour.</summary>
    public const string EurosAndCents = "\"€\"#,##0.00";

    /// <summary>A value in FLOP/s shown in TFLOP/s: 9.89e14 → "989".</summary>
    public const string Tera = "#,##0,,,,";

    /// <summary>A value in bytes shown in TB: 1.16e12 → "1.2".</summary>
    public const string TeraOneDecimal = "#,##0.0,,,,";

    /// <summary>A value in kWh shown in MWh: 311,426 → "311.4".</summary>
    public const string Mega = "#,##0.0,";

    /// <summary>Whole watts, "–" for 0 (unknown).</summary>
    public const string WholeOrUnknown = "#,##0;-#,##0;\"–\"";

    public const string Text = "@";
}
