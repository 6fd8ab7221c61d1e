namespace Scaling.Cli.Shared;

/// <summary>The two writers a command prints to; stdout for results, stderr for messages.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error);
