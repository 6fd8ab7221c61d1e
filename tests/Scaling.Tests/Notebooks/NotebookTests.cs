using System.Text.RegularExpressions;

namespace Scaling.Tests.Notebooks;

/// <summary>
/// Every notebook in notebooks/ runs in the real Polyglot kernel (dotnet-repl), reads the way the issue asks, and is
/// committed with exactly the outputs the kernel writes. To refresh the outputs after a change: notebooks/run.sh.
/// </summary>
public sealed partial class NotebookTests(NotebookRuns runs) : IClassFixture<NotebookRuns>
{
    public static TheoryData<string> Notebooks => NotebookRuns.Names();

    [Fact]
    public void NotebooksFolder_HoldsTheNotebooksOfIssues7And16And17()
    {
        string[] expected = ["01-plan-a-budget.ipynb", "02-fit-your-runs.ipynb", "03-audit-published-models.ipynb", "04-beyond-chinchilla.ipynb", "05-architecture.ipynb", "06-campaign.ipynb", "07-efficiency-levers.ipynb"];
        Assert.Equal(expected, Directory.GetFiles(Repository.NotebooksDirectory, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task EveryCell_RunsInTheKernel(string name)
    {
        var run = await runs.RunAsync(name);
        var failures = run.Failures();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task CommittedOutputs_AreWhatTheKernelWrites(string name)
    {
        var run = await runs.RunAsync(name);
        Assert.True(run.Notebook is not null, string.Join("\n", run.Failures()));
        var committed = KernelOutput.Normalise(NotebookDocument.Load(NotebookRuns.PathOf(name)));
        var ran = run.Notebook;
        Assert.Equal(committed.Cells.Select(NotebookDocument.Source), ran.Cells.Select(NotebookDocument.Source));
        var stale = committed.Cells.Zip(ran.Cells)
            .Select((pair, i) => (Cell: i + 1, Committed: NotebookDocument.OutputsJson(pair.First), Ran: NotebookDocument.OutputsJson(pair.Second)))
            .Where(cell => cell.Committed != cell.Ran)
            .Select(cell => $"cell {cell.Cell}: committed {Excerpt(cell.Committed, cell.Ran)}")
            .ToList();
        Assert.True(stale.Count == 0, $"{name} has stale outputs; run notebooks/run.sh and commit.\n" + string.Join("\n", stale));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void FirstCell_IsAMarkdownHeadingThatAsksItsQuestion(string name)
    {
        var first = NotebookDocument.Load(NotebookRuns.PathOf(name)).Cells[0];
        string source = NotebookDocument.Source(first);
        Assert.True(
            NotebookDocument.CellType(first) == "markdown" && source.StartsWith("# ", StringComparison.Ordinal) && source.Contains('?', StringComparison.Ordinal),
            $"{name}: the first cell should be markdown with a '# ' title and the question the notebook answers.");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Metadata_IsThePolyglotCSharpKernel(string name)
    {
        var notebook = NotebookDocument.Load(NotebookRuns.PathOf(name));
        Assert.Equal(
            (".net-csharp", "csharp"),
            (notebook.Metadata["kernelspec"]?["name"]?.GetValue<string>(), notebook.Metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void FirstCodeCell_ReferencesTheBuiltLibraryByRelativePath(string name)
    {
        var notebook = NotebookDocument.Load(NotebookRuns.PathOf(name));
        string code = NotebookDocument.Source(notebook.Cells.First(notebook.IsCSharp));
        var paths = DllReference().Matches(code).Select(m => Path.GetFullPath(Path.Combine(Repository.NotebooksDirectory, m.Groups["path"].Value)));
        string expected = Path.Combine(Repository.Root, "src", "Scaling", "bin", "Debug", "net10.0", "Scaling.dll");
        Assert.Contains(expected, paths);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Figures_AreInlineSvg(string name)
    {
        var run = await runs.RunAsync(name);
        Assert.True(run.Notebook is not null, string.Join("\n", run.Failures()));
        var html = run.Notebook.Cells
            .SelectMany(cell => cell["outputs"] as System.Text.Json.Nodes.JsonArray ?? [])
            .Select(output => output?["data"]?["text/html"])
            .OfType<System.Text.Json.Nodes.JsonNode>()
            .Select(node => node is System.Text.Json.Nodes.JsonArray lines ? string.Concat(lines.Select(l => l?.GetValue<string>())) : node.GetValue<string>());
        Assert.True(html.Any(text => text.StartsWith("<svg", StringComparison.Ordinal)), $"{name}: expected figures as inline <svg> HTML.");
    }

    // Where two outputs first differ, with some context on both sides.
    private static string Excerpt(string committed, string ran)
    {
        int at = committed.Zip(ran).TakeWhile(pair => pair.First == pair.Second).Count();
        int from = Math.Max(0, at - 80);
        return $"…{committed[from..Math.Min(committed.Length, at + 160)]}…\n  the kernel now writes …{ran[from..Math.Min(ran.Length, at + 160)]}…";
    }

    [GeneratedRegex("""^\s*#r\s+"(?<path>[^"]+\.dll)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex DllReference();
}
