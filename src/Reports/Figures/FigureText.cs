using System.Globalization;

namespace Scaling.Reports.Figures;

/// <summary>
/// Numbers as the figures print them, in one notation with the axes: powers of ten with superscripts
/// (<c>5.8·10²⁰</c>, as OxyPlot's super-exponential axis labels), euros as <c>€20k</c> / <c>€1.2M</c>, and counts as
/// <c>106B</c> parameters or <c>1.9T</c> tokens. Invariant culture throughout.
/// </summary>
public static class FigureText
{
    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary><paramref name="value"/> as m·10ⁿ with <paramref name="decimals"/> decimals in m (1·10ⁿ prints as 10ⁿ).</summary>
    /// <example><c>Power(5.76e20)</c> → <c>5.8·10²⁰</c>.</example>
    public static string Power(double value, int decimals = 1)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        int exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        double mantissa = Math.Round(value / Math.Pow(10, exponent), decimals);
        if (Math.Abs(mantissa) >= 10)
        {
            mantissa /= 10;
            exponent++;
        }

        string power = "10" + Superscript(exponent);
        return mantissa == 1 ? power : mantissa.ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture) + "·" + power;
    }

    /// <summary>Euros with k/M/B suffixes: <c>€350</c>, <c>€20k</c>, <c>€1.2M</c>, <c>€3B</c>.</summary>
    public static string Euros(double euros) => "€" + Suffixed(euros, ["", "k", "M", "B", "T"]);

    /// <summary>A count with K/M/B/T suffixes, e.g. <c>106B</c> parameters, <c>1.9T</c> tokens.</summary>
    public static string Count(double count) => Suffixed(count, ["", "K", "M", "B", "T", "Q"]);

    /// <summary>A number with thousands separators and no decimals, e.g. <c>1,877</c>.</summary>
    public static string Whole(double value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>CO₂ in tonnes with separators, or kilograms under a tonne: <c>125 t</c>, <c>2.16 kg</c>.</summary>
    public static string Tonnes(double tonnes) => tonnes >= 1 || tonnes == 0
        ? Whole(tonnes) + " t"
        : (tonnes * 1000).ToString(tonnes >= 0.1 ? "0" : "0.##", CultureInfo.InvariantCulture) + " kg";

    /// <summary>Wall-clock time: <c>87.8 days</c>, <c>991 days</c>, or hours under a day (<c>7 hours</c>).</summary>
    public static string Days(double days) => days < 1
        ? (days * 24).ToString(days * 24 < 10 ? "0.#" : "0", CultureInfo.InvariantCulture) + " hours"
        : days.ToString(days < 100 ? "0.#" : "#,##0", CultureInfo.InvariantCulture) + " days";

    private static string Suffixed(double value, string[] suffixes)
    {
        int step = 0;
        double scaled = value;
        while (Math.Abs(scaled) >= 999.5 && step < suffixes.Length - 1)
        {
            scaled /= 1000;
            step++;
        }

        string format = Math.Abs(scaled) >= 99.5 || step == 0 ? "0" : Math.Abs(scaled) >= 9.95 ? "0" : "0.#";
        return scaled.ToString(format, CultureInfo.InvariantCulture) + suffixes[step];
    }

    private static string Superscript(int exponent)
    {
        string digits = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        var text = new System.Text.StringBuilder(exponent < 0 ? "⁻" : string.Empty);
        foreach (char c in digits)
        {
            text.Append(Superscripts[c - '0']);
        }

        return text.ToString();
    }
}
