namespace Scaling.Cli.Shared;

/// <summary>The process exit codes of <c>scaling</c>.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Something the tool did not foresee went wrong (a bug, a full disk).</summary>
    public const int Failure = 1;

    /// <summary>The input cannot be used: a bad option value, an unreadable file, data that cannot support the request.</summary>
    public const int BadInput = 2;

    /// <summary>SIGINT or SIGTERM stopped the run before it changed anything (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
