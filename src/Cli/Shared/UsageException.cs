namespace Scaling.Cli.Shared;

/// <summary>Bad input from the user: printed as one line on stderr, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
