using System.CommandLine.Parsing;
using System.CommandLine;
using Scaling.Cli.Commands.Plan;
using Scaling.Resources;

namespace Scaling.Cli.Shared;

/// <summary>
/// The one table from a failure to what the user sees: the exception's type (and, for a domain exception, its
/// <see cref="ScalingException.Quantity"/>) decides the option named and the exit code. No message text is parsed.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term><see cref="UsageException"/></term><description>exit 2, its message (it names the option).</description></item>
/// <item><term><see cref="UnreadableFileException"/></term><description>exit 2, <c>path:line:column: problem</c>.</description></item>
/// <item><term><see cref="InvalidLawException"/></term><description>exit 2, <c>--law: …</c>.</description></item>
/// <item><term><see cref="InfeasiblePlanException"/></term><description>exit 2, the option of its quantity (the budget option given, <c>--gpus</c>, <c>--days</c>, …).</description></item>
/// <item><term><see cref="UnusableRunsException"/></term><description>exit 2, the runs file given.</description></item>
/// <item><term><see cref="FormatException"/></term><description>exit 2: a user's text (<c>--formats</c>, <c>--precision</c>) that does not parse; the message names it.</description></item>
/// <item><term>any other <see cref="ScalingException"/> (e.g. an invalid architecture shape)</term><description>exit 2, its message, which names the input.</description></item>
/// <item><term>missing file or directory, access denied</term><description>exit 2, the system's message (it names the path).</description></item>
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
        ["maxParameters"] = "--max-parameters",
        ["maxTokens"] = "--max-tokens",
        ["inferenceTokens"] = InferenceMode.Option,
    };

    // The options that set a plan's size, most specific first: a plan's N, D or loss out of range points at the one given.
    private static readonly string[] BudgetOptions = ["--target-loss", "--parameters", "--budget-eur", "--flops"];

    /// <summary>The exit code and the one line for <paramref name="error"/> raised while running <paramref name="parsed"/>.</summary>
    public static (int Code, string Line) Describe(Exception error, ParseResult parsed, bool debug)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(parsed);
        return error switch
        {
            UsageException usage => (ExitCodes.BadInput, OneLine(usage.Message)),
            UnreadableFileException file => (ExitCodes.BadInput, OneLine(file.Message)),
            InvalidLawException law => (ExitCodes.BadInput, $"{LawOption.Name}: {OneLine(law.Message)}"),
            InfeasiblePlanException plan => (ExitCodes.BadInput, $"{OptionFor(plan.Quantity, parsed)}: {OneLine(plan.Message)}"),
            UnusableRunsException runs => (ExitCodes.BadInput, $"{RunsFile(parsed)}: {OneLine(runs.Message)}"),
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

    private static string OptionFor(string quantity, ParseResult parsed) =>
        OptionOfQuantity.TryGetValue(quantity, out string? option)
            ? option
            : BudgetOptions.FirstOrDefault(name => Given(parsed, name)) ?? "--flops";

    private static string RunsFile(ParseResult parsed)
    {
        var arguments = parsed.CommandResult.Children.OfType<ArgumentResult>();
        string? path = arguments.FirstOrDefault(a => a.Argument.Name == "runs.csv")?.Tokens.FirstOrDefault()?.Value
            ?? parsed.CommandResult.Children.OfType<OptionResult>().FirstOrDefault(o => o.Option.Name == "--fit-runs")?.Tokens.FirstOrDefault()?.Value;
        return path ?? "runs";
    }

    private static bool Given(ParseResult parsed, string name) =>
        parsed.CommandResult.Children.OfType<OptionResult>().Any(o => o.Option.Name == name && !o.Implicit);

    private static string OneLine(string message) => message.Split('\n')[0].Trim();
}
