namespace Scaling.Tests.Notebooks;

/// <summary>
/// One output of a code cell in nbformat 4's terms: <c>stream</c> (Console text, <see cref="Mime"/> is the stream
/// name), <c>display_data</c> (from <c>display(...)</c>) or <c>execute_result</c> (the cell's trailing expression).
/// </summary>
public sealed record CellOutput(string Kind, string Mime, string Text)
{
    public const string Stream = "stream";
    public const string DisplayData = "display_data";
    public const string ExecuteResult = "execute_result";

    public static CellOutput Display(string mime, string text) => new(DisplayData, mime, text);

    public static CellOutput Result(string text) => new(ExecuteResult, "text/plain", text);

    public static CellOutput StandardOutput(string text) => new(Stream, "stdout", text);

    public bool IsHtml => Mime == "text/html";
}

/// <summary>What running one code cell produced.</summary>
/// <param name="CellIndex">The cell's 0-based index among all the notebook's cells.</param>
/// <param name="ExecutionCount">1 for the first code cell run, 2 for the next, ...</param>
/// <param name="Outputs">The outputs in the order they appeared.</param>
public sealed record CellRun(int CellIndex, int ExecutionCount, IReadOnlyList<CellOutput> Outputs);
