namespace Scaling;

/// <summary>
/// A file (a runs CSV, a law JSON) whose content cannot be read as what it claims to be, with the place of the
/// fault: <see cref="Line"/> and <see cref="Column"/> are 1-based, 0 when the fault has no single place.
/// </summary>
/// <remarks>The message starts with <c>path:line:</c> (or <c>path:</c>) and says what to change.</remarks>
/// <example><code>
/// LawJson.Parse("{\"E\": 1, \"E\": 2}", "fit.json"); // throws: fit.json:1:10: key "E" appears twice
/// </code></example>
public sealed class UnreadableFileException : ScalingException
{
    /// <summary>Creates the exception for <paramref name="path"/>; <paramref name="problem"/> says what is wrong and the fix.</summary>
    public UnreadableFileException(string path, int line, int column, string expected, string problem, Exception? inner = null)
        : base("file", double.NaN, expected, Locate(path, line, column) + problem, inner)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = path;
        Line = Math.Max(line, 0);
        Column = Math.Max(column, 0);
        Problem = problem;
    }

    /// <summary>What is wrong and the fix, without the place (the message starts with the place).</summary>
    public string Problem { get; }

    /// <summary>The file as the user named it.</summary>
    public string Path { get; }

    /// <summary>The 1-based line of the fault, or 0.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the fault, or 0.</summary>
    public int Column { get; }

    private static string Locate(string path, int line, int column) =>
        line <= 0 ? $"{path}: " : column <= 0 ? $"{path}:{line}: " : $"{path}:{line}:{column}: ";
}
