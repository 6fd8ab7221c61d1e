using System.Text.RegularExpressions;

namespace Scaling.Tests.Notebooks;

/// <summary>
/// Every notebook in notebooks/ runs cell by cell, reads the way the issue asks, and is committed with current
/// outputs. To refresh the outputs after a change: notebooks/run.sh.
/// </summary>
[Collection(NotebookCollection.Name)]
public sealed partial class NotebookTests(NotebookRuns runs) : IClassFixture<NotebookRuns>
{
    public static TheoryData<string> Notebooks => NotebookRuns.Names();

    [Fact]
    public void NotebooksFolder_HoldsTheNotebooksOfIssues7And16()
    {
        string[] expected = ["01-plan-a-budget.ipynb", "02-fit-your-runs.ipynb", "03-audit-published-models.ipynb", "04-beyond-chinchilla.ipynb", "05-architecture.ipynb"];
        Assert.Equal(expected, Directory.GetFiles(Repository.NotebooksDirectory, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task EveryCodeCell_RunsWithoutError(string name)
    {
        var run = await runs.RunAsync(name);
        Assert.NotEmpty(run.Cells);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task CommittedOutputs_AreWhatARerunShows(string name)
    {
        var run = await runs.RunAsync(name);
        var committed = NotebookRuns.Updating ? NotebookDocument.Load(NotebookRuns.PathOf(name)) : run.Committed;
        var differences = NotebookComparison.Differences(committed, run.Cells);
        Assert.True(differences.Count == 0, $"{name} has stale outputs; run notebooks/run.sh and commit.\n" + string.Join("\n", differences));
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
        var html = run.Cells.SelectMany(cell => cell.Outputs).Where(output => output.IsHtml).ToArray();
        Assert.True(html.Length > 0 && html.All(output => output.Text.StartsWith("<svg", StringComparison.Ordinal)), $"{name}: expected figures as inline <svg> HTML.");
    }

    [GeneratedRegex("""^\s*#r\s+"(?<path>[^"]+\.dll)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex DllReference();
}
