using System.Globalization;
using Scaling.Fitting;
using Scaling.Fitting.Approach3;
using Scaling.Fitting.Bootstrap;
using Scaling.Text;

namespace Scaling.Reports.Html;

/// <summary>With <c>--fit-runs</c>: the fitted coefficients with their bootstrap intervals, and the optimiser's diagnostics.</summary>
internal static class FitSection
{
    /// <summary>Hoffmann et al. 2022, App. D.2: Approach 3 fits with a Huber loss on log-loss residuals, L-BFGS from a grid of starts.</summary>
    public const string ApproachSource = "Hoffmann et al. 2022, arXiv 2203.15556, Section 3.3 and Appendix D.2 (Approach 3: Huber loss on log residuals, L-BFGS from a grid of starts)";

    /// <summary>Efron and Tibshirani 1993: percentile intervals (§13.3) and bootstrap standard errors (§6.2).</summary>
    public const string BootstrapSource = "Efron and Tibshirani 1993, \"An Introduction to the Bootstrap\", §6.2 and §13.3, doi 10.1201/9780429246593";

    // The page's id of each quantity (fit-E, fit-exponentA, …), its label, its estimate (none for the plan, which only
    // the bootstrap gives) and its interval.
    private static readonly (string Key, string Label, Func<ParametricFitResult, double?> Estimate, Func<BootstrapIntervals, Interval?> Interval)[] Quantities =
    [
        ("E", "E (irreducible loss)", f => f.Law.E, i => i.E), ("A", "A", f => f.Law.A, i => i.A), ("B", "B", f => f.Law.B, i => i.B),
        ("alpha", "α", f => f.Law.Alpha, i => i.Alpha), ("beta", "β", f => f.Law.Beta, i => i.Beta),
        ("exponentA", "a = β/(α+β)", f => f.ExponentA, i => i.ExponentA), ("exponentB", "b = α/(α+β)", f => f.ExponentB, i => i.ExponentB),
        ("parameters", "The law's own N* at the budget", _ => null, i => i.Plan?.Parameters), ("tokens", "The law's own D* at the budget", _ => null, i => i.Plan?.Tokens),
        ("tokensPerParameter", "The law's own D*/N* at the budget", _ => null, i => i.Plan?.TokensPerParameter),
    ];

    public static void Write(HtmlWriter html, ReportRequest request, Citations citations, IReadOnlyList<HtmlFigure> figures, IReadOnlyList<string> files)
    {
        if (request.Fit is not { } fit)
        {
            return;
        }

        html.Open("section", ("id", "fit"), ("aria-labelledby", "fit-title"));
        html.Element("h2", "The fit of your runs", ("id", "fit-title"));
        html.Open("p").Text("The law was fitted to ").Number("fit-runs", fit.RunsUsed, fit.RunsUsed.ToString(CultureInfo.InvariantCulture))
            .Text(" runs with Approach 3 ");
        citations.Cite(html, ApproachSource);
        if (request.FitBootstrap is { } bootstrap)
        {
            html.Text($"; the intervals are 95% percentile intervals from {bootstrap.Resamples.ToString(CultureInfo.InvariantCulture)} bootstrap resamples ");
            citations.Cite(html, BootstrapSource);
        }

        html.Text(".").Close("p");
        if (files.Contains("plan.xlsx"))
        {
            html.Open("p", ("class", "beside")).Text("Every run with its residual: the Fit sheet of ").Link("plan.xlsx", "plan.xlsx").Text(".").Close("p");
        }

        Coefficients(html, fit, request.FitBootstrap);
        Diagnostics(html, fit, request.FitBootstrap);
        foreach (var figure in figures.Where(f => f.Name.StartsWith("fit-", StringComparison.Ordinal)))
        {
            FiguresSection.WriteFigure(html, figure, files);
        }

        html.Close("section");
    }

    private static void Coefficients(HtmlWriter html, ParametricFitResult fit, BootstrapResult? bootstrap)
    {
        html.ScrollBox().Open("table", ("id", "fit-coefficients"));
        html.Element("caption", "Fitted coefficients and the law's own optimum they imply, with 95% bootstrap intervals (which measure the runs' noise, not the error of the law's form)");
        html.Open("thead").Open("tr");
        foreach (string header in new[] { "Quantity", "Estimate", "95% interval", "Standard error" })
        {
            html.Element("th", header, ("scope", "col"), ("class", header == "Quantity" ? null : "number"));
        }

        html.Close("tr").Close("thead").Open("tbody");
        foreach (var (key, label, estimateOf, intervalOf) in Quantities)
        {
            var interval = bootstrap is null ? null : intervalOf(bootstrap.Intervals);
            double? estimate = interval?.Estimate ?? estimateOf(fit);
            if (estimate is not { } value)
            {
                continue;
            }

            html.Open("tr").Element("th", label, ("scope", "row"));
            html.Open("td", ("class", "number")).Number($"fit-{key}", value, Format(key, value)).Close("td");
            if (interval is not null)
            {
                html.Open("td", ("class", "number")).Text("[").Number($"fit-{key}-lower", interval.Lower, Format(key, interval.Lower)).Text(", ")
                    .Number($"fit-{key}-upper", interval.Upper, Format(key, interval.Upper)).Text("]").Close("td");
                if (double.IsFinite(interval.StandardError))
                {
                    html.Open("td", ("class", "number")).Number($"fit-{key}-standardError", interval.StandardError, Format(key, interval.StandardError)).Close("td");
                }
                else
                {
                    // The refits spread beyond what a number holds; the diagnostics below say so.
                    html.Element("td", "—", ("class", "number"));
                }
            }
            else
            {
                html.Element("td", "—", ("class", "number")).Element("td", "—", ("class", "number"));
            }

            html.Close("tr");
        }

        html.Close("tbody").Close("table").Close("div");
    }

    private static string Format(string key, double value) => key switch
    {
        "parameters" or "tokens" => NumberText.Count(value),
        "tokensPerParameter" => NumberText.Significant(value),
        "A" or "B" => NumberText.Significant(value),
        _ => NumberText.Exponent(value),
    };

    private static void Diagnostics(HtmlWriter html, ParametricFitResult fit, BootstrapResult? bootstrap)
    {
        html.Element("h3", "Can the fit be trusted?");
        html.Open("ul", ("id", "fit-diagnostics"));
        html.Open("li").Text(fit.Converged ? "Converged: " : "Not converged: ").Text("the largest gradient component is ")
            .Number("fit-gradientNorm", fit.GradientNorm, NumberText.Scientific(fit.GradientNorm))
            .Text($" after {fit.Iterations.ToString(CultureInfo.InvariantCulture)} L-BFGS iterations.").Close("li");
        html.Open("li").Number("fit-startsAtBest", fit.StartsAtBest, fit.StartsAtBest.ToString(CultureInfo.InvariantCulture))
            .Text($" of {fit.Starts.ToString(CultureInfo.InvariantCulture)} starts reached the best objective ({fit.StartsConverged.ToString(CultureInfo.InvariantCulture)} converged).").Close("li");
        html.Element("li", fit.OnGridBoundary
            ? $"The optimum lies on the boundary of the grid of starts in {string.Join(", ", fit.GridBoundaryAxes)}: widen the grid before trusting it."
            : "The optimum lies inside the grid of starts.");
        html.Open("li").Text("Log residuals: root mean square ").Number("fit-residualRms", fit.Residuals.RootMeanSquare, NumberText.Exponent(fit.Residuals.RootMeanSquare))
            .Text(", largest ").Number("fit-residualMax", fit.Residuals.MaxAbsolute, NumberText.Exponent(fit.Residuals.MaxAbsolute))
            .Text($", over {fit.RunsUsed.ToString(CultureInfo.InvariantCulture)} runs ({fit.RunsExcluded.ToString(CultureInfo.InvariantCulture)} highest-loss runs left out); Huber δ = {fit.HuberDelta.ToString("G3", CultureInfo.InvariantCulture)}.").Close("li");
        if (bootstrap is not null)
        {
            html.Element("li", $"Bootstrap: {bootstrap.Converged.ToString(CultureInfo.InvariantCulture)} of {bootstrap.Resamples.ToString(CultureInfo.InvariantCulture)} refits converged (seed {bootstrap.Seed.ToString(CultureInfo.InvariantCulture)}).");
        }

        foreach (string warning in FitWarnings.Of(fit, bootstrap))
        {
            html.Element("li", "Warning: " + warning, ("class", "warning"));
        }

        html.Close("ul");
    }
}
