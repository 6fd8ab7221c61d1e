using System.Globalization;

namespace Scaling.Cli;

/// <summary>Invariant-culture parsing of option values, with messages that name the option and the fix.</summary>
internal static class CliParse
{
    /// <summary>A finite number &gt; 0, e.g. <c>--flops 5.76e23</c>.</summary>
    public static double Positive(string option, string text, string example)
    {
        double value = Number(option, text, example);
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new UsageException($"{option} must be a finite number greater than 0, got '{text}'; for example {option} {example}.");
        }

        return value;
    }

    /// <summary>A finite number ≥ 0.</summary>
    public static double NonNegative(string option, string text, string example)
    {
        double value = Number(option, text, example);
        if (!double.IsFinite(value) || value < 0)
        {
            throw new UsageException($"{option} must be a finite number of at least 0, got '{text}'; for example {option} {example}.");
        }

        return value;
    }

    /// <summary>A number in (0, 1].</summary>
    public static double Fraction(string option, string text, string example)
    {
        double value = Number(option, text, example);
        if (!double.IsFinite(value) || value <= 0 || value > 1)
        {
            throw new UsageException($"{option} must lie in (0, 1], got '{text}'; for example {option} {example}.");
        }

        return value;
    }

    /// <summary>A positive whole number.</summary>
    public static int PositiveInteger(string option, string text, string example)
    {
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value <= 0)
        {
            throw new UsageException($"{option} must be a whole number greater than 0, got '{text}'; for example {option} {example}.");
        }

        return value;
    }

    private static double Number(string option, string text, string example)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new UsageException($"{option} '{text}' is not a number; write it like {option} {example} (a dot for decimals).");
        }

        return value;
    }
}
