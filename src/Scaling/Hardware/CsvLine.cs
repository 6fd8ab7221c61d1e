using System.Text;

namespace Scaling.Hardware;

/// <summary>Splits one CSV line (RFC 4180 quoting: "a, b" and "" for a quote) into fields.</summary>
internal static class CsvLine
{
    public static IReadOnlyList<string> Split(string line, Func<string, Exception> error)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
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

        if (quoted)
        {
            throw error("a quoted field is not closed (missing '\"')");
        }

        fields.Add(field.ToString().Trim());
        return fields;
    }
}
