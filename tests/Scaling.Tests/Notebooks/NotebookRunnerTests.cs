using System.Globalization;
using System.Text.Json.Nodes;

namespace Scaling.Tests.Notebooks;

[Collection(NotebookCollection.Name)]
public sealed class NotebookRunnerTests
{
    private static readonly NotebookRunner Runner = new(NotebookPackages.FromRepository());

    [Fact]
    public async Task TrailingExpression_IsAnExecuteResult()
    {
        var runs = await Run(Code("int x = 40;\nx + 2"));
        Assert.Equal([CellOutput.Result("42")], runs[0].Outputs);
    }

    [Fact]
    public async Task DisplayOfHtml_IsHtml_AndOtherValuesArePlainText()
    {
        var runs = await Run(Code("display(HTML(\"<svg></svg>\"));\ndisplay(2.5);"));
        Assert.Equal([CellOutput.Display("text/html", "<svg></svg>"), CellOutput.Display("text/plain", "2.5")], runs[0].Outputs);
    }

    [Fact]
    public async Task ConsoleOutput_IsAStream_InOrderWithDisplays()
    {
        var runs = await Run(Code("Console.WriteLine(\"a\");\nConsole.Write(\"b\");\ndisplay(1);\nConsole.WriteLine(\"c\");"));
        Assert.Equal(
            [CellOutput.StandardOutput("a\nb"), CellOutput.Display("text/plain", "1"), CellOutput.StandardOutput("c\n")],
            runs[0].Outputs);
    }

    [Fact]
    public async Task LaterCells_SeeEarlierDeclarations_AndMarkdownIsSkipped()
    {
        var runs = await Run(Markdown("# Title"), Code("record Point(int X);\nvar p = new Point(3);"), Markdown("text"), Code("p.X * 2"));
        Assert.Equal([(1, 1, 0), (3, 2, 1)], runs.Select(r => (r.CellIndex, r.ExecutionCount, r.Outputs.Count)));
        Assert.Equal("6", runs[1].Outputs[0].Text);
    }

    [Fact]
    public async Task CompileError_NamesNotebookCellLineAndDiagnostic()
    {
        var e = await Assert.ThrowsAsync<NotebookCellException>(() => Run(Markdown("# T"), Code("var a = 1;"), Code("var b = 2;\nvar c = missing;")));
        Assert.Equal("test.ipynb, cell 3: does not compile: line 2: CS0103: The name 'missing' does not exist in the current context", e.Message);
    }

    [Fact]
    public async Task RuntimeException_NamesNotebookCellAndMessage()
    {
        var e = await Assert.ThrowsAsync<NotebookCellException>(() => Run(Code("var a = 1;"), Code("throw new InvalidOperationException(\"boom\");")));
        Assert.Equal("test.ipynb, cell 2: threw InvalidOperationException: boom", e.Message);
    }

    [Fact]
    public async Task NuGetLines_AreCommentedOut_KeepingLineNumbers()
    {
        var e = await Assert.ThrowsAsync<NotebookCellException>(() => Run(Code("#r \"nuget: MathNet.Numerics, 5.0.0\"\n#!time\nundefined();")));
        Assert.Contains("line 3: CS0103", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NuGetLine_GivesTheMappedAssembly()
    {
        var runs = await Run(Code("#r \"nuget: MathNet.Numerics, 5.0.0\"\nusing MathNet.Numerics.Statistics;\nnew[] { 1.0, 2.0, 6.0 }.Mean()"));
        Assert.Equal("3", runs[0].Outputs[0].Text);
    }

    [Fact]
    public async Task UnknownPackage_FailsNamingIt()
    {
        var e = await Assert.ThrowsAsync<NotebookCellException>(() => Run(Code("#r \"nuget: Plotly.NET, 5.0.0\"")));
        Assert.StartsWith("test.ipynb, cell 1: #r \"nuget: Plotly.NET\": the tests do not provide the package 'Plotly.NET'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PackageVersionOtherThanThePinnedOne_Fails()
    {
        var e = await Assert.ThrowsAsync<NotebookCellException>(() => Run(Code("#r \"nuget: OxyPlot.Core, 2.1.0\"")));
        Assert.Contains("the project pins OxyPlot.Core 2.2.0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuiltLibraryPath_MapsToTheLoadedAssembly()
    {
        var runs = await Run(Code("#r \"../no/such/bin/Debug/net10.0/Scaling.dll\"\nScaling.Laws.LawPresets.Default.Name"));
        Assert.Equal(Scaling.Laws.LawPresets.Default.Name, runs[0].Outputs[0].Text);
    }

    [Fact]
    public async Task Cells_RunInTheInvariantCulture()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var runs = await Run(Code("(1.5).ToString() + \" \" + $\"{2.25}\""));
            Assert.Equal("1.5 2.25", runs[0].Outputs[0].Text);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public async Task RelativePaths_ResolveFromTheNotebookFolder()
    {
        var runs = await Run(Code("File.Exists(\"../Scaling.sln\")"));
        Assert.Equal("True", runs[0].Outputs[0].Text);
    }

    [Fact]
    public async Task WrittenOutputs_ReadBackAsRun()
    {
        var notebook = NotebookDocument.Parse("test.ipynb", Notebook(Markdown("# T"), Code("display(HTML(\"<svg>\\n</svg>\"));\nConsole.WriteLine(\"x\\ny\");\n\"a\\nb\"")));
        var runs = await Runner.RunAsync(notebook, Repository.NotebooksDirectory);
        notebook.WriteOutputs(runs);
        var reread = NotebookDocument.Parse("test.ipynb", notebook.ToJson());
        Assert.Equal(runs[0].Outputs, NotebookDocument.Outputs(reread.Cells[1]));
    }

    [Fact]
    public async Task WrittenFigure_CarriesAnSvgCopyForViewersThatStripHtml()
    {
        var notebook = NotebookDocument.Parse("test.ipynb", Notebook(Code("display(HTML(\"<svg><text>x</text></svg>\"));")));
        notebook.WriteOutputs(await Runner.RunAsync(notebook, Repository.NotebooksDirectory));
        var data = notebook.Cells[0]["outputs"]![0]!["data"]!.AsObject();
        Assert.Equal(data["text/html"]!.ToJsonString(), data["image/svg+xml"]!.ToJsonString());
    }

    [Fact]
    public async Task WrittenExecutionCount_ReadsBack()
    {
        var notebook = NotebookDocument.Parse("test.ipynb", Notebook(Code("1"), Markdown("# T"), Code("2")));
        notebook.WriteOutputs(await Runner.RunAsync(notebook, Repository.NotebooksDirectory));
        var reread = NotebookDocument.Parse("test.ipynb", notebook.ToJson());
        Assert.Equal([1, null, 2], reread.Cells.Select(NotebookDocument.ExecutionCount));
    }

    private static Task<IReadOnlyList<CellRun>> Run(params JsonObject[] cells) =>
        Runner.RunAsync(NotebookDocument.Parse("test.ipynb", Notebook(cells)), Repository.NotebooksDirectory);

    private static JsonObject Code(string source) => new()
    {
        ["cell_type"] = "code",
        ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
        ["source"] = source,
        ["outputs"] = new JsonArray(),
        ["execution_count"] = null,
    };

    private static JsonObject Markdown(string source) => new() { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = source };

    private static string Notebook(params JsonObject[] cells) => new JsonObject
    {
        ["cells"] = new JsonArray(cells),
        ["metadata"] = new JsonObject(),
        ["nbformat"] = 4,
        ["nbformat_minor"] = 2,
    }.ToJsonString();
}
