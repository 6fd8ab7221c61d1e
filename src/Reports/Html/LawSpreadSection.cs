using Scaling.Allocation;
using Scaling.Laws;
using Scaling.Text;

namespace Scaling.Reports.Html;

/// <summary>
/// How much the choice of law moves the answer: N* under every published law at the budget, against the range of sizes
/// whose loss stays within 0.5% and 1% of the optimum under the plan's law.
/// </summary>
internal static class LawSpreadSection
{
    public static void Write(HtmlWriter html, PlanFacts facts, Citations citations, IReadOnlyList<string> files)
    {
        var optimum = facts.Optimum;
        var rows = LawPresets.All.Select(law => (Law: law, Optimum: law.Allocator().Optimum(optimum.Flops))).ToList();
        var smallest = rows.MinBy(r => r.Optimum.Parameters);
        var largest = rows.MaxBy(r => r.Optimum.Parameters);
        var widest = facts.NearOptimal[^1];
        int inside = rows.Count(r => r.Optimum.Parameters >= widest.LowerParameters && r.Optimum.Parameters <= widest.UpperParameters);

        html.Open("section", ("id", "laws"), ("aria-labelledby", "laws-title"));
        html.Element("h2", "How much the choice of law moves N*", ("id", "laws-title"));
        html.Open("p").Text($"At {NumberText.Scientific(optimum.Flops)} FLOPs the {rows.Count} published laws put N* between ")
            .Number("spread-smallest", smallest.Optimum.Parameters, NumberText.Count(smallest.Optimum.Parameters)).Text($" ({smallest.Law.Name}) and ")
            .Number("spread-largest", largest.Optimum.Parameters, NumberText.Count(largest.Optimum.Parameters)).Text($" ({largest.Law.Name}), a factor of ")
            .Number("spread-factor", largest.Optimum.Parameters / smallest.Optimum.Parameters, NumberText.Significant(largest.Optimum.Parameters / smallest.Optimum.Parameters))
            .Text(". The loss valley is flat, though: under ").Element("q", facts.Request.Law.Name).Text(" every size from ");
        Range(html, facts.NearOptimal[0]);
        html.Text(" comes within 0.5% of the optimal loss, and every size from ");
        Range(html, widest);
        html.Text($" within 1%; {inside} of the {rows.Count} laws' N* lie in that range.").Close("p");

        // A law that is not a preset (a fit of the user's runs) heads the table, for comparison with the published ones.
        var table = LawPresets.All.Any(l => SameLaw(l, facts.Request.Law))
            ? rows
            : [(facts.Request.Law, optimum), .. rows];
        if (files.Contains("plan.xlsx"))
        {
            html.Open("p", ("class", "beside")).Text("The same as live formulas: the Law spread and Near-optimal sheets of ").Link("plan.xlsx", "plan.xlsx").Text(".").Close("p");
        }

        LawTable(html, facts, table, citations);
        RangeTable(html, facts);
        html.Close("section");
    }

    private static void Range(HtmlWriter html, NearOptimalRange range)
    {
        string tolerance = range.Tolerance.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        html.Number($"near-{tolerance}-lower", range.LowerParameters, NumberText.Count(range.LowerParameters)).Text(" to ")
            .Number($"near-{tolerance}-upper", range.UpperParameters, NumberText.Count(range.UpperParameters));
    }

    private static void LawTable(HtmlWriter html, PlanFacts facts, IReadOnlyList<(ScalingLaw Law, ComputeOptimum Optimum)> rows, Citations citations)
    {
        double planned = facts.Optimum.Parameters;
        html.ScrollBox().Open("table", ("id", "law-spread"), ("class", "wide"));
        html.Element("caption", $"The compute-optimal plan at {NumberText.Scientific(facts.Optimum.Flops)} FLOPs under each published law (allocation rules predict no loss)");
        html.Open("thead").Open("tr");
        foreach (string header in new[] { "Law", "N*", "D*", "D*/N*", "Loss", "N* / plan's N*", "Source" })
        {
            html.Element("th", header, ("scope", "col"), ("class", header is "Law" or "Source" ? null : "number"));
        }

        html.Close("tr").Close("thead").Open("tbody");
        foreach (var (law, optimum) in rows)
        {
            bool chosen = SameLaw(law, facts.Request.Law);
            html.Open("tr", ("class", chosen ? "chosen" : null), ("data-law", law.Name));
            html.Open("th", ("scope", "row")).Text(law.Name).Text(chosen ? " (the plan's)" : string.Empty).Close("th");
            Cell(html, $"law-{law.Name}-parameters", optimum.Parameters, NumberText.Count(optimum.Parameters));
            Cell(html, $"law-{law.Name}-tokens", optimum.Tokens, NumberText.Count(optimum.Tokens));
            Cell(html, $"law-{law.Name}-tokensPerParameter", optimum.TokensPerParameter, NumberText.Ratio(optimum.TokensPerParameter));
            if (optimum is LossOptimum { Loss: var loss })
            {
                Cell(html, $"law-{law.Name}-loss", loss, NumberText.Loss(loss));
            }
            else
            {
                html.Element("td", "—", ("class", "number"));
            }

            Cell(html, $"law-{law.Name}-ratio", optimum.Parameters / planned, NumberText.Significant(optimum.Parameters / planned) + "×");
            html.Open("td");
            PlanSection.CiteOrName(html, citations, law.Source);
            html.Close("td").Close("tr");
        }

        html.Close("tbody").Close("table").Close("div");
    }

    private static void RangeTable(HtmlWriter html, PlanFacts facts)
    {
        html.ScrollBox().Open("table", ("id", "near-optimal"), ("class", "wide"));
        html.Element("caption", $"Near-optimal sizes under {facts.Request.Law.Name}: trained on the rest of the budget, each end loses exactly the tolerance");
        html.Open("thead").Open("tr");
        foreach (string header in new[] { "Within", "Smallest N", "its tokens", "Largest N", "its tokens", "Loss at the ends" })
        {
            html.Element("th", header, ("scope", "col"), ("class", header == "Within" ? null : "number"));
        }

        html.Close("tr").Close("thead").Open("tbody");
        foreach (var range in facts.NearOptimal)
        {
            string tolerance = range.Tolerance.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            html.Open("tr").Element("th", NumberText.Percent(range.Tolerance) + " of the optimal loss", ("scope", "row"));
            Cell(html, $"range-{tolerance}-lowerParameters", range.LowerParameters, NumberText.Count(range.LowerParameters));
            Cell(html, $"range-{tolerance}-upperTokens", range.LowerParametersTokens, NumberText.Count(range.LowerParametersTokens));
            Cell(html, $"range-{tolerance}-upperParameters", range.UpperParameters, NumberText.Count(range.UpperParameters));
            Cell(html, $"range-{tolerance}-lowerTokens", range.UpperParametersTokens, NumberText.Count(range.UpperParametersTokens));
            Cell(html, $"range-{tolerance}-loss", range.LossLimit, NumberText.Loss(range.LossLimit));
            html.Close("tr");
        }

        html.Close("tbody").Close("table").Close("div");
    }

    private static bool SameLaw(ScalingLaw law, ScalingLaw other) => string.Equals(law.Name, other.Name, StringComparison.OrdinalIgnoreCase);

    private static void Cell(HtmlWriter html, string key, double value, string display) =>
        html.Open("td", ("class", "number")).Number(key, value, display).Close("td");
}
