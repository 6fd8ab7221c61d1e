using System.Text;

namespace Scaling.Audit;

/// <summary>Splits one line of RFC 4180 CSV: commas separate fields, a quoted field may hold commas and <c>""</c>.</summary>
internal static class CsvLine
{
    /// <summary>The fields of <paramref name="line"/>, or null with <paramref name="problem"/> set when a quote is unbalanced.</summary>
    public static List<string>? Split(string line, out string? problem)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        bool wasQuoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == ',')
            {
                fields.Add(wasQuoted ? field.ToString() : field.ToString().Trim());
                field.Clear();
                wasQuoted = false;
            }
            else if (c == '"' && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                quoted = true;
                wasQuoted = true;
            }
            else if (wasQuoted && !char.IsWhiteSpace(c))
            {
                problem = $"text after a closing quote in field {fields.Count + 1}; double a quote inside a quoted field (\"\")";
                return null;
            }
            else if (!wasQuoted)
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            problem = $"field {fields.Count + 1} opens a quote that the line never closes";
            return null;
        }

        fields.Add(wasQuoted ? field.ToString() : field.ToString().Trim());
        problem = null;
        return fields;
    }
}
