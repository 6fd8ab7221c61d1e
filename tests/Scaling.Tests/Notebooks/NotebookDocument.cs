using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scaling.Tests.Notebooks;

/// <summary>
/// A Jupyter notebook (nbformat 4) as JSON: its cells, which of them are C#, their committed outputs, and a way to
/// write new outputs back while leaving every other field as it was.
/// </summary>
public sealed class NotebookDocument
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        // Keep <, >, & and Greek letters readable in diffs; notebooks are not embedded in HTML pages.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly JsonObject root;

    private NotebookDocument(string name, JsonObject root)
    {
        Name = name;
        this.root = root;
    }

    /// <summary>The file name, e.g. <c>04-beyond-chinchilla.ipynb</c>.</summary>
    public string Name { get; }

    /// <summary>The notebook's top-level metadata.</summary>
    public JsonObject Metadata => root["metadata"] as JsonObject ?? [];

    /// <summary>Every cell, in order.</summary>
    public IReadOnlyList<JsonObject> Cells =>
        (root["cells"] as JsonArray ?? throw new FormatException($"{Name}: no 'cells' array; is this an nbformat 4 notebook?"))
        .Select((cell, i) => cell as JsonObject ?? throw new FormatException($"{Name}: cell {i + 1} is not an object"))
        .ToArray();

    public static NotebookDocument Load(string path)
    {
        var node = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new FormatException($"{Path.GetFileName(path)}: not a JSON object");
        return new NotebookDocument(Path.GetFileName(path), node);
    }

    public static NotebookDocument Parse(string name, string json) =>
        new(name, JsonNode.Parse(json) as JsonObject ?? throw new FormatException($"{name}: not a JSON object"));

    /// <summary>The cell's source as one string (nbformat allows a string or an array of lines).</summary>
    public static string Source(JsonObject cell) => Text(cell["source"]);

    /// <summary>The cell's type: <c>code</c>, <c>markdown</c> or <c>raw</c>.</summary>
    public static string CellType(JsonObject cell) => cell["cell_type"]?.GetValue<string>() ?? string.Empty;

    /// <summary>True for a code cell in C# (Polyglot marks the language per cell; the notebook's default otherwise).</summary>
    public bool IsCSharp(JsonObject cell)
    {
        if (CellType(cell) != "code")
        {
            return false;
        }

        string? language = cell["metadata"]?["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
            ?? cell["metadata"]?["dotnet_interactive"]?["language"]?.GetValue<string>()
            ?? Metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>()
            ?? Metadata["kernelspec"]?["language"]?.GetValue<string>();
        return language is null || language.Equals("csharp", StringComparison.OrdinalIgnoreCase) || language == "C#";
    }

    /// <summary>The outputs committed in the cell, in the runner's terms.</summary>
    public static IReadOnlyList<CellOutput> Outputs(JsonObject cell)
    {
        var outputs = new List<CellOutput>();
        foreach (var output in cell["outputs"] as JsonArray ?? [])
        {
            string kind = output?["output_type"]?.GetValue<string>() ?? string.Empty;
            if (kind == CellOutput.Stream)
            {
                outputs.Add(new CellOutput(kind, output!["name"]?.GetValue<string>() ?? "stdout", Text(output["text"])));
                continue;
            }

            var data = output?["data"] as JsonObject ?? [];
            foreach (var (mime, text) in data)
            {
                // The SVG copy written beside an HTML figure (see Data) is not an output of its own.
                if (mime == SvgMime && data.ContainsKey(HtmlMime))
                {
                    continue;
                }

                outputs.Add(new CellOutput(kind, mime, Text(text)));
            }
        }

        return outputs;
    }

    /// <summary>The execution count committed in the cell, or null.</summary>
    public static int? ExecutionCount(JsonObject cell) =>
        cell["execution_count"] is JsonValue value && value.TryGetValue(out int count) ? count : null;

    /// <summary>Replaces the outputs and execution counts of the cells that ran with <paramref name="runs"/>.</summary>
    public void WriteOutputs(IEnumerable<CellRun> runs)
    {
        var cells = Cells;
        foreach (var run in runs)
        {
            var cell = cells[run.CellIndex];
            cell["execution_count"] = run.ExecutionCount;
            cell["outputs"] = new JsonArray(run.Outputs.Select(output => ToJson(output, run.ExecutionCount)).ToArray());
        }
    }

    public string ToJson() => root.ToJsonString(WriteOptions) + "\n";

    /// <summary>Writes the notebook to <paramref name="path"/> via a temporary file, never leaving half a notebook.</summary>
    public void Save(string path)
    {
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, ToJson());
        File.Move(temporary, path, overwrite: true);
    }

    private static JsonNode ToJson(CellOutput output, int executionCount) => output.Kind switch
    {
        CellOutput.Stream => new JsonObject
        {
            ["name"] = output.Mime,
            ["output_type"] = CellOutput.Stream,
            ["text"] = Lines(output.Text),
        },
        CellOutput.ExecuteResult => new JsonObject
        {
            ["data"] = Data(output),
            ["execution_count"] = executionCount,
            ["metadata"] = new JsonObject(),
            ["output_type"] = CellOutput.ExecuteResult,
        },
        _ => new JsonObject
        {
            ["data"] = Data(output),
            ["metadata"] = new JsonObject(),
            ["output_type"] = CellOutput.DisplayData,
        },
    };

    private const string HtmlMime = "text/html";
    private const string SvgMime = "image/svg+xml";

    // A figure shown as HTML is also written as image/svg+xml: viewers that sanitise inline SVG inside HTML (GitHub's
    // notebook renderer may) still draw the image; Polyglot picks the richest type it knows.
    private static JsonObject Data(CellOutput output)
    {
        var data = new JsonObject { [output.Mime] = Lines(output.Text) };
        if (output.Mime == HtmlMime && output.Text.TrimStart().StartsWith("<svg", StringComparison.Ordinal))
        {
            data[SvgMime] = Lines(output.Text);
        }

        return data;
    }

    /// <summary>nbformat's multi-line string: an array of lines, each but the last ending in "\n".</summary>
    private static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonArray lines => string.Concat(lines.Select(line => line?.GetValue<string>())),
        _ => node.GetValue<string>(),
    };
}
