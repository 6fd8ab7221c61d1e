using System.Globalization;
using System.Text;
using Scaling.Allocation;
using Scaling.Text;

namespace Scaling.Fitting.Runs;

/// <summary>
/// The CSV form of training runs: a header <c>parameters,tokens,loss</c> (aliases <c>N</c>, <c>D</c>), optionally
/// <c>flops</c> (then tokens = flops / (6·parameters) when there is no tokens value), <c>run</c> or <c>model</c> (the
/// run a checkpoint belongs to) and <c>budget</c> (the IsoFLOP budget in FLOPs). Other columns (e.g. <c>source</c>)
/// are ignored. Lines starting with <c>#</c> and blank lines are skipped; numbers use the invariant culture.
/// </summary>
/// <remarks>
/// <example><code>
/// # my runs
/// N,D,loss
/// 400e6,8e9,2.91
/// </code></example>
/// </remarks>
public static class RunsCsv
{
    private const string Expected = "expected a header like parameters,tokens,loss (aliases N, D; optional flops, run, budget)";

    private enum Column
    {
        Ignored,
        Parameters,
        Tokens,
        Loss,
        Flops,
        Run,
        Budget,
    }

    /// <summary>Reads the runs in <paramref name="text"/>; <paramref name="origin"/> (a file name) prefixes every message.</summary>
    /// <exception cref="UnreadableFileException">
    /// The header lacks a column, a row has the wrong number of fields, or a value is not a finite number greater than 0;
    /// the message reads like <c>runs.csv:17: loss 'abc' is not a number</c>.
    /// </exception>
    public static IReadOnlyList<TrainingRun> Parse(string text, string origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Read(reader, origin);
    }

    /// <summary>
    /// Reads the runs from <paramref name="reader"/> line by line, so memory grows with the runs kept, not with the
    /// file (comments and ignored columns cost nothing): <c>using var file = File.OpenText("runs.csv"); var runs =
    /// RunsCsv.Read(file, "runs.csv");</c>.
    /// </summary>
    /// <exception cref="UnreadableFileException">As <see cref="Parse"/>.</exception>
    public static IReadOnlyList<TrainingRun> Read(TextReader reader, string origin)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(origin);
        Column[]? columns = null;
        string[] names = [];
        var runs = new List<TrainingRun>();
        var fields = new List<string>();
        int lineNumber = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            var trimmed = line.AsSpan().Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            CsvLine.Split(line, fields, (column, problem) => new UnreadableFileException(origin, lineNumber, column, Expected, problem + "."));
            if (columns is null)
            {
                names = fields.Select(f => f.Trim()).ToArray();
                RequireCommas(names, origin, lineNumber);
                columns = ReadHeader(names, line, origin, lineNumber);
                continue;
            }

            if (fields.Count != columns.Length)
            {
                throw new UnreadableFileException(origin, lineNumber, 0, Expected, $"expected {columns.Length} fields like the header ({string.Join(',', names)}), found {fields.Count}.");
            }

            runs.Add(ReadRow(fields, columns, names, line, origin, lineNumber));
        }

        if (columns is null)
        {
            throw new UnreadableFileException(origin, 0, 0, Expected, $"no header line; {Expected}.");
        }

        return runs;
    }

    /// <summary>
    /// Writes runs as CSV with the columns they need (<c>run</c> and <c>budget</c> only when some run has them),
    /// after <paramref name="comments"/> as <c>#</c> lines. Numbers are written to round-trip.
    /// </summary>
    public static string Format(IEnumerable<TrainingRun> runs, IEnumerable<string>? comments = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var list = runs.ToList();
        bool withRun = list.Any(r => r.RunName is not null);
        bool withBudget = list.Any(r => r.BudgetFlops is not null);
        var text = new StringBuilder();
        foreach (string comment in comments ?? [])
        {
            text.Append("# ").Append(comment).Append('\n');
        }

        text.Append(withRun ? "run," : string.Empty).Append("parameters,tokens,loss").Append(withBudget ? ",budget" : string.Empty).Append('\n');
        foreach (var run in list)
        {
            if (withRun)
            {
                text.Append(Quote(run.RunName ?? string.Empty)).Append(',');
            }

            text.Append(Number(run.Parameters)).Append(',').Append(Number(run.Tokens)).Append(',').Append(Number(run.Loss));
            if (withBudget)
            {
                text.Append(',').Append(run.BudgetFlops is { } b ? Number(b) : string.Empty);
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static void RequireCommas(string[] names, string origin, int lineNumber)
    {
        if (CsvLine.ForeignSeparator(names) is { } foreign)
        {
            throw new UnreadableFileException(
                origin,
                lineNumber,
                foreign.Column,
                Expected,
                $"the fields are separated by {foreign.Name}, but runs files are comma-separated; save the file as CSV with commas (and dots for decimals), e.g. 'parameters,tokens,loss'.");
        }
    }

    private static Column[] ReadHeader(string[] names, string line, string origin, int lineNumber)
    {
        var columns = new Column[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            columns[i] = names[i].ToLowerInvariant() switch
            {
                "parameters" or "n" => Column.Parameters,
                "tokens" or "d" => Column.Tokens,
                "loss" => Column.Loss,
                "flops" => Column.Flops,
                "run" or "model" => Column.Run,
                "budget" => Column.Budget,
                _ => Column.Ignored,
            };
            if (columns[i] != Column.Ignored && Array.IndexOf(columns, columns[i]) < i)
            {
                throw new UnreadableFileException(origin, lineNumber, CsvLine.ColumnOf(line, i), Expected, $"column '{names[i]}' appears twice (aliases: N = parameters, D = tokens, model = run); keep one.");
            }
        }

        if (!columns.Contains(Column.Parameters))
        {
            throw new UnreadableFileException(origin, lineNumber, 0, Expected, $"the header has no 'parameters' (or 'N') column; {Expected}.");
        }

        if (!columns.Contains(Column.Loss))
        {
            throw new UnreadableFileException(origin, lineNumber, 0, Expected, $"the header has no 'loss' column; {Expected}.");
        }

        if (!columns.Contains(Column.Tokens) && !columns.Contains(Column.Flops))
        {
            throw new UnreadableFileException(origin, lineNumber, 0, Expected, $"the header has neither 'tokens' (or 'D') nor 'flops'; {Expected}.");
        }

        return columns;
    }

    private static TrainingRun ReadRow(List<string> fields, Column[] columns, string[] names, string line, string origin, int lineNumber)
    {
        double? parameters = null, tokens = null, loss = null, flops = null, budget = null;
        string? run = null;
        for (int i = 0; i < columns.Length; i++)
        {
            string field = fields[i].Trim();
            switch (columns[i])
            {
                case Column.Parameters:
                    parameters = Positive(field, names[i], origin, lineNumber, line, i, required: true);
                    break;
                case Column.Tokens:
                    tokens = Positive(field, names[i], origin, lineNumber, line, i, required: !columns.Contains(Column.Flops));
                    break;
                case Column.Loss:
                    loss = Positive(field, names[i], origin, lineNumber, line, i, required: true);
                    break;
                case Column.Flops:
                    flops = Positive(field, names[i], origin, lineNumber, line, i, required: false);
                    break;
                case Column.Budget:
                    budget = Positive(field, names[i], origin, lineNumber, line, i, required: false);
                    break;
                case Column.Run:
                    run = field.Length == 0 ? null : field;
                    break;
            }
        }

        if (parameters is not { } n || loss is not { } l)
        {
            throw new UnreadableFileException(origin, lineNumber, 0, Expected, "the row needs parameters and loss.");
        }

        if (tokens is null)
        {
            if (flops is null)
            {
                throw new UnreadableFileException(origin, lineNumber, 0, Expected, $"no tokens and no flops; give one of them.");
            }

            tokens = flops.Value / (FlopsPerParameterToken.Training * n);
            if (!double.IsFinite(tokens.Value) || tokens.Value <= 0)
            {
                throw new UnreadableFileException(origin, lineNumber, 0, Expected, $"flops / (6·parameters) is not a finite positive token count.");
            }
        }

        return TrainingRun.Create(n, tokens.Value, l, run, budget);
    }

    private static double? Positive(string field, string column, string origin, int lineNumber, string line, int index, bool required)
    {
        if (field.Length == 0)
        {
            return required ? throw new UnreadableFileException(origin, lineNumber, CsvLine.ColumnOf(line, index), Expected, $"{column} is empty; every run needs a value.") : null;
        }

        if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new UnreadableFileException(origin, lineNumber, CsvLine.ColumnOf(line, index), Expected, $"{column} '{field}' is not a number (write numbers like 4e8 or 2.91, with a dot).");
        }

        if (!double.IsFinite(value) || value <= 0)
        {
            throw new UnreadableFileException(origin, lineNumber, CsvLine.ColumnOf(line, index), Expected, $"{column} '{field}' must be a finite number greater than 0.");
        }

        return value;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string name) =>
        name.AsSpan().IndexOfAny(",\"") >= 0 ? "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : name;
}
