using System.Globalization;
using System.Text;
using Scaling.Audit;
using Scaling.Laws;
using Scaling.Text;

namespace Scaling.Cli.Commands.Audit;

/// <summary>The prose of <c>scaling audit</c>: a table of the models with their verdicts, then what it shows.</summary>
internal static class AuditMemo
{
    /// <summary>The table of verdicts and the findings under it.</summary>
    public static string Describe(ModelAuditor auditor, IReadOnlyList<AuditedModel> rows)
    {
        bool hasLoss = auditor.Frontier is not null;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Audit under the law '{auditor.Law.Name}' ({auditor.Law.Source}); C = 6·N·D; ")
            .Append(CultureInfo.InvariantCulture, $"near-optimal when N is within {NumberText.Significant(auditor.ParameterRatioTolerance)}× of N*.\n\n");

        string[] header = ["Model", "Year", "N", "D", "D/N", "C (FLOPs)", "N*", "D*", "Loss gap", "Wasted", "Verdict"];
        var cells = rows.Select(r => new[]
        {
            r.Model.Name,
            r.Model.Year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            NumberText.Count(r.Audit.Parameters),
            NumberText.Count(r.Audit.Tokens),
            NumberText.Ratio(r.Audit.TokensPerParameter),
            NumberText.Scientific(r.Audit.Flops),
            NumberText.Count(r.Audit.OptimalParameters),
            NumberText.Count(r.Audit.OptimalTokens),
            r.Audit.LossGap is { } gap ? NumberText.Loss(gap) : "–",
            r.Audit.WastedComputeFraction is { } waste ? NumberText.Percent(waste) : "–",
            r.Audit.Verdict.ToText(),
        }).ToList();
        AppendTable(text, header, cells);
        text.Append('\n');
        foreach (string sentence in Findings(auditor, AuditFindings.Of(rows, hasLoss)))
        {
            text.Append(sentence).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    private static IEnumerable<string> Findings(ModelAuditor auditor, AuditFindings findings)
    {
        int count = findings.Models.Count;
        if (count > 1)
        {
            yield return $"{findings.Undertrained.Count} of {count} models are undertrained, {findings.NearOptimal.Count} near-optimal and {findings.Overtrained.Count} overtrained.";
        }

        if (findings.Headline is { } headline)
        {
            yield return Headline(headline);
        }

        if (findings.LargestWaste is { Audit.WastedComputeFraction: { } waste } worst)
        {
            yield return $"The largest waste is {worst.Model.Name} ({NumberText.Ratio(worst.Audit.TokensPerParameter)} tokens/parameter): "
                + $"the optimal split reaches its loss with {NumberText.Percent(waste)} less compute.";
        }

        if (findings.NearOptimal.Count > 0 && count > 1)
        {
            yield return $"Near-optimal: {Names(findings.NearOptimal)}.";
        }

        if (findings.Overtrained.Count > 0)
        {
            string who = count > 1 ? $"Overtrained: {Names(findings.Overtrained)}. They saw" : "Overtrained: the model saw";
            yield return $"{who} more tokens than is compute-optimal for the size, usually on purpose: a smaller model "
                + "is cheaper to serve, so extra training compute buys cheaper inference (Sardana et al. 2024, arXiv 2401.00448)"
                + (findings.PredictsLoss ? ". The 'wasted' share is that trade, not waste of the same kind as undertraining." : ".");
        }

        if (!findings.PredictsLoss)
        {
            yield return $"'{auditor.Law.Name}' is an allocation rule: verdicts compare N with N* only; loss gap and wasted compute need a loss law such as {LawPresets.Default.Name}.";
        }
    }

    private static string Headline(AuditedModel row)
    {
        var a = row.Audit;
        string year = row.Model.Year is { } y ? $" ({y.ToString(CultureInfo.InvariantCulture)})" : string.Empty;
        var sentence = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{row.Model.Name}{year} spent {NumberText.Scientific(a.Flops)} FLOPs on {NumberText.Count(a.Parameters)} parameters and {NumberText.Count(a.Tokens)} tokens ")
            .Append(CultureInfo.InvariantCulture, $"({NumberText.Ratio(a.TokensPerParameter)} tokens/parameter). The same compute split optimally buys {NumberText.Count(a.OptimalParameters)} parameters ")
            .Append(CultureInfo.InvariantCulture, $"on {NumberText.Count(a.OptimalTokens)} tokens ({NumberText.Ratio(a.OptimalTokensPerParameter)} tokens/parameter)");
        if (a is { LossGap: { } gap, OptimalLoss: { } optimal, PredictedLoss: { } predicted, WastedComputeFraction: { } waste })
        {
            sentence.Append(CultureInfo.InvariantCulture, $" and a loss {NumberText.Loss(gap)} lower ")
                .Append(CultureInfo.InvariantCulture, $"({NumberText.Loss(optimal)} instead of {NumberText.Loss(predicted)}); ")
                .Append(CultureInfo.InvariantCulture, $"the optimal split reaches its loss with {NumberText.Percent(waste)} less compute");
        }

        return sentence.Append(CultureInfo.InvariantCulture, $". Verdict: {a.Verdict.ToText()}; a model of {NumberText.Count(a.Parameters)} parameters is compute-optimal on {NumberText.Count(a.OptimalTokensForSize)} tokens.").ToString();
    }

    private static string Names(IEnumerable<AuditedModel> rows) => string.Join(", ", rows.Select(r => r.Model.Name));

    private static void AppendTable(StringBuilder text, string[] header, List<string[]> rows)
    {
        int[] widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        void Line(string[] cells)
        {
            var line = new StringBuilder();
            for (int i = 0; i < cells.Length; i++)
            {
                // Text columns (model, verdict) left-aligned, numbers right-aligned.
                bool left = i == 0 || i == cells.Length - 1;
                line.Append(left ? cells[i].PadRight(widths[i]) : cells[i].PadLeft(widths[i]));
                line.Append(i == cells.Length - 1 ? string.Empty : "  ");
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }

        Line(header);
        text.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        rows.ForEach(Line);
    }
}
