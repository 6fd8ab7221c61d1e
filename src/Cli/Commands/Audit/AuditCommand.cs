using System.CommandLine;
using System.Globalization;
using Scaling.Audit;
using Scaling.Cli.Shared;
using Scaling.Text;

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
        var models = CliOptions.File("--models", "FILE", "A CSV registry of models (same columns as data/benchmarks/models.csv) instead of the embedded one.", FileKind.Registry);
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
            console.Out.WriteLine(result.GetValue(json) ? CliJson.Write(rows.Select(r => AuditOutput.From(namedLaw, r)).ToArray(), CliJsonContext.Default.AuditOutputArray) : AuditMemo.Describe(auditor, rows));
            return ExitCodes.Success;
        });
        return command;
    }

    private static double Tolerance(double value) =>
        value > 1
            ? value
            : throw new UsageException($"--tolerance must be a factor above 1, got {NumberText.Exponent(value)}; for example --tolerance 2.5 (near-optimal within 2.5× of N*).");

    private static IReadOnlyList<PublishedModel> Models(InputFile? registry, double? parametersText, double? tokensText, string? name)
    {
        if (parametersText is null && tokensText is null)
        {
            if (name is not null)
            {
                throw new UsageException("--name: names the model given by --parameters and --tokens; for example --parameters 175e9 --tokens 300e9 --name GPT-3.");
            }

            return registry is null ? ModelRegistry.Published : ModelRegistry.Parse(registry.ReadText(), registry.Path);
        }

        if (parametersText is null || tokensText is null)
        {
            string missing = parametersText is null ? "--parameters" : "--tokens";
            throw new UsageException($"{missing}: give --parameters N and --tokens D together; for example --parameters 175e9 --tokens 300e9.");
        }

        if (registry is not null)
        {
            throw new UsageException("--models: audit either a registry file or one model (--parameters/--tokens), not both.");
        }

        double n = parametersText.Value;
        double d = tokensText.Value;
        string label = string.IsNullOrWhiteSpace(name) ? "Your model" : name;
        return [PublishedModel.Create(label, null, n, d, GivenSource)];
    }
}
