using System.Globalization;
using System.Text.RegularExpressions;

namespace Scaling.Tests.Reports.Html;

/// <summary>
/// Reads a number as the page shows it (72.2B, 5.76E+23, €1.21M, 991 days, 311 MWh, 40%) back into the unit of the
/// value it stands for, with the rounding its last digit allows, so a test can check the text against the library.
/// </summary>
internal static partial class DisplayedNumber
{
    private static readonly Dictionary<string, double> Units = new(StringComparer.Ordinal)
    {
        [" FLOPs"] = 1, [" days"] = 1, [" hours"] = 1.0 / 24, [" kWh"] = 1, [" MWh"] = 1e3, [" GWh"] = 1e6,
        [" t"] = 1, [" kg"] = 1e-3, [" L"] = 1, [" GB"] = 1e9, [" TB"] = 1e12, ["%"] = 0.01, ["×"] = 1,
    };

    private static readonly Dictionary<string, double> Suffixes = new(StringComparer.Ordinal)
    {
        ["K"] = 1e3, ["M"] = 1e6, ["B"] = 1e9, ["T"] = 1e12,
    };

    /// <summary>True when <paramref name="text"/> is <paramref name="value"/> rounded to the digits it shows.</summary>
    public static bool Agrees(string text, double value, out string detail)
    {
        string rest = text.Trim().TrimStart('€');
        double unit = 1;
        foreach (var (suffix, unitScale) in Units)
        {
            if (rest.EndsWith(suffix, StringComparison.Ordinal))
            {
                rest = rest[..^suffix.Length];
                unit = unitScale;
                break;
            }
        }

        var match = Shape().Match(rest.Replace(",", string.Empty, StringComparison.Ordinal));
        if (!match.Success)
        {
            detail = $"'{text}' is not a number the page prints";
            return false;
        }

        double mantissa = double.Parse(match.Groups["mantissa"].Value, CultureInfo.InvariantCulture);
        int decimals = match.Groups["decimals"].Value.Length;
        double scale = unit
            * (match.Groups["suffix"].Success && match.Groups["suffix"].Value.Length > 0 ? Suffixes[match.Groups["suffix"].Value] : 1)
            * (match.Groups["exponent"].Success && match.Groups["exponent"].Value.Length > 0 ? Math.Pow(10, int.Parse(match.Groups["exponent"].Value, CultureInfo.InvariantCulture)) : 1);
        double shown = mantissa * scale;
        double allowed = (0.5 * Math.Pow(10, -decimals) * scale * (1 + 1e-9)) + (Math.Abs(value) * 1e-12);
        detail = $"'{text}' reads as {shown.ToString("R", CultureInfo.InvariantCulture)}, the library says {value.ToString("R", CultureInfo.InvariantCulture)} (±{allowed.ToString("G3", CultureInfo.InvariantCulture)})";
        return Math.Abs(shown - value) <= allowed;
    }

    [GeneratedRegex(@"^(?<mantissa>-?\d+(\.(?<decimals>\d+))?)(?<suffix>[KMBT]?)(E(?<exponent>[+-]\d+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
