using Scaling.Audit;
using Scaling.Text;

namespace Scaling.Reports.Html;

/// <summary>The published models judged by the plan's law, in a table sortable by verdict, size and tokens per parameter.</summary>
internal static class AuditSection
{
    public static void Write(HtmlWriter html, PlanFacts facts, Citations citations, IReadOnlyList<HtmlFigure> figures, IReadOnlyList<string> files)
    {
        var auditor = ModelAuditor.Create(facts.Request.Law);
        var audits = ModelRegistry.Published.Select(model => (Model: model, Audit: auditor.Audit(model))).ToList();
        int Count(AuditVerdict verdict) => audits.Count(a => a.Audit.Verdict == verdict);

        html.Open("section", ("id", "audit"), ("aria-labelledby", "audit-title"));
        html.Element("h2", "Were published models trained compute-optimally?", ("id", "audit-title"));
        html.Open("p").Text("Judged by ").Element("q", facts.Request.Law.Name).Text(", ")
            .Number("audit-undertrained", Count(AuditVerdict.Undertrained), Count(AuditVerdict.Undertrained).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Text($" of the {audits.Count} published models are undertrained (more than {NumberText.Significant(auditor.ParameterRatioTolerance)}× the compute-optimal size for their compute), ")
            .Number("audit-near-optimal", Count(AuditVerdict.NearOptimal), Count(AuditVerdict.NearOptimal).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Text(" near-optimal and ")
            .Number("audit-overtrained", Count(AuditVerdict.Overtrained), Count(AuditVerdict.Overtrained).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Text(" overtrained. Overtrained models are usually so on purpose: a smaller model is cheaper to serve. Sort the table with its column headers.")
            .Close("p");
        if (files.Contains("plan.xlsx"))
        {
            html.Open("p", ("class", "beside")).Text("The same table with coloured verdicts: the Audit sheet of ").Link("plan.xlsx", "plan.xlsx").Text(".").Close("p");
        }

        Table(html, audits, citations);
        foreach (var figure in figures.Where(f => f.Name == "audit-map"))
        {
            FiguresSection.WriteFigure(html, figure, files);
        }

        html.Close("section");
    }

    private static void Table(HtmlWriter html, IReadOnlyList<(PublishedModel Model, ModelAudit Audit)> audits, Citations citations)
    {
        html.ScrollBox().Open("table", ("id", "audit-table"), ("class", "wide"), ("data-sortable", "true"));
        html.Element("caption", "Published models against the compute-optimal size for their own compute C = 6·N·D");
        html.Open("thead").Open("tr");
        Header(html, "Model", "name", sortable: true, number: false);
        Header(html, "Year", "year", sortable: true, number: true);
        Header(html, "Verdict", "verdict", sortable: true, number: false);
        Header(html, "Parameters N", "parameters", sortable: true, number: true);
        Header(html, "Tokens D", "tokens", sortable: true, number: true);
        Header(html, "Tokens per parameter", "tokensPerParameter", sortable: true, number: true);
        Header(html, "N / N*", "parameterRatio", sortable: true, number: true);
        Header(html, "Wasted compute", "wastedCompute", sortable: true, number: true);
        Header(html, "Source", "source", sortable: false, number: false);
        html.Close("tr").Close("thead").Open("tbody");
        foreach (var (model, audit) in audits)
        {
            string verdict = audit.Verdict.ToText();
            html.Open("tr", ("data-model", model.Name));
            html.Open("th", ("scope", "row"), ("data-sort", model.Name)).Text(model.Name).Close("th");
            Sorted(html, (model.Year ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture), (model.Year ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture));
            // Undertrained, near-optimal, overtrained: the order of N / N* from large to small.
            html.Open("td", ("data-sort", VerdictRank(audit.Verdict)), ("data-verdict", verdict)).Element("span", verdict, ("class", $"verdict verdict-{verdict}")).Close("td");
            Number(html, audit.Parameters, NumberText.Count(audit.Parameters), "parameters");
            Number(html, audit.Tokens, NumberText.Count(audit.Tokens), "tokens");
            Number(html, audit.TokensPerParameter, NumberText.Ratio(audit.TokensPerParameter), "tokensPerParameter");
            Number(html, audit.ParameterRatio, NumberText.Significant(audit.ParameterRatio), "parameterRatio");
            if (audit.WastedComputeFraction is { } waste)
            {
                Number(html, waste, NumberText.Percent(waste), "wastedCompute");
            }
            else
            {
                html.Element("td", "—", ("class", "number"), ("data-sort", "-1"));
            }

            html.Open("td");
            PlanSection.CiteOrName(html, citations, model.Source);
            html.Close("td").Close("tr");
        }

        html.Close("tbody").Close("table").Close("div");
    }

    private static string VerdictRank(AuditVerdict verdict) => verdict switch
    {
        AuditVerdict.Undertrained => "0",
        AuditVerdict.NearOptimal => "1",
        _ => "2",
    };

    private static void Header(HtmlWriter html, string title, string key, bool sortable, bool number)
    {
        html.Open("th", ("scope", "col"), ("class", number ? "number" : null), ("data-column", key), ("aria-sort", sortable ? "none" : null));
        if (sortable)
        {
            // Chromium paints no button in a table header it repeats on a printed page: print shows the plain label.
            html.Element("button", title, ("type", "button")).Element("span", title, ("class", "print-label"), ("aria-hidden", "true"));
        }
        else
        {
            html.Text(title);
        }

        html.Close("th");
    }

    private static void Sorted(HtmlWriter html, string sortKey, string text) =>
        html.Element("td", text, ("class", "number"), ("data-sort", sortKey));

    private static void Number(HtmlWriter html, double value, string display, string key) =>
        html.Open("td", ("class", "number"), ("data-sort", value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))
            .Number(key, value, display).Close("td");
}
