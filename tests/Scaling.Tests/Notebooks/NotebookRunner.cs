using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Scaling.Tests.Notebooks;

/// <summary>
/// Runs the C# cells of a notebook in order the way the Polyglot kernel does — one Roslyn script, each cell continuing
/// the state of the one before — and collects what each cell shows, in nbformat's terms.
/// </summary>
/// <remarks>
/// <c>#r "nuget: ..."</c> and <c>#r ".../Scaling.dll"</c> lines are resolved by <see cref="NotebookPackages"/> and
/// replaced by <c>// </c> comments so that line numbers in compiler messages stay the cell's own. The run uses the
/// invariant culture, the notebook's folder as the current directory (as the kernel does, so relative paths such as
/// <c>../data/benchmarks/...</c> work) and captures <see cref="Console.Out"/>; all three are process-wide, so run one
/// notebook at a time.
/// </remarks>
public sealed partial class NotebookRunner
{
    private static readonly string[] Imports =
        ["System", "System.IO", "System.Linq", "System.Collections.Generic", "System.Text", "System.Threading.Tasks"];

    private readonly NotebookPackages packages;

    public NotebookRunner(NotebookPackages packages) => this.packages = packages;

    /// <summary>Runs the notebook at <paramref name="path"/>; relative <c>#r</c> paths resolve from its folder.</summary>
    public Task<IReadOnlyList<CellRun>> RunAsync(string path) =>
        RunAsync(NotebookDocument.Load(path), Path.GetDirectoryName(Path.GetFullPath(path))!);

    /// <exception cref="NotebookCellException">A cell does not compile, throws, or names a package the tests lack.</exception>
    public async Task<IReadOnlyList<CellRun>> RunAsync(NotebookDocument notebook, string directory)
    {
        var options = ScriptOptions.Default
            .AddReferences(typeof(object).Assembly, typeof(Enumerable).Assembly, typeof(List<>).Assembly, typeof(NotebookGlobals).Assembly)
            .WithImports(Imports)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(directory))
            .WithEmitDebugInformation(false);
        var globals = new NotebookGlobals();
        var runs = new List<CellRun>();
        ScriptState<object>? state = null;
        var culture = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var console = Console.Out;
        string currentDirectory = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = directory;
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            Console.SetOut(new CellWriter(globals));
            var cells = notebook.Cells;
            for (int i = 0; i < cells.Count; i++)
            {
                if (!notebook.IsCSharp(cells[i]))
                {
                    continue;
                }

                string code;
                try
                {
                    (code, var references) = Preprocess(NotebookDocument.Source(cells[i]));
                    options = options.AddReferences(references);
                }
                catch (ArgumentException e)
                {
                    throw new NotebookCellException(notebook.Name, i + 1, e.Message, e);
                }

                state = await RunCellAsync(notebook.Name, i + 1, state, code, options, globals);
                var outputs = globals.TakeOutputs().ToList();
                if (state.ReturnValue is { } value)
                {
                    outputs.Add(value is HtmlContent html
                        ? new CellOutput(CellOutput.ExecuteResult, "text/html", html.Html)
                        : CellOutput.Result(NotebookGlobals.Format(value)));
                }

                runs.Add(new CellRun(i, runs.Count + 1, outputs));
            }
        }
        finally
        {
            Console.SetOut(console);
            Environment.CurrentDirectory = currentDirectory;
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = culture;
        }

        return runs;
    }

    private static async Task<ScriptState<object>> RunCellAsync(
        string notebook, int cellNumber, ScriptState<object>? state, string code, ScriptOptions options, NotebookGlobals globals)
    {
        try
        {
            return state is null
                ? await CSharpScript.RunAsync(code, options, globals, typeof(NotebookGlobals))
                : await state.ContinueWithAsync(code, options);
        }
        catch (CompilationErrorException e)
        {
            var errors = e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(Describe);
            throw new NotebookCellException(notebook, cellNumber, "does not compile: " + string.Join("; ", errors), e);
        }
        catch (Exception e) when (e is not NotebookCellException)
        {
            throw new NotebookCellException(notebook, cellNumber, $"threw {e.GetType().Name}: {e.Message}", e);
        }
    }

    private static string Describe(Diagnostic diagnostic) =>
        $"line {diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1}: {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";

    /// <summary>The cell with its <c>#r</c> and <c>#!</c> lines commented out, and the references they stand for.</summary>
    internal (string Code, IReadOnlyList<MetadataReference> References) Preprocess(string source)
    {
        var references = new List<MetadataReference>();
        var lines = source.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (NuGetReference().Match(line) is { Success: true } nuget)
            {
                string? version = nuget.Groups["version"].Success ? nuget.Groups["version"].Value : null;
                references.AddRange(packages.ForPackage(nuget.Groups["name"].Value, version).Select(a => MetadataReference.CreateFromFile(a.Location)));
            }
            else if (FileReference().Match(line) is { Success: true } file && NotebookPackages.ForProjectFile(file.Groups["path"].Value) is { } assembly)
            {
                references.Add(MetadataReference.CreateFromFile(assembly.Location));
            }
            else if (!MagicCommand().IsMatch(line))
            {
                continue;
            }

            lines[i] = "// " + lines[i];
        }

        return (string.Join('\n', lines), references);
    }

    [GeneratedRegex("""^\s*#r\s+"nuget:\s*(?<name>[^,"]+?)\s*(,\s*(?<version>[^"]+?)\s*)?"\s*$""")]
    private static partial Regex NuGetReference();

    [GeneratedRegex("""^\s*#r\s+"(?<path>[^"]+)"\s*$""")]
    private static partial Regex FileReference();

    // Kernel directives (#!csharp, #!time, #i "nuget: source") mean nothing to Roslyn.
    [GeneratedRegex("""^\s*(#!|#i\s)""")]
    private static partial Regex MagicCommand();

    /// <summary>Sends Console text to the cell being run.</summary>
    private sealed class CellWriter(NotebookGlobals globals) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => globals.WriteStandardOutput(value.ToString());

        public override void Write(string? value) => globals.WriteStandardOutput(value ?? string.Empty);
    }
}
