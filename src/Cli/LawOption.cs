using System.CommandLine;
using Scaling.Laws;

namespace Scaling.Cli;

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
    };

    public static NamedLaw Resolve(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return LawPresets.Default;
        }

        if (LawCoefficientsText.LooksInline(text))
        {
            return Wrap(() => LawCoefficientsText.Parse(text));
        }

        if (LawPresets.Find(text) is { } preset)
        {
            return preset;
        }

        if (text.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || File.Exists(text) || text.Contains('/', StringComparison.Ordinal))
        {
            return ReadFile(text);
        }

        string known = string.Join(", ", LawPresets.All.Select(l => l.Name));
        throw new UsageException($"{Name}: unknown law '{text}'; use one of {known}, or a JSON file written by 'scaling fit'.");
    }

    private static NamedLaw ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{Name}: file '{path}' does not exist; give a preset name (see 'scaling laws') or the path of a fit JSON.");
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{Name}: cannot read '{path}': {e.Message}");
        }

        return Wrap(() => LawJson.Parse(json, path));
    }

    private static NamedLaw Wrap(Func<NamedLaw> parse)
    {
        try
        {
            return parse();
        }
        catch (FormatException e)
        {
            throw new UsageException($"{Name}: {e.Message}");
        }
    }
}
