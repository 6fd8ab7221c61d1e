using System.Globalization;
using Scaling.Allocation;
using Scaling.Fitting.Extrapolation;
using Scaling.Laws;
using Scaling.Text;

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
        html.Open("h1").Text("Train ").Number("title-parameters", optimum.Parameters, NumberText.Count(optimum.Parameters))
            .Text(" parameters on ").Number("title-tokens", optimum.Tokens, NumberText.Count(optimum.Tokens)).Text(" tokens").Close("h1");

        html.Open("p", ("class", "lead"));
        if (facts.Budget?.BudgetEuros is { } euros)
        {
            html.Number("lead-euros", euros, NumberText.Euros(euros)).Text($" on {facts.Budget.Resources.Assumptions.Accelerator.Name} buys ")
                .Number("lead-flops", optimum.Flops, NumberText.Scientific(optimum.Flops)).Text(" FLOPs. With them, ");
        }
        else
        {
            html.Text("With a budget of ").Number("lead-flops", optimum.Flops, NumberText.Scientific(optimum.Flops)).Text(" FLOPs, ");
        }

        if (facts.Plan is ForecastPlan forecast)
        {
            Forecast(html, facts, forecast, citations);
        }
        else
        {
            html.Text("the law ").Element("q", law.Name).Text(" ");
            CiteOrName(html, citations, law.Source);
            html.Text(" reaches its lowest loss, ").Number("lead-loss", optimum.Loss, NumberText.Loss(optimum.Loss))
                .Text(" nats per token, with a model of ").Number("lead-parameters", optimum.Parameters, NumberText.Count(optimum.Parameters))
                .Text(" parameters trained on ").Number("lead-tokens", optimum.Tokens, NumberText.Count(optimum.Tokens))
                .Text(" tokens: ").Number("lead-tokens-per-parameter", optimum.TokensPerParameter, NumberText.Ratio(optimum.TokensPerParameter))
                .Text(" tokens per parameter.").Close("p");
            if (facts.Plan is LawPlan { NoForecast: { } reason } lawPlan)
            {
                html.Open("p", ("class", "beside"), ("id", "no-forecast")).Text("No calibrated interval for N*: " + reason);
                if (lawPlan.LawIntervals is { } i)
                {
                    html.Text(" The fit's bootstrap puts N* between ").Number("law-optimum-parameters-lower", i.Parameters.Lower, NumberText.Count(i.Parameters.Lower))
                        .Text(" and ").Number("law-optimum-parameters-upper", i.Parameters.Upper, NumberText.Count(i.Parameters.Upper))
                        .Text(", which measures the runs' noise only, not the error of the law's form.");
                }

                html.Close("p");
            }
        }

        if (facts.Request.Fit is { } fit && Fitting.Approach3.FitWarnings.Of(fit, facts.Request.FitBootstrap).Count > 0)
        {
            html.Open("p", ("class", "warning"), ("id", "law-warning"))
                .Text("The fitted law does not describe your runs well (see ").Link("#fit", "The fit of your runs")
                .Text("): its predicted loss and its own optimum mean little. ")
                .Text(facts.Plan is ForecastPlan ? "N* comes from your runs' own IsoFLOP minima, which assume no law's form." : "Check the loss column before planning with it.")
                .Close("p");
        }

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
        Key(html, "Budget", "flops", optimum.Flops, NumberText.Scientific(optimum.Flops) + " FLOPs");
        if (facts.Budget?.BudgetEuros is { } euros)
        {
            Key(html, "Budget in euros", "budgetEuros", euros, NumberText.Euros(euros));
        }

        Key(html, "Parameters N*", "parameters", optimum.Parameters, NumberText.Count(optimum.Parameters));
        if (facts.Plan is ForecastPlan { Forecast: var at })
        {
            html.Open("div").Element("dt", $"N* {(at.Level * 100).ToString("0", CultureInfo.InvariantCulture)}% interval{(at.Calibrated ? " (calibrated)" : string.Empty)}").Open("dd")
                .Number("parametersLower", at.ParametersLower, NumberText.Count(at.ParametersLower)).Text(" to ")
                .Number("parametersUpper", at.ParametersUpper, NumberText.Count(at.ParametersUpper)).Close("dd").Close("div");
            if (at.Decades > 0)
            {
                Key(html, "Decades beyond your runs", "decades", at.Decades, NumberText.Decades(at.Decades));
            }
        }

        Key(html, "Training tokens D*", "tokens", optimum.Tokens, NumberText.Count(optimum.Tokens));
        Key(html, "Tokens per parameter", "tokensPerParameter", optimum.TokensPerParameter, NumberText.Ratio(optimum.TokensPerParameter));
        Key(html, "Predicted loss (nats/token)", "loss", optimum.Loss, NumberText.Loss(optimum.Loss));
        if (facts.Budget?.Resources is { } r)
        {
            Key(html, $"{r.Assumptions.Accelerator.Name} GPUs", "gpus", r.Gpus, NumberText.Whole(r.Gpus));
            Key(html, "Wall-clock time", "days", r.Days, NumberText.Days(r.Days));
            Key(html, "Cost", "costEuros", r.CostEuros, NumberText.Euros(r.CostEuros));
            if (r.KilowattHours is { } kwh && r.Co2Tonnes is { } co2)
            {
                Key(html, "Energy", "energyKilowattHours", kwh, NumberText.KilowattHours(kwh));
                Key(html, "CO₂", "co2Tonnes", co2, NumberText.Tonnes(co2));
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
        html.Text(" with E = ").Number("law-E", law.E, NumberText.Exponent(law.E))
            .Text(", A = ").Number("law-A", law.A, NumberText.Significant(law.A))
            .Text(", B = ").Number("law-B", law.B, NumberText.Significant(law.B))
            .Text(", α = ").Number("law-alpha", law.Alpha, NumberText.Exponent(law.Alpha))
            .Text(", β = ").Number("law-beta", law.Beta, NumberText.Exponent(law.Beta))
            .Text(". Under C = 6·N·D its optimum is ").Element("span", "N* = G·(C/6)^a, D* = G⁻¹·(C/6)^b", ("class", "formula"))
            .Text(": N* grows as C^").Number("exponentA", frontier.ExponentA, NumberText.Exponent(frontier.ExponentA))
            .Text(" and D* as C^").Number("exponentB", frontier.ExponentB, NumberText.Exponent(frontier.ExponentB))
            .Text(", so ten times the budget buys a model ").Number("tenfold-parameters", Math.Pow(10, frontier.ExponentA), NumberText.Significant(Math.Pow(10, frontier.ExponentA)))
            .Text("× larger trained on ").Number("tenfold-tokens", Math.Pow(10, frontier.ExponentB), NumberText.Significant(Math.Pow(10, frontier.ExponentB)))
            .Text("× the tokens.");
        if (facts.Plan is ForecastPlan)
        {
            html.Text(" That is the law's own optimum; the plan above takes N* from the forecast of your runs, and the law gives its loss.");
        }

        html.Close("p");
    }

    // With a calibrated forecast of N* (from --fit-runs or a fit file), the plan is the forecast's (FittedPlan decides it):
    // N* with its interval, how far the budget lies beyond the runs, then, second and named for what it is, the fitted
    // law's own optimum, whose bootstrap interval measures the runs' noise only.
    private static void Forecast(HtmlWriter html, PlanFacts facts, ForecastPlan plan, Citations citations)
    {
        var optimum = facts.Optimum;
        var at = plan.Forecast;
        var law = facts.Request.Law;
        string level = (at.Level * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
        html.Text($"the {plan.Method.Name()} forecast of your runs' IsoFLOP minima puts the compute-optimal model at ")
            .Number("lead-parameters", optimum.Parameters, NumberText.Count(optimum.Parameters)).Text($" parameters ({level} interval ")
            .Number("calibrated-parameters-lower", at.ParametersLower, NumberText.Count(at.ParametersLower)).Text(" to ")
            .Number("calibrated-parameters-upper", at.ParametersUpper, NumberText.Count(at.ParametersUpper))
            .Text(at.Calibrated ? ", calibrated on back-tests of published IsoFLOP studies" : ", not calibrated: the method's block bootstrap")
            .Text(") trained on ").Number("lead-tokens", optimum.Tokens, NumberText.Count(optimum.Tokens))
            .Text(" tokens: ").Number("lead-tokens-per-parameter", optimum.TokensPerParameter, NumberText.Ratio(optimum.TokensPerParameter))
            .Text(" tokens per parameter, where the law ").Element("q", law.Name).Text(" ");
        CiteOrName(html, citations, law.Source);
        html.Text(" predicts a loss of ").Number("lead-loss", optimum.Loss, NumberText.Loss(optimum.Loss)).Text(" nats per token.").Close("p");

        html.Open("p", ("class", "lead"), ("id", "lead-calibrated"));
        if (at.Decades > 0)
        {
            html.Text("Your largest run budget is 1/").Number("calibrated-budget-ratio", at.BudgetRatio, NumberText.Significant(at.BudgetRatio)).Text(" of this budget (")
                .Number("calibrated-decades", at.Decades, NumberText.Decades(at.Decades)).Text(" decades of extrapolation).");
        }
        else
        {
            html.Text(at.Distance);
        }

        foreach (string warning in at.Warnings)
        {
            html.Text(" " + warning);
        }

        html.Close("p");

        var own = plan.LawOptimum;
        html.Open("p", ("class", "beside"), ("id", "law-optimum")).Text("The fitted law's own optimum would be ")
            .Number("law-optimum-parameters", own.Parameters, NumberText.Count(own.Parameters)).Text(" parameters on ")
            .Number("law-optimum-tokens", own.Tokens, NumberText.Count(own.Tokens)).Text(" tokens");
        if (plan.LawIntervals is { } i)
        {
            html.Text($" ({(i.Parameters.Level * 100).ToString("0", CultureInfo.InvariantCulture)}% bootstrap interval of N* ")
                .Number("law-optimum-parameters-lower", i.Parameters.Lower, NumberText.Count(i.Parameters.Lower)).Text(" to ")
                .Number("law-optimum-parameters-upper", i.Parameters.Upper, NumberText.Count(i.Parameters.Upper))
                .Text(", which measures the runs' noise, not the error of the law's form)");
        }

        html.Text(": where the fitted form puts the optimum. On published IsoFLOP studies it extrapolated worse than the forecast, so the plan does not use it.").Close("p");
    }
}
