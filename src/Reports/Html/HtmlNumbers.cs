using System.Globalization;

namespace Scaling.Reports.Html;

/// <summary>Numbers the way the page shows them (72.2B, 5.76E+23, €1.2M, 18 days), always in the invariant culture.</summary>
internal static class HtmlNumbers
{
    private static readonly (double Scale, string Suffix)[] Suffixes = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")];

    /// <summary>Three significant figures with a K/M/B/T suffix; scientific from 10^15 up.</summary>
    public static string Count(double value)
    {
        if (Math.Abs(value) >= 1e15)
        {
            return Scientific(value);
        }

        foreach (var (scale, suffix) in Suffixes)
        {
            if (Math.Abs(value) >= scale * 0.9995)
            {
                return Significant(value / scale) + suffix;
            }
        }

        return Significant(value);
    }

    /// <summary>Scientific notation with three significant figures: 5.76E+23.</summary>
    public static string Scientific(double value) => value.ToString("0.00E+00", CultureInfo.InvariantCulture);

    /// <summary>Three significant figures without trailing zeros: 40.4, 404, 4.04.</summary>
    public static string Significant(double value)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        int digits = Math.Max(0, 2 - (int)Math.Floor(Math.Log10(Math.Abs(value))));
        return Math.Round(value, Math.Min(digits, 15)).ToString("#,##0.###############", CultureInfo.InvariantCulture);
    }

    /// <summary>A ratio such as tokens per parameter: whole from 10 up, else one decimal.</summary>
    public static string Ratio(double value) => value >= 10
        ? Math.Round(value).ToString("#,##0", CultureInfo.InvariantCulture)
        : value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A loss in nats per token with three decimals.</summary>
    public static string Loss(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>A coefficient or exponent with four significant decimals.</summary>
    public static string Exponent(double value) => value.ToString("0.0###", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage: 0.163 → 16.3%.</summary>
    public static string Percent(double fraction) => Significant(fraction * 100) + "%";

    /// <summary>Whole accelerators: 1,024.</summary>
    public static string Whole(double value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>Euros: €3.00 per hour below 1,000, €4.15M above.</summary>
    public static string Euros(double euros) => euros < 1e3
        ? "€" + euros.ToString("0.00", CultureInfo.InvariantCulture)
        : "€" + Count(euros);

    /// <summary>Days, or hours under a day.</summary>
    public static string Days(double days) => days < 1 ? Significant(days * 24) + " hours" : Significant(days) + " days";

    /// <summary>Energy in kWh, MWh or GWh.</summary>
    public static string KilowattHours(double kwh) =>
        kwh >= 1e6 ? Significant(kwh / 1e6) + " GWh"
        : kwh >= 1e3 ? Significant(kwh / 1e3) + " MWh"
        : Significant(kwh) + " kWh";

    /// <summary>CO₂ in tonnes, or kg under a tonne.</summary>
    public static string Tonnes(double tonnes) => tonnes >= 1 ? Significant(tonnes) + " t" : Significant(tonnes * 1000) + " kg";

    /// <summary>Water in litres with a K/M/B suffix: 1.13M L.</summary>
    public static string Litres(double litres) => Count(litres) + " L";

    /// <summary>Bytes in GB or TB (decimal).</summary>
    public static string Bytes(double bytes) => bytes >= 1e12 ? Significant(bytes / 1e12) + " TB" : Significant(bytes / 1e9) + " GB";
}
