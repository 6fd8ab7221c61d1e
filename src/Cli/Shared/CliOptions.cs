using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Scaling.Hardware;
using Scaling.Reports;
using Scaling.Resources;
using Scaling.Text;

namespace Scaling.Cli.Shared;

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

    /// <summary>
    /// The fewest runs of a synthetic design: one per budget of Hoffmann et al.'s nine IsoFLOP budgets
    /// (<see cref="Fitting.Runs.SyntheticRunsDesign.Hoffmann2022Budgets"/>).
    /// </summary>
    public static int MinSyntheticRuns => Fitting.Runs.SyntheticRunsDesign.Hoffmann2022Budgets.Count;

    /// <summary>The largest repetition count of the benchmark.</summary>
    public const int MaxRepetitions = 1_000;

    /// <summary>
    /// A number option such as <c>--flops 5.76e23</c>; with <paramref name="max"/> or <paramref name="min"/>, values above or
    /// below them are refused too.
    /// </summary>
    public static Option<double?> Number(
        string name, string helpName, string description, string example, NumberRange range, double max = double.MaxValue, double min = double.MinValue) =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = r => ParseNumber(r, name, example, range, min, max),
        };

    /// <summary>
    /// A number of bootstrap resamples: 0 (no intervals) or 2 to <see cref="MaxResamples"/> (one resample has no spread).
    /// </summary>
    public static Option<int?> Resamples(string name, string description, string example) =>
        new(name)
        {
            Description = description + $" At most {NumberText.Whole(MaxResamples)}.",
            HelpName = "B",
            CustomParser = r => Single(r) is var text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
                && value is 0 or >= 2 && value <= MaxResamples
                    ? value
                    : Refuse<int?>(r, string.Create(CultureInfo.InvariantCulture, $"{name} must be 0 (no intervals) or a whole number from 2 to {NumberText.Whole(MaxResamples)}, got '{text}'; for example {name} {example}.")),
        };

    /// <summary>
    /// One of a few named values, e.g. <c>--spacing ladder|even</c>; the first choice is the example of the message.
    /// Give a nullable <typeparamref name="T"/>: the value is null when the option is not given (the command's default
    /// is in the description, where help shows it in words).
    /// </summary>
    public static Option<T> Choice<T>(string name, string description, params (string Name, T Value)[] choices) =>
        new(name)
        {
            Description = description,
            HelpName = string.Join('|', choices.Select(c => c.Name)),
            Arity = ArgumentArity.ExactlyOne,
            CustomParser = r =>
            {
                string text = Single(r);
                foreach (var (choiceName, value) in choices)
                {
                    if (string.Equals(choiceName, text.Trim(), StringComparison.OrdinalIgnoreCase))
                    {
                        return value;
                    }
                }

                return Refuse<T>(r, $"{name}: '{text}' is not known; use {Words(choices.Select(c => c.Name).ToArray())}; for example {name} {choices[0].Name}.");
            },
        };

    /// <summary><c>--precision P</c>: fp32, tf32, bf16, fp16, fp8, int8 or int4.</summary>
    public static Option<Precision?> TrainingPrecision(string description) => new("--precision")
    {
        Description = description,
        HelpName = "P",
        CustomParser = r =>
        {
            try
            {
                return Precisions.Parse(Single(r));
            }
            catch (FormatException e)
            {
                return Refuse<Precision?>(r, "--precision: " + e.Message);
            }
        },
    };

    /// <summary><c>--formats LIST</c>: which files a report writes, e.g. <c>html,png</c> (default all).</summary>
    public static Option<ReportFormats?> Formats(string description) => new("--formats")
    {
        Description = description,
        HelpName = "LIST",
        CustomParser = r =>
        {
            try
            {
                return ReportFormats.Parse(Single(r));
            }
            catch (FormatException e)
            {
                return Refuse<ReportFormats?>(r, e.Message);
            }
        },
    };

    /// <summary><c>--bytes-per-parameter B|RECIPE</c>: a number of bytes, or a named recipe such as <c>adamw16</c>.</summary>
    public static Option<TrainingStateRecipe?> Recipe(string description) => new("--bytes-per-parameter")
    {
        Description = description,
        HelpName = "B|RECIPE",
        CustomParser = r => ParseRecipe(r, "--bytes-per-parameter"),
    };

    /// <summary>A whole-number option in [<paramref name="min"/>, <paramref name="max"/>], e.g. <c>--bootstrap 1000</c>.</summary>
    public static Option<int?> Count(string name, string helpName, string description, string example, int min, int max) =>
        new(name)
        {
            Description = description + $" At most {NumberText.Whole(max)}.",
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

    /// <summary><c>--out PATH</c>; an empty path (an unset variable) is refused where the option is parsed.</summary>
    public static Option<string> Out(string description, string helpName) => new("--out")
    {
        Description = description,
        HelpName = helpName,
        CustomParser = r => FilePath(r) ?? Refuse<string>(r, EmptyPath("--out", helpName)),
    };

    /// <summary><c>--seed S</c>: a whole number (64-bit) that fixes every random draw, read by <see cref="Fitting.Seed.TryParse"/>.</summary>
    public static Option<Fitting.Seed?> Seed(string description) => new("--seed")
    {
        Description = description,
        HelpName = "S",
        CustomParser = r =>
        {
            string text = r.Tokens.Count == 1 ? r.Tokens[0].Value : string.Empty;
            if (Fitting.Seed.TryParse(text, out var seed))
            {
                return seed;
            }

            r.AddError($"--seed must be a whole number, got '{text}'; for example --seed 42.");
            return null;
        },
    };

    /// <summary>
    /// A file option such as <c>--runs runs.csv</c>: the value is the typed file (read, bounded, when the command needs
    /// it), and an empty path is refused where the option is parsed.
    /// </summary>
    public static Option<InputFile?> File(string name, string helpName, string description, FileKind kind) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = r => FilePath(r) is { } path ? new InputFile(name, path, kind) : Refuse<InputFile?>(r, EmptyPath(name, helpName)),
    };

    /// <summary>A file argument such as <c>scaling fit runs.csv</c>; an empty path is refused.</summary>
    public static Argument<InputFile> FileArgument(string name, string description, FileKind kind) => new(name)
    {
        Description = description,
        CustomParser = r => FilePath(r) is { } path ? new InputFile(null, path, kind) : Refuse<InputFile>(r, EmptyPath(name, name)),
    };

    private static string? FilePath(ArgumentResult r) => Single(r) is var path && !string.IsNullOrWhiteSpace(path) ? path : null;

    private static string EmptyPath(string name, string example) =>
        $"{name}: the path is empty (an unset variable?); give a file, e.g. {(name.StartsWith('-') ? $"{name} {example}" : example)}.";

    /// <summary>
    /// Refuses every option of the command that the user gave beyond <paramref name="allowed"/>: in a mode that does not
    /// use them they would be silently ignored.
    /// </summary>
    /// <exception cref="UsageException">An option given that <paramref name="mode"/> does not use.</exception>
    public static void RefuseOthers(ParseResult result, string mode, string why, params Option[] allowed)
    {
        var stray = result.CommandResult.Children.OfType<OptionResult>()
            .FirstOrDefault(o => !o.Implicit && !allowed.Contains(o.Option));
        if (stray is not null)
        {
            throw new UsageException($"{stray.Option.Name}: does not apply with {mode} ({why}); leave it out.");
        }
    }

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

    private static double? ParseNumber(ArgumentResult r, string name, string example, NumberRange range, double min, double max)
    {
        string text = Single(r);
        double? value = TryNumber(name, text, example, range, out string? error);
        if (error is not null)
        {
            return Refuse<double?>(r, error);
        }

        return value < min ? Refuse<double?>(r, string.Create(CultureInfo.InvariantCulture, $"{name} must be at least {NumberText.Value(min)}, got '{text}'; for example {name} {example}."))
            : value > max ? Refuse<double?>(r, string.Create(CultureInfo.InvariantCulture, $"{name} must be at most {NumberText.Value(max)}, got '{text}'; for example {name} {example}."))
            : value;
    }

    private static TrainingStateRecipe? ParseRecipe(ArgumentResult r, string name)
    {
        string text = Single(r).Trim();
        if (TrainingStateRecipe.Find(text) is { } recipe)
        {
            return recipe;
        }

        if (text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '-' or '.' or '+'))
        {
            double? bytes = TryNumber(name, text, "16", NumberRange.Positive, out string? error);
            return bytes is { } b ? TrainingStateRecipe.Fixed(b) : Refuse<TrainingStateRecipe?>(r, error ?? name);
        }

        return Refuse<TrainingStateRecipe?>(
            r, $"{name}: unknown recipe '{text}'; give a number such as 16 or one of {string.Join(", ", TrainingStateRecipe.All.Select(x => x.Name))}.");
    }

    private static string Single(ArgumentResult r) => r.Tokens.Count == 1 ? r.Tokens[0].Value : string.Empty;

    private static T? Refuse<T>(ArgumentResult r, string error)
    {
        r.AddError(error);
        return default;
    }

    // "a", "a or b", "a, b or c".
    private static string Words(string[] names) =>
        names.Length == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1];

    private static int? ParseCount(ArgumentResult r, string name, string example, int min, int max)
    {
        string text = r.Tokens.Count == 1 ? r.Tokens[0].Value.Trim() : string.Empty;
        bool whole = long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value);
        if (whole && value >= min && value <= max)
        {
            return (int)value;
        }

        return Refuse<int?>(r, string.Create(
            CultureInfo.InvariantCulture,
            $"{name} must be a whole number from {NumberText.Whole(min)} to {NumberText.Whole(max)}, got '{text}'; for example {name} {example}."));
    }
}
