using System.Net;
using System.Text.RegularExpressions;

namespace Scaling.Tests.Notebooks;

/// <summary>
/// Whether a notebook's committed outputs are what running it shows now. Text (text/plain, streams) must match
/// exactly. Figures (text/html SVG) are compared by their text — titles, legend entries, tick labels — and not byte for
/// byte, because glyph measurement and hence coordinates depend on the installed font build.
/// </summary>
public static partial class NotebookComparison
{
    /// <summary>One line per difference; empty when the committed outputs are current.</summary>
    public static IReadOnlyList<string> Differences(NotebookDocument committed, IReadOnlyList<CellRun> runs)
    {
        var differences = new List<string>();
        var cells = committed.Cells;
        var ran = runs.ToDictionary(run => run.CellIndex);
        for (int i = 0; i < cells.Count; i++)
        {
            if (NotebookDocument.CellType(cells[i]) != "code")
            {
                continue;
            }

            var expected = NotebookDocument.Outputs(cells[i]);
            int? expectedCount = NotebookDocument.ExecutionCount(cells[i]);
            if (!ran.TryGetValue(i, out var run))
            {
                if (expected.Count > 0)
                {
                    differences.Add($"cell {i + 1}: has committed outputs but did not run");
                }

                continue;
            }

            if (expectedCount != run.ExecutionCount)
            {
                differences.Add($"cell {i + 1}: execution_count is {expectedCount?.ToString() ?? "null"}, a re-run gives {run.ExecutionCount}");
            }

            if (!Shape(expected).SequenceEqual(Shape(run.Outputs)))
            {
                differences.Add($"cell {i + 1}: outputs are [{string.Join(", ", Shape(expected))}], a re-run gives [{string.Join(", ", Shape(run.Outputs))}]");
                continue;
            }

            for (int j = 0; j < expected.Count; j++)
            {
                if (Comparable(expected[j]) != Comparable(run.Outputs[j]))
                {
                    differences.Add($"cell {i + 1}, output {j + 1} ({expected[j].Mime}): committed\n{Comparable(expected[j])}\na re-run gives\n{Comparable(run.Outputs[j])}");
                }
            }
        }

        return differences;
    }

    /// <summary>The text of an SVG figure, one <c>&lt;text&gt;</c> element per line.</summary>
    public static string SvgText(string svg) =>
        string.Join("\n", SvgTextElement().Matches(svg).Select(m => WebUtility.HtmlDecode(m.Groups["text"].Value)));

    private static IEnumerable<string> Shape(IEnumerable<CellOutput> outputs) => outputs.Select(o => $"{o.Kind} {o.Mime}");

    private static string Comparable(CellOutput output) =>
        output.IsHtml && output.Text.Contains("<svg", StringComparison.Ordinal) ? "svg:\n" + SvgText(output.Text) : output.Text;

    [GeneratedRegex("<text[^>]*>(?<text>[^<]*)</text>")]
    private static partial Regex SvgTextElement();
}
