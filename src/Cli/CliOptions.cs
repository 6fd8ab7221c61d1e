using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Scaling.Cli;

/// <summary>What a numeric option accepts.</summary>
internal enum NumberRange
{
    /// <summary>Finite and &gt; 0.</summary>
    Positive,

    /// <summary>Finite and ≥ 0.</summary>
    NonNegative,

    /// <summary>In (0, 1].</summary>
    Fraction,

    /// <summary>Finite and ≥ 1: a count of parameters, tokens or a factor that cannot shrink.</summary>
    AtLeastOne,
}

/// <summary>
/// Typed options with invariant-culture parsers: a value is checked where the option is declared, so a bad one is a
/// parse error naming the option (exit 2), and the commands receive numbers, never text. Shared definitions keep
/// <c>--flops</c>, <c>--json</c>, <c>--out</c>, <c>--force</c> and <c>--seed</c> alike in every command.
/// </summary>
internal static class CliOptions
{
    /// <summary>The largest bootstrap: 100,000 resamples (percentile intervals are stable to 3 digits long before).</summary>
    public const int MaxResamples = 100_000;

    /// <summary>The largest run count of a synthetic design or benchmark: one million runs.</summary>
    public const int MaxRuns = 1_000_000;

    /// <summary>The largest repetition count of the benchmark.</summary>
    public const int MaxRepetitions = 1_000;

    /// <summary>A number option such as <c>--flops 5.76e23</c>.</summary>
    public static Option<double?> Number(string name, string helpName, string description, string example, NumberRange range) =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = r => ParseNumber(r, name, example, range),
        };

    /// <summary>A whole-number option in [<paramref name="min"/>, <paramref name="max"/>], e.g. <c>--bootstrap 1000</c>.</summary>
    public static Option<int?> Count(string name, string helpName, string description, string example, int min, int max) =>
        new(name)
        {
            Description = description + string.Create(CultureInfo.InvariantCulture, $" At most {max:#,##0}."),
            HelpName = helpName,
            CustomParser = r => ParseCount(r, name, example, min, max),
        };

    /// <summary><c>--flops C</c>: a training budget in FLOPs.</summary>
    public static Option<double?> Flops(string description) =>
        Number("--flops", "C", description, "5.76e23", NumberRange.Positive);

    /// <summary><c>--json</c>: one JSON document on stdout instead of prose.</summary>
    public static Option<bool> Json(string description = "Print one JSON object instead of prose.") => new("--json") { Description = description };

    /// <summary><c>--force</c>: replace what is in the way.</summary>
    public static Option<bool> Force(string description = "Replace an existing --out file.") => new("--force") { Description = description };

    /// <summary><c>--out PATH</c>.</summary>
    public static Option<string> Out(string description, string helpName) => new("--out") { Description = description, HelpName = helpName };

    /// <summary><c>--seed S</c>: a whole number (64-bit) that fixes every random draw.</summary>
    public static Option<long?> Seed(string description) => new("--seed")
    {
        Description = description,
        HelpName = "S",
        CustomParser = r =>
        {
            string text = r.Tokens.Count == 1 ? r.Tokens[0].Value : string.Empty;
            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long seed))
            {
                return seed;
            }

            r.AddError($"--seed must be a whole number, got '{text}'; for example --seed 42.");
            return null;
        },
    };

    /// <summary>Parses <paramref name="text"/> as an invariant-culture number, or null with <paramref name="error"/> naming the option.</summary>
    internal static double? TryNumber(string name, string text, string example, NumberRange range, out string? error)
    {
        error = null;
        string trimmed = text.Trim();
        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || trimmed.Contains('∞'))
        {
            bool decimalComma = trimmed.Contains(',', StringComparison.Ordinal)
                && double.TryParse(trimmed.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out _);
            error = decimalComma
                ? $"{name} '{text}' uses a decimal comma; write a dot, e.g. {name} {trimmed.Replace(',', '.')}."
                : $"{name} '{text}' is not a number; write it like {name} {example} (a dot for decimals).";
            return null;
        }

        (bool ok, string words) = range switch
        {
            NumberRange.Positive => (double.IsFinite(value) && value > 0, "a finite number greater than 0"),
            NumberRange.NonNegative => (double.IsFinite(value) && value >= 0, "a finite number of at least 0"),
            NumberRange.Fraction => (double.IsFinite(value) && value > 0 && value <= 1, "a number in (0, 1]"),
            _ => (double.IsFinite(value) && value >= 1, "a finite number of at least 1"),
        };
        if (!ok)
        {
            error = $"{name} must be {words}, got '{text}'; for example {name} {example}.";
            return null;
        }

        return value;
    }

    private static double? ParseNumber(ArgumentResult r, string name, string example, NumberRange range)
    {
        double? value = TryNumber(name, r.Tokens.Count == 1 ? r.Tokens[0].Value : string.Empty, example, range, out string? error);
        if (error is not null)
        {
            r.AddError(error);
        }

        return value;
    }

    private static int? ParseCount(ArgumentResult r, string name, string example, int min, int max)
    {
        string text = r.Tokens.Count == 1 ? r.Tokens[0].Value.Trim() : string.Empty;
        bool whole = long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value);
        if (whole && value >= min && value <= max)
        {
            return (int)value;
        }

        r.AddError(string.Create(
            CultureInfo.InvariantCulture,
            $"{name} must be a whole number from {min:#,##0} to {max:#,##0}, got '{text}'; for example {name} {example}."));
        return null;
    }
}
