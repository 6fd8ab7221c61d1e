using Scaling.Fitting.Runs;
using Scaling.Text;

namespace Scaling.Fitting.Extrapolation;

/// <summary>
/// The real IsoFLOP studies of <c>data/benchmarks/isoflops</c>, embedded in the library: published measurements
/// (Hoffmann et al. 2022 as digitised twice; Li, Kudugunta &amp; Zettlemoyer 2025; Brandfonbrener et al. 2024;
/// Porian et al. 2024), each file citing its source. The extrapolation is calibrated on the studies with final losses
/// (<see cref="Calibration"/>); the others (losses read off longer runs) are kept as a harder test.
/// </summary>
/// <example><code>
/// foreach (var study in IsoFlopCorpus.Calibration) Console.WriteLine($"{study.Name}: {study.Budgets.Count} budgets");
/// </code></example>
public static class IsoFlopCorpus
{
    private const string Prefix = "Scaling.Fitting.Extrapolation.isoflops.";

    /// <summary>Every embedded study (24).</summary>
    public static IReadOnlyList<IsoFlopStudy> All { get; } = Read(OpenEmbedded("studies.csv"), OpenEmbedded, "data/benchmarks/isoflops");

    /// <summary>The studies with final losses, on which <see cref="ExtrapolationCalibration.Embedded"/> was computed.</summary>
    public static IReadOnlyList<IsoFlopStudy> Calibration { get; } = All.Where(s => s.FinalLosses).ToArray();

    /// <summary>
    /// Reads a manifest (<c>file,study,group,protocol,citation,…</c>; <c>#</c> lines are comments) and each study it
    /// lists, opened by <paramref name="open"/> from its file name.
    /// </summary>
    /// <exception cref="UnreadableFileException">The manifest or a study is not readable.</exception>
    public static IReadOnlyList<IsoFlopStudy> Read(TextReader manifest, Func<string, TextReader> open, string origin)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(open);
        const string expected = "a manifest with the header file,study,group,protocol,citation";
        var studies = new List<IsoFlopStudy>();
        Dictionary<string, int>? columns = null;
        int lineNumber = 0;
        string manifestOrigin = origin + "/studies.csv";
        while (manifest.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0 || line.TrimStart()[0] == '#')
            {
                continue;
            }

            int current = lineNumber;
            var fields = CsvLine.Split(line, (column, problem) => new UnreadableFileException(manifestOrigin, current, column, expected, problem + "."));
            if (columns is null)
            {
                columns = fields.Select((name, index) => (name.Trim(), index)).ToDictionary(x => x.Item1, x => x.index, StringComparer.Ordinal);
                foreach (string required in new[] { "file", "study", "group", "protocol", "citation" })
                {
                    if (!columns.ContainsKey(required))
                    {
                        throw new UnreadableFileException(manifestOrigin, current, 0, expected, $"the header has no '{required}' column.");
                    }
                }

                continue;
            }

            string Field(string name) => fields[columns[name]].Trim();
            string file = Field("file");
            using var reader = open(file);
            var runs = RunsCsv.Read(reader, $"{origin}/{file}");
            studies.Add(new IsoFlopStudy(
                Path.GetFileNameWithoutExtension(file),
                Field("study"),
                Field("group"),
                Field("protocol") == "final",
                Field("citation"),
                IsoFlopBudget.Group(runs)));
        }

        return studies;
    }

    private static TextReader OpenEmbedded(string file)
    {
        var stream = typeof(IsoFlopCorpus).Assembly.GetManifestResourceStream(Prefix + file)
            ?? throw new InvalidOperationException($"The embedded study {file} is missing; rebuild the Scaling assembly.");
        return new StreamReader(stream);
    }
}
