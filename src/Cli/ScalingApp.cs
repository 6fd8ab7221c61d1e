using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using Scaling.Cli.Commands.Architecture;
using Scaling.Cli.Commands.Audit;
using Scaling.Cli.Commands.Bench;
using Scaling.Cli.Commands.Campaign;
using Scaling.Cli.Commands.Finetune;
using Scaling.Cli.Commands.Fit;
using Scaling.Cli.Commands.Hardware;
using Scaling.Cli.Commands.Laws;
using Scaling.Cli.Commands.Mfu;
using Scaling.Cli.Commands.Plan;
using Scaling.Cli.Commands.Report;
using Scaling.Cli.Commands.Synth;
using Scaling.Cli.Shared;

namespace Scaling.Cli;

/// <summary>
/// The <c>scaling</c> command line: builds the commands, turns every kind of bad input into one line on stderr
/// with exit code 2, and never shows a stack trace unless <c>SCALING_DEBUG=1</c>.
/// </summary>
public static class ScalingApp
{
    /// <summary>The command users type (the dotnet tool's command name).</summary>
    public const string CommandName = "scaling";

    /// <summary>Runs the command line with the given writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, CancellationToken.None);

    /// <summary>
    /// Runs the command line with the given writers; <paramref name="stop"/> stops a long command as SIGINT does (exit 130,
    /// nothing written). Returns the exit code.
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(args);
        var console = new CliConsole(stdout, stderr) { Stop = stop };
        // A named root rather than RootCommand, whose name is the entry assembly's file (Scaling.Cli): help and errors
        // then say 'scaling', the command a user typed, however the tool was launched.
        var root = new Command(CommandName, "Scaling: compute-optimal training plans from the Chinchilla scaling laws.")
        {
            new HelpOption(),
            new VersionOption(),
            PlanCommand.Create(console),
            LawsCommand.Create(console),
            ReportCommand.Create(console),
            AuditCommand.Create(console),
            HardwareCommand.Create(console),
            FitCommand.Create(console),
            SynthCommand.Create(console),
            BenchCommand.Create(console),
            ArchitectureCommand.Create(console),
            MfuCommand.Create(console),
            FinetuneCommand.Create(console),
            CampaignCommand.Create(console),
        };

        // One culture everywhere: numbers parse and print invariantly, and System.CommandLine's own messages come out
        // in English (it picks them by the UI culture: 'Befehl oder Argument nicht erkannt' on a German machine).
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (CultureInfo.InvariantCulture, CultureInfo.InvariantCulture);
        ParseResult parsed = root.Parse(args);
        try
        {
            if (parsed.Errors.Count > 0)
            {
                var command = parsed.CommandResult.Command;
                string help = ReferenceEquals(command, root) ? CommandName : $"{CommandName} {command.Name}";
                stderr.WriteLine($"error: {BareBudget(parsed) ?? FirstError(parsed)} (see '{help} --help')");
                return ExitCodes.BadInput;
            }

            return parsed.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e)
        {
            var (code, line) = CliErrors.Describe(e, parsed, Environment.GetEnvironmentVariable("SCALING_DEBUG") == "1");
            stderr.WriteLine("error: " + line);
            return code;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }

    // The error about the first token nobody understood ('scaling nosuch' is an unknown command before it is a missing one).
    private static string FirstError(ParseResult parsed) =>
        parsed.UnmatchedTokens.Count > 0 && parsed.UnmatchedTokens[0] is var token
            ? parsed.Errors.FirstOrDefault(e => e.Message.Contains($"'{token}'", StringComparison.Ordinal))?.Message ?? parsed.Errors[0].Message
            : parsed.Errors[0].Message;

    // 'scaling plan 1e24': a bare number where a command takes --flops is a budget without its option.
    private static string? BareBudget(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var flops = command.Options.FirstOrDefault(o => o.Name == "--flops");
        string? first = parsed.UnmatchedTokens.Count > 0 ? parsed.UnmatchedTokens[0] : null;
        if (first is null || !double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return null;
        }

        return flops is not null && parsed.GetResult(flops) is null ? $"--flops: '{first}' is a number without its option; write --flops {first}."
            : command.Parents.Any() ? null
            : $"'{first}' is a number, not a command; for a plan write: {CommandName} plan --flops {first}.";
    }
}
