using System.Text;

namespace Scaling.Text;

/// <summary>
/// Splits one CSV line into trimmed fields, with RFC 4180 quoting (<c>"a, b"</c> is one field, <c>""</c> inside quotes
/// is a quote): the one splitter behind every CSV reader of the core (runs, accelerator catalog, model registry).
/// </summary>
internal static class CsvLine
{
    /// <summary>The fields of <paramref name="line"/> as a new list.</summary>
    /// <param name="line">One line, without its line break.</param>
    /// <param name="error">Builds the exception for a malformed line from the 1-based column of the fault and what is wrong.</param>
    public static IReadOnlyList<string> Split(string line, Func<int, string, Exception> error)
    {
        var fields = new List<string>();
        Split(line, fields, error);
        return fields;
    }

    /// <summary>Fills <paramref name="fields"/> (cleared first) with the fields of <paramref name="line"/>.</summary>
    /// <exception cref="Exception">From <paramref name="error"/>: a quoted field is not closed.</exception>
    public static void Split(string line, List<string> fields, Func<int, string, Exception> error)
    {
        fields.Clear();
        if (!line.Contains('"', StringComparison.Ordinal))
        {
            // Most lines hold only numbers: cut at the commas without copying characters one by one.
            foreach (var range in line.AsSpan().Split(','))
            {
                fields.Add(line.AsSpan()[range].Trim().ToString());
            }

            return;
        }

        var field = new StringBuilder();
        int openedAt = -1;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (openedAt >= 0)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    openedAt = -1;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && string.IsNullOrWhiteSpace(field.ToString()))
            {
                field.Clear();
                openedAt = i;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (openedAt >= 0)
        {
            throw error(openedAt + 1, "a quoted field is not closed; end it with '\"'");
        }

        fields.Add(field.ToString().Trim());
    }

    /// <summary>
    /// When a header line split on commas is one field holding ';' or a tab, as a spreadsheet saved in a decimal-comma
    /// locale writes it, the 1-based column of the first such separator and how to name it ("';'" or "tabs");
    /// otherwise <see langword="null"/>. Readers say so instead of reporting the whole line as one unknown column.
    /// </summary>
    /// <example><c>ForeignSeparator(["parameters;tokens;loss"])</c> is <c>(11, "';'")</c>.</example>
    public static (int Column, string Name)? ForeignSeparator(IReadOnlyList<string> header)
    {
        if (header.Count != 1 || header[0].IndexOfAny([';', '\t']) < 0)
        {
            return null;
        }

        char separator = header[0].Contains(';', StringComparison.Ordinal) ? ';' : '\t';
        return (header[0].IndexOf(separator, StringComparison.Ordinal) + 1, separator == ';' ? "';'" : "tabs");
    }

    /// <summary>The 1-based column at which field <paramref name="index"/> of <paramref name="line"/> starts (quotes respected).</summary>
    public static int ColumnOf(string line, int index)
    {
        bool quoted = false;
        int field = 0;
        for (int i = 0; i < line.Length && field < index; i++)
        {
            if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (line[i] == ',' && !quoted)
            {
                field++;
                if (field == index)
                {
                    return i + 2;
                }
            }
        }

        return 1;
    }
}
