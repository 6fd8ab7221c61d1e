using System.Globalization;
using Scaling.Text;

namespace Scaling.Audit;

/// <summary>
/// The registry of published models: <c>data/benchmarks/models.csv</c>, embedded in this assembly
/// (<see cref="Published"/>), or a user's CSV of the same shape (<see cref="Parse"/>).
/// </summary>
/// <remarks>
/// The header names the columns in any order. Required: <c>name</c>, <c>year</c>, <c>parameters</c>, <c>tokens</c>,
/// <c>source</c>; optional: <c>organization</c>, <c>training_flops</c>, <c>hardware</c>, <c>gpu_hours</c>,
/// <c>energy_mwh</c>, <c>co2_tonnes</c>, <c>notes</c>. Blank lines and lines starting with <c>#</c> are skipped;
/// numbers use the invariant culture (<c>175e9</c>, <c>1.4e12</c>).
/// <example><code>
/// var gpt3 = ModelRegistry.Published.Single(m => m.Name == "GPT-3 175B");
/// var mine = ModelRegistry.Parse(File.ReadAllText("models.csv"), "models.csv");
/// </code></example>
/// </remarks>
public static class ModelRegistry
{
    /// <summary>The manifest name of the embedded registry.</summary>
    public const string ResourceName = "Scaling.Audit.models.csv";

    private const string Origin = "models.csv (embedded)";

    private const string Expected = "a model registry: a header with name,year,parameters,tokens,source (other columns optional), then one row per model";

    private static readonly string[] Required = ["name", "year", "parameters", "tokens", "source"];

    private static readonly string[] Optional =
        ["organization", "training_flops", "hardware", "gpu_hours", "energy_mwh", "co2_tonnes", "notes"];

    /// <summary>The embedded registry of published models, in file order.</summary>
    public static IReadOnlyList<PublishedModel> Published { get; } = Parse(ReadEmbedded(), Origin);

    /// <summary>Reads a registry from CSV text; <paramref name="origin"/> (e.g. the file path) starts every message.</summary>
    /// <exception cref="UnreadableFileException">
    /// A line is malformed; the message reads <c>origin:line: column 'name': what is wrong; the fix</c>.
    /// </exception>
    public static IReadOnlyList<PublishedModel> Parse(string csv, string origin)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentException.ThrowIfNullOrWhiteSpace(origin);
        string[] lines = csv.ReplaceLineEndings("\n").Split('\n');
        Dictionary<string, int>? columns = null;
        int width = 0;
        var models = new List<PublishedModel>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int index = 0; index < lines.Length; index++)
        {
            int lineNumber = index + 1;
            string line = index == 0 ? lines[index].TrimStart('\uFEFF') : lines[index];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var fields = CsvLine.Split(line, (column, problem) => new UnreadableFileException(origin, lineNumber, column, Expected, problem + "."));
            if (columns is null)
            {
                columns = Header(fields, origin, lineNumber);
                width = fields.Count;
                continue;
            }

            if (fields.Count != width)
            {
                throw new UnreadableFileException(origin, lineNumber, 0, Expected, $"{fields.Count} fields where the header has {width}; quote a field that contains a comma (\"a, b\") and leave an unknown figure empty.");
            }

            var model = Row(new RowReader(fields, columns, origin, lineNumber));
            if (firstLineOf.TryGetValue(model.Name, out int first))
            {
                throw new UnreadableFileException(origin, lineNumber, 0, Expected, $"column 'name': '{model.Name}' already appears on line {first}; give each model one row.");
            }

            firstLineOf[model.Name] = lineNumber;
            models.Add(model);
        }

        if (models.Count == 0)
        {
            throw new UnreadableFileException(origin, 0, 0, Expected, $"no models; write a header line ({string.Join(',', Required)}) and one row per model.");
        }

        return models.AsReadOnly();
    }

    private static Dictionary<string, int> Header(IReadOnlyList<string> fields, string origin, int lineNumber)
    {
        if (CsvLine.ForeignSeparator(fields) is { } foreign)
        {
            throw new UnreadableFileException(origin, lineNumber, foreign.Column, Expected, $"the fields are separated by {foreign.Name}, but the registry is comma-separated; save it as CSV with commas (and dots for decimals), e.g. '{string.Join(",", Required)}'.");
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < fields.Count; i++)
        {
            string column = fields[i].Trim();
            if (!Required.Contains(column, StringComparer.OrdinalIgnoreCase) && !Optional.Contains(column, StringComparer.OrdinalIgnoreCase))
            {
                throw new UnreadableFileException(origin, lineNumber, 0, Expected, $"column '{column}' is unknown; use {string.Join(", ", Required)} and optionally {string.Join(", ", Optional)}.");
            }

            if (!columns.TryAdd(column, i))
            {
                throw new UnreadableFileException(origin, lineNumber, 0, Expected, $"column '{column}' appears twice in the header; keep one.");
            }
        }

        foreach (string column in Required)
        {
            if (!columns.ContainsKey(column))
            {
                throw new UnreadableFileException(origin, lineNumber, 0, Expected, $"column '{column}' is missing from the header; the header needs {string.Join(", ", Required)}.");
            }
        }

        return columns;
    }

    private static PublishedModel Row(RowReader row) => PublishedModel.Create(
        name: row.RequiredText("name"),
        year: row.Year(),
        parameters: row.RequiredNumber("parameters", "175e9"),
        tokens: row.RequiredNumber("tokens", "300e9"),
        source: row.RequiredText("source"),
        organization: row.Text("organization"),
        trainingFlops: row.Number("training_flops", "3.14e23", positive: true),
        hardware: row.Text("hardware"),
        gpuHours: row.Number("gpu_hours", "1.3e6"),
        energyMegawattHours: row.Number("energy_mwh", "1287"),
        co2Tonnes: row.Number("co2_tonnes", "552"),
        notes: row.Text("notes"));

    private static string ReadEmbedded()
    {
        using var stream = typeof(ModelRegistry).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing; rebuild the Scaling assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Reads the fields of one row by column name, with messages naming the line and the column.</summary>
    private sealed class RowReader(IReadOnlyList<string> fields, Dictionary<string, int> columns, string origin, int lineNumber)
    {
        public string? Text(string column)
        {
            string? text = columns.TryGetValue(column, out int i) ? fields[i].Trim() : null;
            return string.IsNullOrEmpty(text) ? null : text;
        }

        public string RequiredText(string column) => Text(column) ?? throw Error(column, "is empty; every model needs it");

        public double RequiredNumber(string column, string example) =>
            Number(column, example, positive: true) ?? throw Error(column, "is empty; every model needs it");

        public int Year()
        {
            string text = RequiredText("year");
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int year) || year is < 1950 or > 2200)
            {
                throw Error("year", $"'{text}' is not a calendar year; write it like 2022");
            }

            return year;
        }

        public double? Number(string column, string example, bool positive = false)
        {
            string? text = Text(column);
            if (text is null)
            {
                return null;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                throw Error(column, $"'{text}' is not a number; write it like {example} (a dot for decimals, no thousands separators)");
            }

            if (!double.IsFinite(value) || value < 0 || (positive && value == 0))
            {
                string bound = positive ? "greater than 0" : "at least 0";
                throw Error(column, $"'{text}' must be a finite number {bound}, e.g. {example}");
            }

            return value;
        }

        private UnreadableFileException Error(string column, string what) =>
            new(origin, lineNumber, 0, Expected, $"column '{column}': {what}.");
    }
}
