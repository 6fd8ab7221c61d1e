namespace Scaling.Cli.Shared;

/// <summary>Why a file the user named could not be read at all (its content is judged by the core's parsers).</summary>
internal enum InputFileProblem
{
    /// <summary>No such file.</summary>
    Missing,

    /// <summary>The path names a directory.</summary>
    Directory,

    /// <summary>The file may not be read.</summary>
    Denied,

    /// <summary>More than <see cref="FileKind.MaxBytes"/>.</summary>
    TooLarge,

    /// <summary>A line longer than <see cref="FileKind.MaxLineLength"/>.</summary>
    LineTooLong,

    /// <summary>The system failed to read it (the inner exception says how).</summary>
    Unreadable,
}

/// <summary>
/// A file the user named that cannot be read: it carries the file (with the option that named it) and the problem;
/// <see cref="CliErrors"/> words it, exit 2.
/// </summary>
internal sealed class InputFileException(InputFile file, InputFileProblem problem, int line = 0, Exception? inner = null)
    : Exception($"{file.Path}: {problem}", inner)
{
    /// <summary>The file, its origin and what it should hold.</summary>
    public InputFile File { get; } = file;

    /// <summary>What is wrong with it.</summary>
    public InputFileProblem Problem { get; } = problem;

    /// <summary>The 1-based line of a <see cref="InputFileProblem.LineTooLong"/>, else 0.</summary>
    public int Line { get; } = line;
}
