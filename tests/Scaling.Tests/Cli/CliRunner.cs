using Scaling.Cli;

namespace Scaling.Tests.Cli;

/// <summary>Runs the <c>scaling</c> command line in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Out, string Error) Run(params string[] args) => Run(CancellationToken.None, args);

    /// <summary>Runs it with a stop that the command honours as it honours SIGINT.</summary>
    public static (int ExitCode, string Out, string Error) Run(CancellationToken stop, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = ScalingApp.Run(args, stdout, stderr, stop);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
