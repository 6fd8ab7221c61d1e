using System.CommandLine;
using System.Globalization;
using System.Text;
using Scaling.Audit;
using Scaling.Cli.Shared;
using Scaling.Laws;

namespace Scaling.Cli.Commands.Audit;

/// <summary>
/// <c>scaling audit</c>: judges published models (or one given by <c>--parameters</c>/<c>--tokens</c>) against the
/// compute-optimal split of their own compute: undertrained, near-optimal or overtrained, with the wasted compute.
/// </summary>
internal static class AuditCommand
{
    private const string GivenSource = "given on the command line";

    public static Command Create(CliConsole console)
    {
        var law = LawOption.Create();
        var models = new Option<string>("--models") { Description = "A CSV registry of models (same columns as data/benchmarks/models.csv) instead of the embedded one.", HelpName = "FILE" };
        var parameters = CliOptions.Number("--parameters", "N", "Audit one model of this many parameters (with --tokens).", "175e9", NumberRange.AtLeastOne);
        var tokens = CliOptions.Number("--tokens", "D", "The training tokens of that model (with --parameters).", "300e9", NumberRange.AtLeastOne);
        var name = new Option<string>("--name") { Description = "A name for the model given by --parameters/--tokens.", HelpName = "TEXT" };
        var tolerance = CliOptions.Number(
            "--tolerance",
            "FACTOR",
            $"Near-optimal when N is within this factor of the compute-optimal N* (default {ModelAuditor.DefaultParameterRatioTolerance.ToString(CultureInfo.InvariantCulture)}).",
            "2.5",
            NumberRange.AtLeastOne);
        var json = CliOptions.Json("Print a JSON array instead of the table.");

        var command = new Command("audit", "Audit published models: undertrained, near-optimal or overtrained for their compute.")
        {
            law, models, parameters, tokens, name, tolerance, json,
        };
        command.SetAction(result =>
        {
            var namedLaw = LawOption.Resolve(result.GetValue(law));
            double band = result.GetValue(tolerance) is { } factor ? Tolerance(factor) : ModelAuditor.DefaultParameterRatioTolerance;
            var auditor = ModelAuditor.Create(namedLaw, band);
            var selected = Models(result.GetValue(models), result.GetValue(parameters), result.GetValue(tokens), result.GetValue(name));
            var rows = selected
                .Select(m => new AuditedModel(m, auditor.Audit(m)))
                .OrderBy(r => r.Audit.Flops)
                .ThenBy(r => r.Model.Name, StringComparer.Ordinal)
                .ToList();
            console.Out.WriteLine(result.GetValue(json) ? CliJson.Write(rows.Select(r => AuditOutput.From(namedLaw, r)).ToArray(), CliJsonContext.Default.AuditOutputArray) : Describe(auditor, rows));
            return ExitCodes.Success;
        });
        return command;
    }

    private static double Tolerance(double value) =>
        value > 1
            ? value
            : throw new UsageException($"--tolerance must be a factor above 1, got {Humanize.Exponent(value)}; for example --tolerance 2.5 (near-optimal within 2.5× of N*).");

    private static IReadOnlyList<PublishedModel> Models(string? path, double? parametersText, double? tokensText, string? name)
    {
        if (parametersText is null && tokensText is null)
        {
            if (name is not null)
            {
                throw new UsageException("--name: names the model given by --parameters and --tokens; for example --parameters 175e9 --tokens 300e9 --name GPT-3.");
            }

            return path is null ? ModelRegistry.Published : ReadRegistry(path);
        }

        if (parametersText is null || tokensText is null)
        {
            string missing = parametersText is null ? "--parameters" : "--tokens";
            throw new UsageException($"{missing}: give --parameters N and --tokens D together; for example --parameters 175e9 --tokens 300e9.");
        }

        if (path is not null)
        {
            throw new UsageException("--models: audit either a registry file or one model (--parameters/--tokens), not both.");
        }

        double n = parametersText.Value;
        double d = tokensText.Value;
        string label = string.IsNullOrWhiteSpace(name) ? "Your model" : name;
        return [PublishedModel.Create(label, null, n, d, GivenSource)];
    }

    private static IReadOnlyList<PublishedModel> ReadRegistry(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"--models: file '{path}' does not exist; give a CSV with the columns of data/benchmarks/models.csv.");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--models: cannot read '{path}': {e.Message}");
        }

        try
        {
            return ModelRegistry.Parse(text, path);
        }
        catch (UnreadableFileException e)
        {
            throw new UsageException($"--models: {e.Message}");
        }
    }

    internal static string Describe(ModelAuditor auditor, IReadOnlyList<AuditedModel> rows)
    {
        bool hasLoss = auditor.Frontier is not null;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Audit under the law '{auditor.Law.Name}' ({auditor.Law.Source}); C = 6·N·D; ")
            .Append(CultureInfo.InvariantCulture, $"near-optimal when N is within {Humanize.Significant(auditor.ParameterRatioTolerance)}× of N*.\n\n");

        string[] header = ["Model", "Year", "N", "D", "D/N", "C (FLOPs)", "N*", "D*", "Loss gap", "Wasted", "Verdict"];
        var cells = rows.Select(r => new[]
        {
            r.Model.Name,
            r.Model.Year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            Humanize.Count(r.Audit.Parameters),
            Humanize.Count(r.Audit.Tokens),
            Humanize.Ratio(r.Audit.TokensPerParameter),
            Humanize.Scientific(r.Audit.Flops),
            Humanize.Count(r.Audit.OptimalParameters),
            Humanize.Count(r.Audit.OptimalTokens),
            r.Audit.LossGap is { } gap ? gap.ToString("0.000", CultureInfo.InvariantCulture) : "–",
            r.Audit.WastedComputeFraction is { } waste ? Percent(waste) : "–",
            r.Audit.Verdict.ToText(),
        }).ToList();
        AppendTable(text, header, cells);
        text.Append('\n');
        foreach (string sentence in Findings(auditor, AuditFindings.Of(rows, hasLoss)))
        {
            text.Append(sentence).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    private static IEnumerable<string> Findings(ModelAuditor auditor, AuditFindings findings)
    {
        int count = findings.Models.Count;
        if (count > 1)
        {
            yield return $"{findings.Undertrained.Count} of {count} models are undertrained, {findings.NearOptimal.Count} near-optimal and {findings.Overtrained.Count} overtrained.";
        }

        if (findings.Headline is { } headline)
        {
            yield return Headline(headline);
        }

        if (findings.LargestWaste is { Audit.WastedComputeFraction: { } waste } worst)
        {
            yield return $"The largest waste is {worst.Model.Name} ({Humanize.Ratio(worst.Audit.TokensPerParameter)} tokens/parameter): "
                + $"the optimal split reaches its loss with {Percent(waste)} less compute.";
        }

        if (findings.NearOptimal.Count > 0 && count > 1)
        {
            yield return $"Near-optimal: {Names(findings.NearOptimal)}.";
        }

        if (findings.Overtrained.Count > 0)
        {
            string who = count > 1 ? $"Overtrained: {Names(findings.Overtrained)}. They saw" : "Overtrained: the model saw";
            yield return $"{who} more tokens than is compute-optimal for the size, usually on purpose: a smaller model "
                + "is cheaper to serve, so extra training compute buys cheaper inference (Sardana et al. 2024, arXiv 2401.00448)"
                + (findings.PredictsLoss ? ". The 'wasted' share is that trade, not waste of the same kind as undertraining." : ".");
        }

        if (!findings.PredictsLoss)
        {
            yield return $"'{auditor.Law.Name}' is an allocation rule: verdicts compare N with N* only; loss gap and wasted compute need a loss law such as {LawPresets.Default.Name}.";
        }
    }

    private static string Headline(AuditedModel row)
    {
        var a = row.Audit;
        string year = row.Model.Year is { } y ? $" ({y.ToString(CultureInfo.InvariantCulture)})" : string.Empty;
        var sentence = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{row.Model.Name}{year} spent {Humanize.Scientific(a.Flops)} FLOPs on {Humanize.Count(a.Parameters)} parameters and {Humanize.Count(a.Tokens)} tokens ")
            .Append(CultureInfo.InvariantCulture, $"({Humanize.Ratio(a.TokensPerParameter)} tokens/parameter). The same compute split optimally buys {Humanize.Count(a.OptimalParameters)} parameters ")
            .Append(CultureInfo.InvariantCulture, $"on {Humanize.Count(a.OptimalTokens)} tokens ({Humanize.Ratio(a.OptimalTokensPerParameter)} tokens/parameter)");
        if (a is { LossGap: { } gap, OptimalLoss: { } optimal, PredictedLoss: { } predicted, WastedComputeFraction: { } waste })
        {
            sentence.Append(CultureInfo.InvariantCulture, $" and a loss {gap.ToString("0.000", CultureInfo.InvariantCulture)} lower ")
                .Append(CultureInfo.InvariantCulture, $"({optimal.ToString("0.000", CultureInfo.InvariantCulture)} instead of {predicted.ToString("0.000", CultureInfo.InvariantCulture)}); ")
                .Append(CultureInfo.InvariantCulture, $"the optimal split reaches its loss with {Percent(waste)} less compute");
        }

        return sentence.Append(CultureInfo.InvariantCulture, $". Verdict: {a.Verdict.ToText()}; a model of {Humanize.Count(a.Parameters)} parameters is compute-optimal on {Humanize.Count(a.OptimalTokensForSize)} tokens.").ToString();
    }

    private static string Names(IEnumerable<AuditedModel> rows) => string.Join(", ", rows.Select(r => r.Model.Name));

    private static string Percent(double fraction)
    {
        double percent = fraction * 100;
        return (percent < 9.95 ? percent.ToString("0.0", CultureInfo.InvariantCulture) : percent.ToString("0", CultureInfo.InvariantCulture)) + "%";
    }

    private static void AppendTable(StringBuilder text, string[] header, List<string[]> rows)
    {
        int[] widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        void Line(string[] cells)
        {
            var line = new StringBuilder();
            for (int i = 0; i < cells.Length; i++)
            {
                // Text columns (model, verdict) left-aligned, numbers right-aligned.
                bool left = i == 0 || i == cells.Length - 1;
                line.Append(left ? cells[i].PadRight(widths[i]) : cells[i].PadLeft(widths[i]));
                line.Append(i == cells.Length - 1 ? string.Empty : "  ");
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }

        Line(header);
        text.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        rows.ForEach(Line);
    }
}
