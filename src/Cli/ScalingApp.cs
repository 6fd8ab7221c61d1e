using System.CommandLine;
using System.Globalization;

namespace Scaling.Cli;

/// <summary>
/// The <c>scaling</c> command line: builds the commands, turns every kind of bad input into one line on stderr
/// with exit code 2, and never shows a stack trace unless <c>SCALING_DEBUG=1</c>.
/// </summary>
public static class ScalingApp
{
    /// <summary>Runs the command line with the given writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var console = new CliConsole(stdout, stderr);
        var root = new RootCommand("Scaling: compute-optimal training plans from the Chinchilla scaling laws.")
        {
            PlanCommand.Create(console),
            LawsCommand.Create(console),
            ReportCommand.Create(console),
            AuditCommand.Create(console),
            HardwareCommand.Create(console),
            FitCommand.Create(console),
            SynthCommand.Create(console),
            BenchCommand.Create(console),
            ArchitectureCommand.Create(console),
        };

        var previous = CultureInfo.CurrentCulture;
        try
        {
            ParseResult parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                string command = string.Join(' ', parsed.CommandResult.Command.Name);
                stderr.WriteLine($"error: {parsed.Errors[0].Message} (see 'scaling {command} --help')".Replace("scaling scaling", "scaling", StringComparison.Ordinal));
                return ExitCodes.BadInput;
            }

            return parsed.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (InvalidLawException e)
        {
            stderr.WriteLine($"error: {LawOption.Name}: {OneLine(e.Message)}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (IsBadInput(e))
        {
            stderr.WriteLine("error: " + OneLine(e.Message));
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("SCALING_DEBUG") != "1")
        {
            stderr.WriteLine($"error: unexpected failure ({e.GetType().Name}): {OneLine(e.Message)}; set SCALING_DEBUG=1 for details.");
            return ExitCodes.Failure;
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static bool IsBadInput(Exception e) =>
        e is UsageException or ScalingException or FormatException or ArgumentException or FileNotFoundException or DirectoryNotFoundException;

    private static string OneLine(string message)
    {
        string first = message.Split('\n')[0].Trim();
        // ArgumentException appends " (Parameter 'x')"; the message already names the field.
        int tail = first.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return tail < 0 ? first : first[..tail];
    }
}
