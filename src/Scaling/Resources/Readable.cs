using System.Globalization;

namespace Scaling.Resources;

/// <summary>Short numbers for error messages of the core (the CLI has its own, richer formatting).</summary>
internal static class Readable
{
    public static string Number(double value) => value.ToString("#,##0.###", CultureInfo.InvariantCulture);

    public static string Bytes(double bytes) => bytes >= 1e12
        ? (bytes / 1e12).ToString("0.##", CultureInfo.InvariantCulture) + " TB"
        : (bytes / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + " GB";
}
