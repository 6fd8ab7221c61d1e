using System.Globalization;
using Scaling.Text;

namespace Scaling.Hardware;

/// <summary>
/// A list of <see cref="Accelerator"/>s by name (case-insensitive). <see cref="Default"/> is the catalog shipped in
/// <c>data/benchmarks/hardware.csv</c>, embedded in this assembly; <see cref="Parse"/> reads a user's own file in the
/// same format and <see cref="Merge"/> lays it over the defaults.
/// </summary>
/// <remarks>
/// The CSV has a header row; lines starting with <c>#</c> and blank lines are skipped. Columns (any order):
/// <c>name</c>, <c>memory_gb</c> and <c>eur_per_gpu_hour</c> are required, plus at least one of <c>fp32_tflops</c>,
/// <c>tf32_tflops</c>, <c>bf16_tflops</c>, <c>fp16_tflops</c>, <c>fp8_tflops</c>, <c>int8_tflops</c>,
/// <c>int4_tflops</c> per row (dense peaks; empty = not published); optional <c>vendor</c>, <c>watts</c>,
/// <c>price_date</c>, <c>price_note</c>, <c>source</c>. Numbers use a dot for decimals.
/// <example><code>
/// var catalog = HardwareCatalog.Default.Merge(HardwareCatalog.Parse(File.ReadAllText("my.csv"), "my.csv"));
/// var gpu = catalog.Get("A100-80GB");
/// </code></example>
/// </remarks>
public sealed record HardwareCatalog
{
    /// <summary>
    /// The accelerator a plan assumes when none is named: H100-SXM, the most common training GPU of 2024–2026 (Llama 3
    /// trained on up to 16K of them, Llama Team 2024, arXiv 2407.21783, §3.3.1).
    /// </summary>
    public const string DefaultAcceleratorName = "H100-SXM";

    private const string ResourceName = "Scaling.Hardware.hardware.csv";

    private static readonly Lazy<HardwareCatalog> Embedded = new(LoadEmbedded);

    private static readonly string[] Required = ["name", "memory_gb", "eur_per_gpu_hour"];

    private static readonly string[] Optional = ["vendor", "watts", "price_date", "price_note", "source"];

    private HardwareCatalog(IReadOnlyList<Accelerator> accelerators)
    {
        All = accelerators;
    }

    /// <summary>The catalog shipped with the library (<c>data/benchmarks/hardware.csv</c>).</summary>
    public static HardwareCatalog Default => Embedded.Value;

    /// <summary>The accelerators in file order.</summary>
    public IReadOnlyList<Accelerator> All { get; }

    /// <summary>The names, in file order.</summary>
    public IEnumerable<string> Names => All.Select(a => a.Name);

    /// <summary>A catalog of the given accelerators; names must be unique (case-insensitive).</summary>
    public static HardwareCatalog Create(IEnumerable<Accelerator> accelerators)
    {
        ArgumentNullException.ThrowIfNull(accelerators);
        var list = accelerators.ToList();
        var duplicate = list.GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"accelerators: the name '{duplicate.Key}' appears twice; names must be unique.", nameof(accelerators));
        }

        return new HardwareCatalog(list);
    }

    /// <summary>The accelerator called <paramref name="name"/> (case-insensitive), or null.</summary>
    public Accelerator? Find(string name) =>
        All.FirstOrDefault(a => string.Equals(a.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The accelerator called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No such name; the message lists the known ones.</exception>
    public Accelerator Get(string name) =>
        Find(name) ?? throw new ArgumentException($"name: unknown accelerator '{name}'; known: {string.Join(", ", Names)}.", nameof(name));

    /// <summary>
    /// This catalog with <paramref name="other"/> laid over it: rows of <paramref name="other"/> replace rows of the
    /// same name here and new names are appended.
    /// </summary>
    public HardwareCatalog Merge(HardwareCatalog other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var merged = All.Select(a => other.Find(a.Name) ?? a).ToList();
        merged.AddRange(other.All.Where(a => Find(a.Name) is null));
        return new HardwareCatalog(merged);
    }

    /// <summary>Reads a catalog in the CSV format described on the type.</summary>
    /// <param name="csv">The file's text.</param>
    /// <param name="origin">The file name, used in error messages as <c>origin:line</c>.</param>
    /// <exception cref="UnreadableFileException">A malformed header or row; the message starts with <c>origin:line:</c>.</exception>
    public static HardwareCatalog Parse(string csv, string origin)
    {
        ArgumentNullException.ThrowIfNull(csv);
        string[] lines = csv.Split('\n');
        Dictionary<string, int>? columns = null;
        var accelerators = new List<Accelerator>();
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            int lineNumber = i + 1;
            UnreadableFileException Error(string what) => new(origin, lineNumber, 0, Expected, what + ".");
            var fields = CsvLine.Split(line, (column, problem) => new UnreadableFileException(origin, lineNumber, column, Expected, problem + "."));
            if (columns is null)
            {
                columns = Header(fields, Error);
                continue;
            }

            if (fields.Count != columns.Count)
            {
                throw Error($"expected {columns.Count} fields like the header, found {fields.Count}");
            }

            var accelerator = Row(fields, columns, Error);
            if (accelerators.Any(a => string.Equals(a.Name, accelerator.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw Error($"the name '{accelerator.Name}' appears twice");
            }

            accelerators.Add(accelerator);
        }

        if (columns is null || accelerators.Count == 0)
        {
            throw new UnreadableFileException(origin, 1, 0, Expected, $"no header and rows found; the first line must be a header such as '{string.Join(',', Required)},bf16_tflops'.");
        }

        return new HardwareCatalog(accelerators);
    }

    private const string Expected = "an accelerator catalog: a header such as name,memory_gb,eur_per_gpu_hour,bf16_tflops, then one row per accelerator";

    private static string PeakColumn(Precision precision) => Precisions.Name(precision) + "_tflops";

    private static Dictionary<string, int> Header(IReadOnlyList<string> fields, Func<string, UnreadableFileException> error)
    {
        if (CsvLine.ForeignSeparator(fields) is { } foreign)
        {
            throw error($"the fields are separated by {foreign.Name}, but the catalog is comma-separated; save it as CSV with commas (and dots for decimals), e.g. 'name,memory_gb,eur_per_gpu_hour,bf16_tflops'");
        }

        var known = Required.Concat(Optional).Concat(Precisions.All.Select(PeakColumn)).ToArray();
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < fields.Count; i++)
        {
            string name = fields[i];
            if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw error($"unknown column '{name}'; known columns: {string.Join(", ", known)}");
            }

            if (!columns.TryAdd(name, i))
            {
                throw error($"the column '{name}' appears twice");
            }
        }

        foreach (string name in Required)
        {
            if (!columns.ContainsKey(name))
            {
                throw error($"the header has no '{name}' column; required: {string.Join(", ", Required)} and at least one *_tflops column");
            }
        }

        if (!Precisions.All.Any(p => columns.ContainsKey(PeakColumn(p))))
        {
            throw error("the header has no peak column; add at least one of " + string.Join(", ", Precisions.All.Select(PeakColumn)));
        }

        return columns;
    }

    private static Accelerator Row(IReadOnlyList<string> fields, Dictionary<string, int> columns, Func<string, UnreadableFileException> error)
    {
        string Text(string column) => columns.TryGetValue(column, out int i) ? fields[i] : string.Empty;

        double? Number(string column)
        {
            string text = Text(column);
            if (text.Length == 0)
            {
                return null;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value) || value <= 0)
            {
                throw error($"{column} '{text}' must be a number greater than 0 with a dot for decimals, e.g. 989");
            }

            return value;
        }

        double RequiredNumber(string column) =>
            Number(column) ?? throw error($"{column} is empty; every row needs it");

        string name = Text("name");
        if (name.Length == 0)
        {
            throw error("name is empty; every row needs a name such as H100-SXM");
        }

        var peaks = new Dictionary<Precision, double>();
        foreach (var precision in Precisions.All)
        {
            if (Number(PeakColumn(precision)) is { } teraflops)
            {
                peaks[precision] = teraflops;
            }
        }

        if (peaks.Count == 0)
        {
            throw error($"{name} has no peak; fill at least one *_tflops column");
        }

        // Every number was checked above; the name is the one rule left, so the row is valid before it is built.
        if (!Accelerator.IsValidName(name))
        {
            throw error($"name '{name}' must use only letters, digits, '-', '_' or '.', e.g. H100-SXM");
        }

        return Accelerator.Create(
            name,
            Text("vendor"),
            peaks,
            RequiredNumber("memory_gb"),
            Number("watts"),
            RequiredNumber("eur_per_gpu_hour"),
            Text("price_date"),
            Text("price_note"),
            Text("source"));
    }

    private static HardwareCatalog LoadEmbedded()
    {
        using var stream = typeof(HardwareCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the Scaling assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "hardware.csv");
    }
}
