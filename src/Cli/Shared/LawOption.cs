using System.CommandLine;
using Scaling.Laws;

namespace Scaling.Cli.Shared;

/// <summary>
/// <c>--law NAME|PATH.json|E=…,A=…,B=…,alpha=…,beta=…</c>: a preset by name, a fit written by <c>scaling fit</c>,
/// or inline coefficients. Defaults to <see cref="LawPresets.Default"/>.
/// </summary>
internal static class LawOption
{
    public const string Name = "--law";

    public static Option<string> Create() => new(Name)
    {
        Description = "A preset name (see 'scaling laws'), a JSON file written by 'scaling fit', or E=..,A=..,B=..,alpha=..,beta=.. "
            + $"(default {LawPresets.Default.Name}).",
        HelpName = "NAME|PATH.json",
        CustomParser = r =>
        {
            // An empty --law (an unset variable) would silently plan with the default law.
            string text = r.Tokens.Count == 1 ? r.Tokens[0].Value : string.Empty;
            if (string.IsNullOrWhiteSpace(text))
            {
                r.AddError($"{Name}: the law is empty (an unset variable?); give a preset name (see 'scaling laws'), a fit JSON or E=..,A=..,B=..,alpha=..,beta=.., or leave out --law for {LawPresets.Default.Name}.");
                return null;
            }

            return text;
        },
    };

    /// <summary>The law named by <paramref name="text"/> (the default when null).</summary>
    public static ScalingLaw Resolve(string? text) => ResolveFitted(text).Law;

    /// <summary>The law named by <paramref name="text"/>, with the bootstrap refits a fit file carries.</summary>
    public static FittedLaw ResolveFitted(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return FittedLaw.Without(LawPresets.Default);
        }

        if (LawCoefficientsText.LooksInline(text))
        {
            return FittedLaw.Without(LawCoefficientsText.Parse(text));
        }

        if (LawPresets.Find(text) is { } preset)
        {
            return FittedLaw.Without(preset);
        }

        if (text.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || File.Exists(text) || text.Contains('/', StringComparison.Ordinal))
        {
            return ReadFile(text);
        }

        string known = string.Join(", ", LawPresets.All.Select(l => l.Name));
        throw new UsageException($"{Name}: unknown law '{text}'; use one of {known}, or a JSON file written by 'scaling fit'.");
    }

    /// <summary>
    /// The parametric law, or a usage error naming <paramref name="option"/> when <paramref name="law"/> is an
    /// allocation rule (which predicts no loss).
    /// </summary>
    public static ParametricLaw RequireLoss(ScalingLaw law, string option, string purpose) => law switch
    {
        ParametricLaw parametric => parametric,
        _ => throw new UsageException(
            $"{option}: the law '{law.Name}' is an allocation rule and predicts no loss; {purpose} needs a parametric law such as {LawPresets.Default.Name}."),
    };

    private static FittedLaw ReadFile(string path) =>
        LawJson.ParseFitted(new InputFile(Name, path, FileKind.Law).ReadText(), path);
}
