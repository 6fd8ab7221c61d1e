namespace Scaling.Cli.Shared;

/// <summary>The two writers a command prints to; stdout for results, stderr for messages.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>A stop requested by whoever runs the command line (a test, a host), besides SIGINT and SIGTERM.</summary>
    public CancellationToken Stop { get; init; }
}
