using System.Globalization;
using System.Text;

namespace Scaling.Text;

/// <summary>
/// The one way Scaling writes a number for a person to read — the command line's memos and tables, the report page,
/// the figures' labels, the workbook's notes and the core's messages — one named style per kind of quantity, each
/// with one precision, in the invariant culture (a German machine prints <c>1,024 GPUs</c> and <c>1.974</c> too).
/// </summary>
/// <remarks>
/// Every style keeps three significant figures unless the quantity asks otherwise: a loss three decimals (losses of
/// rival plans differ in the third), an exponent or coefficient up to four, a price its cents, a whole count none.
/// Machine formats (JSON, CSV, the workbook's cell values) keep full precision and are not written here.
/// <example><code>
/// NumberText.Count(7.2248e10)      // "72.2B"
/// NumberText.Scientific(5.76e23)   // "5.76E+23"
/// NumberText.Power(5.76e23)        // "5.76·10²³" (figures, beside their power-of-ten axes)
/// NumberText.Loss(1.97444)         // "1.974"
/// NumberText.Euros(1.2134e6)       // "€1.21M"
/// NumberText.Days(87.8)            // "87.8 days"
/// </code></example>
/// </remarks>
public static class NumberText
{
    /// <summary>Significant figures of every style that has no precision of its own.</summary>
    public const int SignificantDigits = 3;

    /// <summary>Decimals of a loss in nats per token (and of a difference between losses).</summary>
    public const int LossDecimals = 3;

    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    // From here up a grouped or suffixed number runs to too many digits: scientific notation stays readable.
    private const double ScientificFrom = 1e15;

    // Below this a number with three significant figures needs more than six decimals: scientific notation.
    private const double ScientificBelow = 1e-4;

    private static readonly (double Scale, string Suffix)[] Suffixes = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")];

    /// <summary>Three significant figures (more for a larger whole part), thousands separators: <c>40.4</c>, <c>4.04</c>, <c>1,323</c>.</summary>
    /// <remarks>Scientific from 10^15 and below 10^-4 (not 0), as <see cref="Scientific"/>.</remarks>
    public static string Significant(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        double magnitude = Math.Abs(value);
        if (!double.IsFinite(value) || magnitude >= ScientificFrom || magnitude < ScientificBelow)
        {
            return Scientific(value);
        }

        int decimals = Math.Max(0, SignificantDigits - 1 - (int)Math.Floor(Math.Log10(magnitude)));
        return Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("#,##0.#########", CultureInfo.InvariantCulture);
    }

    /// <summary>A whole number with thousands separators: <c>1,024</c> GPUs, <c>404,449</c> GPU-hours.</summary>
    public static string Whole(double value) =>
        double.IsFinite(value) && Math.Abs(value) < ScientificFrom
            ? value.ToString("#,##0", CultureInfo.InvariantCulture)
            : Scientific(value);

    /// <summary>A number of accelerators with its noun: <c>1 GPU</c>, <c>1,024 GPUs</c>.</summary>
    public static string Gpus(double count) => count == 1 ? "1 GPU" : Whole(count) + " GPUs";

    /// <summary>
    /// A count with a K/M/B/T suffix and three significant figures: <c>72.2B</c> parameters, <c>1.33T</c> tokens,
    /// <c>667K</c> GPU-hours, <c>404</c>; scientific from 10^15.
    /// </summary>
    public static string Count(double value)
    {
        if (!double.IsFinite(value) || Math.Abs(value) >= ScientificFrom)
        {
            return Scientific(value);
        }

        foreach (var (scale, suffix) in Suffixes)
        {
            // 999,500 is 1M, not 1,000K: the rounding decides the suffix.
            if (Math.Abs(value) >= scale * 0.9995)
            {
                return Significant(value / scale) + suffix;
            }
        }

        return Significant(value);
    }

    /// <summary>Scientific notation with three significant figures, as the command line reads it back: <c>5.76E+23</c> FLOPs.</summary>
    /// <remarks>An overflowed bound reads ∞ (an interval that says nothing), never "Infinity".</remarks>
    public static string Scientific(double value) => value switch
    {
        double.PositiveInfinity => "∞",
        double.NegativeInfinity => "−∞",
        _ => value.ToString("0.00E+00", CultureInfo.InvariantCulture),
    };

    /// <summary>FLOPs: <see cref="Scientific"/>, <c>5.76E+23</c>.</summary>
    public static string Flops(double flops) => Scientific(flops);

    /// <summary>
    /// Three significant figures as m·10ⁿ, the notation of the figures' logarithmic axes: <c>5.76·10²³</c>, and
    /// <c>10²⁴</c> for a power of ten.
    /// </summary>
    public static string Power(double value)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return Scientific(value);
        }

        int exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        double mantissa = Math.Round(value / Math.Pow(10, exponent), SignificantDigits - 1);
        if (Math.Abs(mantissa) >= 10)
        {
            mantissa /= 10;
            exponent++;
        }

        string power = "10" + Superscript(exponent);
        return mantissa == 1 ? power : mantissa.ToString("0.##", CultureInfo.InvariantCulture) + "·" + power;
    }

    /// <summary>
    /// A loss in nats per token, or a difference of losses, to <see cref="LossDecimals"/> decimals: <c>1.974</c>,
    /// <c>0.016</c>; a difference under 0.01 (a regret, a quantisation penalty) in three significant figures,
    /// <c>0.0017</c>, so that it never reads as zero.
    /// </summary>
    public static string Loss(double loss) =>
        !double.IsFinite(loss) || Math.Abs(loss) >= 1e6 ? Scientific(loss)
        : loss != 0 && Math.Abs(loss) < 0.01 ? Significant(loss)
        : loss.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>
    /// A ratio such as tokens per parameter or a factor between two sizes: whole from 10 up (<c>1,875</c>), else three
    /// significant figures (<c>1.7</c>, <c>1.05</c>, <c>0.45</c>); scientific from 10^6.
    /// </summary>
    public static string Ratio(double ratio) =>
        !double.IsFinite(ratio) || Math.Abs(ratio) >= 1e6 ? Scientific(ratio)
        : Math.Abs(ratio) >= 10 ? Math.Round(ratio, MidpointRounding.AwayFromZero).ToString("#,##0", CultureInfo.InvariantCulture)
        : Significant(ratio);

    /// <summary>A distance in decades (powers of ten, log10 of a ratio) to one decimal: <c>1.5</c>.</summary>
    public static string Decades(double decades) => decades.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>An exponent or law coefficient, up to four decimals: <c>0.5126</c>, <c>1.8172</c>, <c>482.01</c>; <c>G4</c> when tiny or huge.</summary>
    public static string Exponent(double value) =>
        value != 0 && (!double.IsFinite(value) || Math.Abs(value) >= 1e6 || Math.Abs(value) < 1e-4)
            ? value.ToString("G4", CultureInfo.InvariantCulture)
            : value.ToString("0.0###", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage with three significant figures: 0.4 → <c>40%</c>, 0.163 → <c>16.3%</c>, 0.0043 → <c>0.43%</c>.</summary>
    public static string Percent(double fraction) => Significant(fraction * 100) + "%";

    /// <summary>A relative change with its sign, as <see cref="Percent"/>: 0.12 → <c>+12%</c>, −0.034 → <c>−3.4%</c>.</summary>
    public static string Change(double fraction) => (fraction < 0 ? "−" : "+") + Percent(Math.Abs(fraction));

    /// <summary>An amount of euros: <c>€1.21M</c>, <c>€20K</c>, <c>€350</c> (as <see cref="Count"/>).</summary>
    public static string Euros(double euros) => "€" + Count(euros);

    /// <summary>A price in euros with its cents: <c>€3.00</c> per GPU-hour.</summary>
    public static string Price(double euros) => "€" + euros.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>Wall-clock time: <c>87.8 days</c>, <c>1 day</c>, or hours under a day (<c>16.8 hours</c>).</summary>
    public static string Days(double days)
    {
        bool hours = days < 1;
        string count = Significant(hours ? days * 24 : days);
        string unit = hours ? "hour" : "day";
        return count == "1" ? $"1 {unit}" : $"{count} {unit}s";
    }

    /// <summary>Energy: <c>513 MWh</c>, <c>1.2 GWh</c>, <c>640 kWh</c>.</summary>
    public static string KilowattHours(double kilowattHours) =>
        kilowattHours >= 1e6 ? Significant(kilowattHours / 1e6) + " GWh"
        : kilowattHours >= 1e3 ? Significant(kilowattHours / 1e3) + " MWh"
        : Significant(kilowattHours) + " kWh";

    /// <summary>Power drawn: <c>240 kW</c>, <c>1.2 MW</c>.</summary>
    public static string Kilowatts(double kilowatts) =>
        kilowatts >= 1e3 ? Significant(kilowatts / 1e3) + " MW" : Significant(kilowatts) + " kW";

    /// <summary>A mass of CO₂: <c>205 t</c>, <c>1,230 t</c>, or kilograms under a tonne (<c>120 kg</c>).</summary>
    public static string Tonnes(double tonnes) =>
        tonnes >= 1 || tonnes == 0 ? Significant(tonnes) + " t" : Significant(tonnes * 1000) + " kg";

    /// <summary>Water: <c>1.87M L</c>, <c>257K L</c>.</summary>
    public static string Litres(double litres) => Count(litres) + " L";

    /// <summary>Memory in decimal units: <c>144 GB</c>, <c>1.16 TB</c>, <c>524 MB</c>.</summary>
    public static string Bytes(double bytes) =>
        bytes >= 1e12 ? Significant(bytes / 1e12) + " TB"
        : bytes >= 1e9 ? Significant(bytes / 1e9) + " GB"
        : Significant(bytes / 1e6) + " MB";

    /// <summary>
    /// A value as a message quotes it back, four significant figures so the user recognises what they gave
    /// (<c>1E-300</c>, <c>0.9</c>, <c>1.5E+24</c>), and words where a double has no number: <c>more than 1.8E+308</c>.
    /// </summary>
    public static string Value(double value) => value switch
    {
        double.PositiveInfinity => "more than 1.8E+308",
        double.NegativeInfinity => "less than -1.8E+308",
        double.NaN => "an undefined number (NaN)",
        _ => value.ToString("G4", CultureInfo.InvariantCulture),
    };

    private static string Superscript(int exponent)
    {
        var text = new StringBuilder(exponent < 0 ? "⁻" : string.Empty);
        foreach (char c in Math.Abs(exponent).ToString(CultureInfo.InvariantCulture))
        {
            text.Append(Superscripts[c - '0']);
        }

        return text.ToString();
    }
}
