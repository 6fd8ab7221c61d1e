using System.Globalization;

namespace Scaling.Resources;

/// <summary>Short numbers for error messages of the core (the CLI has its own, richer formatting).</summary>
internal static class Readable
{
    // From 10^15 up a grouped whole number runs to hundreds of digits; scientific notation stays readable.
    public static string Number(double value) => Math.Abs(value) >= 1e15
        ? value.ToString("0.##E+00", CultureInfo.InvariantCulture)
        : value.ToString("#,##0.###", CultureInfo.InvariantCulture);

    public static string Bytes(double bytes) => bytes >= 1e15
        ? (bytes / 1e12).ToString("0.##E+00", CultureInfo.InvariantCulture) + " TB"
        : bytes >= 1e12
        ? (bytes / 1e12).ToString("0.##", CultureInfo.InvariantCulture) + " TB"
        : (bytes / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + " GB";
}
