using System.Globalization;

namespace Scaling.Cli.Shared;

/// <summary>Numbers the way a person reads them: 40.4B, 2.38T, 5.76E+23, always in the invariant culture.</summary>
internal static class Humanize
{
    private static readonly (double Scale, string Suffix)[] Suffixes =
    [
        (1e12, "T"),
        (1e9, "B"),
        (1e6, "M"),
        (1e3, "K"),
    ];

    /// <summary>A count with three significant figures and a K/M/B/T suffix; scientific from 10^15 up.</summary>
    public static string Count(double value)
    {
        if (!double.IsFinite(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

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
        if (value == 0)
        {
            return "0";
        }

        if (!double.IsFinite(value) || Math.Abs(value) >= 1e15)
        {
            return Scientific(value);
        }

        int digits = Math.Max(0, 2 - (int)Math.Floor(Math.Log10(Math.Abs(value))));
        return Math.Round(value, Math.Min(digits, 15)).ToString("0.###############", CultureInfo.InvariantCulture);
    }

    /// <summary>A ratio such as tokens per parameter: whole from 10 up, else one decimal; scientific below 0.1 or from 1e6.</summary>
    public static string Ratio(double value) =>
        !double.IsFinite(value) || Math.Abs(value) >= 1e6 || (value != 0 && Math.Abs(value) < 0.1) ? Scientific(value)
        : value >= 10
            ? Math.Round(value).ToString("0", CultureInfo.InvariantCulture)
            : value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A loss in nats per token with two decimals.</summary>
    public static string Loss(double value) =>
        Math.Abs(value) < 1e6 ? value.ToString("0.00", CultureInfo.InvariantCulture) : Scientific(value);

    /// <summary>A plain number with up to four significant figures, e.g. an exponent.</summary>
    public static string Exponent(double value) =>
        value != 0 && (Math.Abs(value) >= 1e6 || Math.Abs(value) < 1e-4)
            ? value.ToString("G4", CultureInfo.InvariantCulture)
            : value.ToString("0.0###", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage with one decimal: 0.163 → 16.3%.</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
