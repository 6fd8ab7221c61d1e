using System.Globalization;

namespace Scaling.Fitting;

/// <summary>Numbers in warnings and errors of the allocation fits: three significant figures, invariant culture.</summary>
internal static class FitWording
{
    public static string Number(double value) => value.ToString("0.00E+00", CultureInfo.InvariantCulture);

    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
