using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scaling.Tests.Notebooks;

/// <summary>
/// A Jupyter notebook (nbformat 4) as JSON: its cells, which of them are C#, their outputs, and a way to write it
/// back.
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

    /// <summary>The cell's outputs as JSON text, for comparing two runs.</summary>
    public static string OutputsJson(JsonObject cell) => cell["outputs"]?.ToJsonString(WriteOptions) ?? "[]";

    /// <summary>
    /// Takes the outputs and execution counts of <paramref name="ran"/>'s code cells (the same notebook, run by the
    /// kernel), keeping this notebook's sources and metadata: the kernel rewrites the Polyglot metadata in its own shape.
    /// </summary>
    public void TakeOutputs(NotebookDocument ran)
    {
        var cells = Cells;
        var ranCells = ran.Cells;
        if (cells.Count != ranCells.Count)
        {
            throw new InvalidOperationException($"{Name}: the kernel wrote {ranCells.Count} cells for {cells.Count}.");
        }

        for (int i = 0; i < cells.Count; i++)
        {
            if (CellType(cells[i]) == "code")
            {
                cells[i]["outputs"] = ranCells[i]["outputs"]?.DeepClone() ?? new JsonArray();
                cells[i]["execution_count"] = ranCells[i]["execution_count"]?.DeepClone();
            }
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

    private static string Text(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonArray lines => string.Concat(lines.Select(line => line?.GetValue<string>())),
        _ => node.GetValue<string>(),
    };
}
