using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Scaling.Architecture;
using Scaling.Resources;
using Scaling.Text;

namespace Scaling.Cli.Shared;

/// <summary>
/// The one table from a failure to what the user sees: the exception's type and the origin it carries (a
/// <see cref="ScalingException.Quantity"/>, a file's path, line and column) decide the option named and the exit code.
/// No message text is parsed, cut or re-glued on the way: only this table adds the option.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term><see cref="UsageException"/></term><description>exit 2, its message (it names the option).</description></item>
/// <item><term><see cref="InputFileException"/></term><description>exit 2, <c>--option: 'path' does not exist; give …</c> (missing, a directory, unreadable, too large).</description></item>
/// <item><term><see cref="UnreadableFileException"/></term><description>exit 2, <c>--option: path:line:column: problem</c>, the option that named the file.</description></item>
/// <item><term><see cref="InvalidLawException"/></term><description>exit 2, <c>--law: …</c>.</description></item>
/// <item><term><see cref="InfeasiblePlanException"/></term><description>exit 2, the option of its quantity (the budget option given, <c>--gpus</c>, <c>--days</c>, …).</description></item>
/// <item><term><see cref="UnusableRunsException"/></term><description>exit 2, the runs file given (and the option that named it).</description></item>
/// <item><term><see cref="Scaling.Architecture.InvalidShapeException"/></term><description>exit 2, <c>--config: file: key 'num_key_value_heads': …</c> for a config, else the option of the shape's field (<c>--kv-heads: …</c>).</description></item>
/// <item><term>any other <see cref="ScalingException"/> (e.g. an invalid architecture shape)</term><description>exit 2, its message, which names the input.</description></item>
/// <item><term><see cref="FormatException"/></term><description>exit 2: a user's text (<c>--formats</c>, <c>--precision</c>) that does not parse; the message names it.</description></item>
/// <item><term>access denied to an output</term><description>exit 2, the system's message (it names the path).</description></item>
/// <item><term>other I/O failures (a full disk)</term><description>exit 1, the system's message.</description></item>
/// <item><term><see cref="OperationCanceledException"/></term><description>exit 130: SIGINT or SIGTERM stopped a write, which cleaned up.</description></item>
/// <item><term>anything else</term><description>exit 1: a bug, "please report"; the stack trace only under <c>SCALING_DEBUG=1</c>.</description></item>
/// </list>
/// </remarks>
internal static class CliErrors
{
    private static readonly Dictionary<string, string> OptionOfQuantity = new(StringComparer.Ordinal)
    {
        [ResourceQuantities.Gpus] = "--gpus",
        [ResourceQuantities.DeadlineDays] = "--days",
        [ResourceQuantities.MaxGpus] = "--max-gpus",
        [ResourceQuantities.Assumptions] = "--mfu",
        [Scaling.Campaign.CampaignDesigner.CampaignFlopsQuantity] = "--campaign-flops",
        ["maxParameters"] = "--max-parameters",
        ["maxTokens"] = "--max-tokens",
        ["inferenceTokens"] = "--inference-tokens",
        ["context"] = "--context",
        [Scaling.FineTuning.FineTuningPlan.ActivationsQuantity] = "--micro-batch",
    };

    // The options that set a plan's size, most specific first: a plan's N, D or loss out of range points at the one given
    // (a campaign's runs are planned at budgets under --campaign-flops).
    private static readonly string[] BudgetOptions = ["--target-loss", "--parameters", "--budget-eur", "--campaign-flops", "--flops"];

    /// <summary>The exit code and the one line for <paramref name="error"/> raised while running <paramref name="parsed"/>.</summary>
    public static (int Code, string Line) Describe(Exception error, ParseResult parsed, bool debug)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(parsed);
        return error switch
        {
            UsageException usage => (ExitCodes.BadInput, OneLine(usage.Message)),
            InputFileException file => (ExitCodes.BadInput, Describe(file)),
            UnreadableFileException file => (ExitCodes.BadInput, Prefix(OptionNaming(parsed, file.Path)) + Locate(file.Path, file.Line, file.Column) + OneLine(file.Problem)),
            InvalidLawException law => (ExitCodes.BadInput, $"{LawOption.Name}: {OneLine(law.Message)}"),
            InfeasiblePlanException plan => (ExitCodes.BadInput, $"{OptionFor(plan.Quantity, parsed)}: {OneLine(plan.Message)}"),
            InvalidShapeException { File: { } config } shape =>
                (ExitCodes.BadInput, $"{Prefix(OptionNaming(parsed, config))}{config}: key '{shape.Quantity}': {OneLine(shape.Problem)}"),
            InvalidShapeException shape => (ExitCodes.BadInput, $"{ShapeOption(shape.Quantity, parsed)}: {OneLine(shape.Problem)}"),
            UnusableRunsException runs => (ExitCodes.BadInput, RunsFile(parsed) is { } file ? $"{Prefix(file.Origin)}{file.Path}: {OneLine(runs.Message)}" : OneLine(runs.Message)),
            ScalingException other => (ExitCodes.BadInput, OneLine(other.Message)),
            OperationCanceledException cancelled => (ExitCodes.Interrupted, OneLine(cancelled.Message)),
            FormatException format => (ExitCodes.BadInput, OneLine(format.Message)),
            FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException => (ExitCodes.BadInput, OneLine(error.Message)),
            IOException io => (ExitCodes.Failure, $"could not complete the files: {OneLine(io.Message)}"),
            _ => (ExitCodes.Failure, debug
                ? $"internal error: {error}"
                : $"internal error ({error.GetType().Name}): {OneLine(error.Message)}. This is a bug in scaling; please report it with the command you ran (set SCALING_DEBUG=1 for details)."),
        };
    }

    private static string Describe(InputFileException e)
    {
        var file = e.File;
        string give = $"give {file.Kind.Expected}.";
        return Prefix(file.Origin) + e.Problem switch
        {
            InputFileProblem.Missing => $"file '{file.Path}' does not exist; {give}",
            InputFileProblem.Directory => $"'{file.Path}' is a directory, not a file; {give}",
            InputFileProblem.Denied => $"cannot read '{file.Path}' (permission denied); {give}",
            InputFileProblem.TooLarge => string.Create(CultureInfo.InvariantCulture, $"'{file.Path}' is larger than {file.Kind.MaxBytes >> 20} MiB, more than any such file needs; {give}"),
            InputFileProblem.LineTooLong => string.Create(CultureInfo.InvariantCulture, $"{file.Path}:{e.Line}: the line is longer than {NumberText.Whole(FileKind.MaxLineLength)} characters (a binary file?); {give}"),
            _ => $"cannot read '{file.Path}': {OneLine(e.InnerException?.Message ?? e.Message)}",
        };
    }

    private static string OptionFor(string quantity, ParseResult parsed) =>
        OptionOfQuantity.TryGetValue(quantity, out string? option)
            ? option
            : BudgetOptions.FirstOrDefault(name => Given(parsed, name)) ?? "--flops";

    // A shape quantity's option; a parameter count is the explicit shape's (--layers), plan's --architecture, the shape
    // plan --layout proposes for the plan's N when --architecture is not given, or --parameters.
    private static string ShapeOption(string quantity, ParseResult parsed) =>
        quantity != "parameters" && ShapeOptions.OptionOfField.TryGetValue(quantity, out string? option) ? option
        : Given(parsed, "--layers") ? "--layers"
        : Given(parsed, "--architecture") ? "--architecture"
        : Given(parsed, PlanLayoutOption) ? PlanLayoutOption
        : "--parameters";

    private const string PlanLayoutOption = Commands.Plan.PlanLayout.Option;

    // The runs file the command was given, by option or argument.
    private static InputFile? RunsFile(ParseResult parsed) =>
        parsed.CommandResult.Children.Select(FileOf).FirstOrDefault(f => f is not null && ReferenceEquals(f.Kind, FileKind.Runs));

    private static InputFile? FileOf(SymbolResult result) => result switch
    {
        OptionResult { Implicit: false } option when option.Option is Option<InputFile?> => option.GetValueOrDefault<InputFile?>(),
        ArgumentResult argument when argument.Argument is Argument<InputFile> => argument.GetValueOrDefault<InputFile>(),
        _ => null,
    };

    // The option whose value is the file at 'path' (a file argument, or none found, names no option).
    private static string? OptionNaming(ParseResult parsed, string path) =>
        parsed.CommandResult.Children.OfType<OptionResult>().FirstOrDefault(o => o.Tokens.Any(t => t.Value == path))?.Option.Name;

    private static string Prefix(string? option) => option is null ? string.Empty : option + ": ";

    private static string Locate(string path, int line, int column) =>
        line <= 0 ? $"{path}: " : column <= 0 ? $"{path}:{line}: " : $"{path}:{line}:{column}: ";

    private static bool Given(ParseResult parsed, string name) =>
        parsed.CommandResult.Children.OfType<OptionResult>().Any(o => o.Option.Name == name && !o.Implicit);

    private static string OneLine(string message) => message.Split('\n')[0].Trim();
}
