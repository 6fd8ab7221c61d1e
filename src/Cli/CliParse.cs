using System.Globalization;

namespace Scaling.Cli;

/// <summary>
/// Invariant-culture parsing of option values still declared as text (the architecture options); the same rules and
/// messages as the typed options of <see cref="CliOptions"/>, which new options should use instead.
/// </summary>
internal static class CliParse
{
    /// <summary>A finite number &gt; 0, e.g. <c>--tokens 1.4e12</c>.</summary>
    public static double Positive(string option, string text, string example) => Parse(option, text, example, NumberRange.Positive);

    /// <summary>A finite number ≥ 0.</summary>
    public static double NonNegative(string option, string text, string example) => Parse(option, text, example, NumberRange.NonNegative);

    /// <summary>A number in (0, 1].</summary>
    public static double Fraction(string option, string text, string example) => Parse(option, text, example, NumberRange.Fraction);

    /// <summary>A whole number from 1 to <see cref="int.MaxValue"/>.</summary>
    public static int PositiveInteger(string option, string text, string example) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : throw new UsageException($"{option} must be a whole number from 1 to {int.MaxValue.ToString("#,##0", CultureInfo.InvariantCulture)}, got '{text}'; for example {option} {example}.");

    private static double Parse(string option, string text, string example, NumberRange range) =>
        CliOptions.TryNumber(option, text, example, range, out string? error) ?? throw new UsageException(error ?? option);
}
