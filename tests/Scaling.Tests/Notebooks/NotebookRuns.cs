using System.Collections.Concurrent;

namespace Scaling.Tests.Notebooks;

/// <summary>
/// Runs each committed notebook once per test run and shares the result between the tests that look at it. With
/// <c>SCALING_UPDATE_NOTEBOOKS=1</c> it also writes the fresh outputs into the .ipynb (notebooks/run.sh).
/// </summary>
public sealed class NotebookRuns
{
    public const string UpdateVariable = "SCALING_UPDATE_NOTEBOOKS";

    private readonly ConcurrentDictionary<string, Lazy<Task<NotebookRun>>> runs = new();
    private readonly NotebookRunner runner = new(NotebookPackages.FromRepository());

    /// <summary>True when the run should write its outputs back into the notebooks.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Every notebook in notebooks/, by file name, for [MemberData].</summary>
    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (string path in Directory.GetFiles(Repository.NotebooksDirectory, "*.ipynb").Order(StringComparer.Ordinal))
        {
            names.Add(Path.GetFileName(path));
        }

        return names;
    }

    public static string PathOf(string name) => Path.Combine(Repository.NotebooksDirectory, name);

    /// <summary>The notebook as committed (read before any write-back) and what running it gives now.</summary>
    public Task<NotebookRun> RunAsync(string name) =>
        runs.GetOrAdd(name, key => new Lazy<Task<NotebookRun>>(() => RunOnceAsync(key))).Value;

    private async Task<NotebookRun> RunOnceAsync(string name)
    {
        string path = PathOf(name);
        var committed = NotebookDocument.Load(path);
        var cells = await runner.RunAsync(path);
        if (Updating)
        {
            var updated = NotebookDocument.Load(path);
            updated.WriteOutputs(cells);
            updated.Save(path);
        }

        return new NotebookRun(committed, cells);
    }
}

/// <summary>A notebook as committed, and the outputs of running it.</summary>
public sealed record NotebookRun(NotebookDocument Committed, IReadOnlyList<CellRun> Cells);
