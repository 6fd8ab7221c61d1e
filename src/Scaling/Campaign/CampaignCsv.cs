using System.Globalization;
using System.Text;

namespace Scaling.Campaign;

/// <summary>
/// A campaign as a runs file to fill in: the columns of <see cref="Fitting.Runs.RunsCsv"/> (<c>run,budget,parameters,tokens,loss</c>)
/// with the loss left empty. Once every loss is written in, <c>scaling fit plan.csv</c> reads it.
/// </summary>
/// <remarks>
/// <example><code>
/// # Campaign for 1e24 FLOPs: 72 runs, 4.08e22 FLOPs in all.
/// run,budget,parameters,tokens,loss
/// b1-s1,6e18,...,...,
/// </code></example>
/// </remarks>
public static class CampaignCsv
{
    /// <summary>The header of the file.</summary>
    public const string Header = "run,budget,parameters,tokens,loss";

    /// <summary>The CSV text of <paramref name="design"/> after <paramref name="comments"/> as <c>#</c> lines.</summary>
    public static string Format(CampaignDesign design, IEnumerable<string>? comments = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        var text = new StringBuilder();
        foreach (string comment in comments ?? [])
        {
            text.Append("# ").Append(comment).Append('\n');
        }

        text.Append(Header).Append('\n');
        for (int b = 0; b < design.BudgetsFlops.Count; b++)
        {
            var group = design.Runs.Where(r => r.BudgetFlops == design.BudgetsFlops[b]).ToArray();
            for (int s = 0; s < group.Length; s++)
            {
                var run = group[s];
                text.Append(CultureInfo.InvariantCulture, $"b{b + 1}-s{s + 1},{run.BudgetFlops:R},{run.Parameters:R},{run.Tokens:R},\n");
            }
        }

        return text.ToString();
    }
}
