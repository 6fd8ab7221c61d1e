using System.Globalization;
using Scaling.Fitting.Extrapolation;
using Scaling.Laws;

namespace Scaling.Reports.Html;

/// <summary>The page's opening: the plan in one sentence, its key numbers, and the law behind it.</summary>
internal static class PlanSection
{
    /// <summary>Hoffmann et al. 2022 (arXiv 2203.15556): the loss law (Eq. 2) and its compute-optimal frontier (Eq. 4).</summary>
    public const string HoffmannSource = "Hoffmann et al. 2022, \"Training Compute-Optimal Large Language Models\", arXiv 2203.15556: the loss law (Eq. 2) and the compute-optimal frontier (Eq. 4)";

    public static void Write(HtmlWriter html, PlanFacts facts, Citations citations, IReadOnlyList<string> files)
    {
        var optimum = facts.Optimum;
        var law = facts.Request.Law;
        html.Open("header");
        html.Element("p", "Compute-optimal training plan", ("class", "kicker"));
        html.Open("h1").Text("Train ").Number("title-parameters", optimum.Parameters, HtmlNumbers.Count(optimum.Parameters))
            .Text(" parameters on ").Number("title-tokens", optimum.Tokens, HtmlNumbers.Count(optimum.Tokens)).Text(" tokens").Close("h1");

        html.Open("p", ("class", "lead"));
        if (facts.Budget?.BudgetEuros is { } euros)
        {
            html.Number("lead-euros", euros, HtmlNumbers.Euros(euros)).Text($" on {facts.Budget.Resources.Assumptions.Accelerator.Name} buys ")
                .Number("lead-flops", optimum.Flops, HtmlNumbers.Scientific(optimum.Flops)).Text(" FLOPs. With them, ");
        }
        else
        {
            html.Text("With a budget of ").Number("lead-flops", optimum.Flops, HtmlNumbers.Scientific(optimum.Flops)).Text(" FLOPs, ");
        }

        html.Text("the law ").Element("q", law.Name).Text(" ");
        CiteOrName(html, citations, law.Source);
        html.Text(" reaches its lowest loss, ").Number("lead-loss", optimum.Loss, HtmlNumbers.Loss(optimum.Loss))
            .Text(" nats per token, with a model of ").Number("lead-parameters", optimum.Parameters, HtmlNumbers.Count(optimum.Parameters))
            .Text(" parameters trained on ").Number("lead-tokens", optimum.Tokens, HtmlNumbers.Count(optimum.Tokens))
            .Text(" tokens: ").Number("lead-tokens-per-parameter", optimum.TokensPerParameter, HtmlNumbers.Ratio(optimum.TokensPerParameter))
            .Text(" tokens per parameter.").Close("p");
        Calibrated(html, facts);

        KeyNumbers(html, facts);
        Law(html, facts, citations);
        if (files.Contains("plan.xlsx"))
        {
            html.Open("p", ("class", "beside")).Text("Workbook: ").Link("plan.xlsx", "plan.xlsx")
                .Text(" (the Summary, Inputs and Plan sheets recalculate when you change the budget or an assumption).").Close("p");
        }

        html.Close("header");
    }

    /// <summary>Cites a source that has a link; a source without one (a fit of the user's runs) is named in brackets.</summary>
    public static void CiteOrName(HtmlWriter html, Citations citations, string source)
    {
        if (SourceLinks.In(source).Count > 0)
        {
            citations.Cite(html, source);
        }
        else
        {
            html.Text($"({source})");
        }
    }

    private static void KeyNumbers(HtmlWriter html, PlanFacts facts)
    {
        var optimum = facts.Optimum;
        html.Open("dl", ("class", "key-numbers"), ("aria-label", "key numbers"));
        Key(html, "Budget", "flops", optimum.Flops, HtmlNumbers.Scientific(optimum.Flops) + " FLOPs");
        if (facts.Budget?.BudgetEuros is { } euros)
        {
            Key(html, "Budget in euros", "budgetEuros", euros, HtmlNumbers.Euros(euros));
        }

        Key(html, "Parameters N*", "parameters", optimum.Parameters, HtmlNumbers.Count(optimum.Parameters));
        Key(html, "Training tokens D*", "tokens", optimum.Tokens, HtmlNumbers.Count(optimum.Tokens));
        Key(html, "Tokens per parameter", "tokensPerParameter", optimum.TokensPerParameter, HtmlNumbers.Ratio(optimum.TokensPerParameter));
        Key(html, "Predicted loss (nats/token)", "loss", optimum.Loss, HtmlNumbers.Loss(optimum.Loss));
        if (facts.Budget?.Resources is { } r)
        {
            Key(html, $"{r.Assumptions.Accelerator.Name} GPUs", "gpus", r.Gpus, HtmlNumbers.Whole(r.Gpus));
            Key(html, "Wall-clock time", "days", r.Days, HtmlNumbers.Days(r.Days));
            Key(html, "Cost", "costEuros", r.CostEuros, HtmlNumbers.Euros(r.CostEuros));
            if (r.KilowattHours is { } kwh && r.Co2Tonnes is { } co2)
            {
                Key(html, "Energy", "energyKilowattHours", kwh, HtmlNumbers.KilowattHours(kwh));
                Key(html, "CO₂", "co2Tonnes", co2, HtmlNumbers.Tonnes(co2));
            }
        }

        html.Close("dl");
        if (facts.Budget?.Resources is { } plan)
        {
            string basis = plan.GpuCountExplanation;
            html.Open("p", ("class", "note"), ("id", "key-basis")).Text($"GPUs and days: {basis}; the assumptions are under ")
                .Link("#budget", "What the budget buys").Text(".").Close("p");
            BudgetSection.LongPlanWarning(html, plan);
        }
    }

    private static void Key(HtmlWriter html, string label, string key, double value, string display) =>
        html.Open("div").Element("dt", label).Open("dd").Number(key, value, display).Close("dd").Close("div");

    private static void Law(HtmlWriter html, PlanFacts facts, Citations citations)
    {
        LossLaw law = facts.Frontier.Law;
        var frontier = facts.Frontier;
        html.Open("p").Text("The law is ").Element("span", "L(N, D) = E + A/N^α + B/D^β", ("class", "formula")).Text(" ");
        citations.Cite(html, HoffmannSource);
        html.Text(" with E = ").Number("law-E", law.E, HtmlNumbers.Exponent(law.E))
            .Text(", A = ").Number("law-A", law.A, HtmlNumbers.Significant(law.A))
            .Text(", B = ").Number("law-B", law.B, HtmlNumbers.Significant(law.B))
            .Text(", α = ").Number("law-alpha", law.Alpha, HtmlNumbers.Exponent(law.Alpha))
            .Text(", β = ").Number("law-beta", law.Beta, HtmlNumbers.Exponent(law.Beta))
            .Text(". Under C = 6·N·D its optimum is ").Element("span", "N* = G·(C/6)^a, D* = G⁻¹·(C/6)^b", ("class", "formula"))
            .Text(": N* grows as C^").Number("exponentA", frontier.ExponentA, HtmlNumbers.Exponent(frontier.ExponentA))
            .Text(" and D* as C^").Number("exponentB", frontier.ExponentB, HtmlNumbers.Exponent(frontier.ExponentB))
            .Text(", so ten times the budget buys a model ").Number("tenfold-parameters", Math.Pow(10, frontier.ExponentA), HtmlNumbers.Significant(Math.Pow(10, frontier.ExponentA)))
            .Text("× larger trained on ").Number("tenfold-tokens", Math.Pow(10, frontier.ExponentB), HtmlNumbers.Significant(Math.Pow(10, frontier.ExponentB)))
            .Text("× the tokens.").Close("p");
    }

    // With a calibrated forecast of N* (from --fit-runs or a fit file): what it says at the budget, how far that lies
    // beyond the runs, and that the law's own optimum above is not what back-tested best on real studies.
    private static void Calibrated(HtmlWriter html, PlanFacts facts)
    {
        if (facts.Request.Extrapolation is not { } extrapolation)
        {
            return;
        }

        var at = extrapolation.At(facts.Request.BudgetFlops);
        string level = (at.Level * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
        html.Open("p", ("class", "lead"), ("id", "lead-calibrated")).Text($"Carried beyond your runs by the {extrapolation.Forecast.Method.Name()} forecast, N* is ")
            .Number("calibrated-parameters", at.Parameters, HtmlNumbers.Count(at.Parameters)).Text($" parameters ({level} interval ")
            .Number("calibrated-parameters-lower", at.ParametersLower, HtmlNumbers.Count(at.ParametersLower)).Text(" to ")
            .Number("calibrated-parameters-upper", at.ParametersUpper, HtmlNumbers.Count(at.ParametersUpper))
            .Text(at.Calibrated ? ", calibrated on back-tests of published IsoFLOP studies" : ", not calibrated")
            .Text("). Your largest run budget is 1/").Number("calibrated-budget-ratio", at.BudgetRatio, HtmlNumbers.Significant(at.BudgetRatio))
            .Text(" of this budget (").Number("calibrated-decades", at.Decades, at.Decades.ToString("0.0", CultureInfo.InvariantCulture))
            .Text(" decades of extrapolation); the law's own optimum above is where the fitted form puts it, which on real studies extrapolated worse.");
        foreach (string warning in at.Warnings)
        {
            html.Text(" " + warning);
        }

        html.Close("p");
    }
}
