using ClosedXML.Excel;
using static Scaling.Reports.Workbooks.WorkbookNames;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// The <c>Plan</c> sheet: live formulas from the <c>Inputs</c> cells to the plan. Without a forecast, the law's
/// compute-optimal plan (Hoffmann et al. 2022, Eq. 4 and App. A): N* = G·(C/k)^a, D* = C/(k·N*), with
/// G = (αA/(βB))^(1/(α+β)). With the calibrated forecast of N* a fit carries, N* = exp(c0 + c1·u + c2·u²) with its
/// calibrated interval N*·e^(±q·s(C)), D* = C/(k·N*) and the law's loss there; the law's own optimum follows, second.
/// </summary>
internal static class PlanSheet
{
    public const string SheetName = "Plan";

    /// <summary>The formula rows for <paramref name="content"/>, in order; tests evaluate each against the library.</summary>
    public static IReadOnlyList<WorkbookRow> Rows(PlanWorkbookContent content)
    {
        var rows = new List<WorkbookRow> { Compute(content) };
        rows.AddRange(content.Extrapolation is { } extrapolation ? ForecastRows(extrapolation).Concat(LawOwnRows) : LawRows);
        if (content.Resources is not null)
        {
            rows.AddRange(ResourceRows.Plan());
        }

        return rows;
    }

    private static WorkbookRow Compute(PlanWorkbookContent content) => content.BudgetEuros is null
        ? WorkbookRow.Computed("Training compute C", PlanFlops, BudgetFlops, "FLOPs", WorkbookFormats.Scientific, "The budget from Inputs.")
        : WorkbookRow.Computed("Training compute C", PlanFlops, ResourceFormulas.FlopsForEuros(BudgetEuros), "FLOPs", WorkbookFormats.Scientific,
            "Budget / price · 3600 · peak · MFU: the FLOPs the euros buy.");

    private static readonly WorkbookRow G =
        WorkbookRow.Computed("G", PlanG, $"POWER({LawAlpha}*{LawA}/({LawBeta}*{LawB}),1/({LawAlpha}+{LawBeta}))", "-", WorkbookFormats.Exponent,
            "G = (alpha·A/(beta·B))^(1/(alpha+beta)).");

    private static readonly WorkbookRow[] LawRows =
    [
        G,
        WorkbookRow.Computed("Exponent a (N* grows as C^a)", PlanExponentA, $"{LawBeta}/({LawAlpha}+{LawBeta})", "-", WorkbookFormats.Exponent, "a = beta/(alpha+beta)."),
        WorkbookRow.Computed("Exponent b (D* grows as C^b)", PlanExponentB, $"{LawAlpha}/({LawAlpha}+{LawBeta})", "-", WorkbookFormats.Exponent, "b = alpha/(alpha+beta) = 1 − a."),
        WorkbookRow.Computed("Optimal parameters N*", PlanParameters, $"{PlanG}*POWER({PlanFlops}/{FlopsPerParameterToken},{PlanExponentA})", "parameters", WorkbookFormats.Count,
            "N* = G·(C/k)^a."),
        WorkbookRow.Computed("Optimal tokens D*", PlanTokens, $"{PlanFlops}/({FlopsPerParameterToken}*{PlanParameters})", "tokens", WorkbookFormats.Count,
            "D* = C/(k·N*), so k·N*·D* = C exactly."),
        WorkbookRow.Computed("Tokens per parameter", PlanTokensPerParameter, $"{PlanTokens}/{PlanParameters}", "tokens/parameter", WorkbookFormats.Ratio, "D*/N*."),
        WorkbookRow.Computed("Predicted loss", PlanLoss, $"{LawE}+{LawA}/POWER({PlanParameters},{LawAlpha})+{LawB}/POWER({PlanTokens},{LawBeta})", "nats/token", WorkbookFormats.Loss,
            "L = E + A/N*^alpha + B/D*^beta."),
    ];

    // Without a forecast the law's own optimum is the plan: its names point at the plan's cells.
    private static readonly (string Name, string PlanName)[] LawAliases =
        [(LawExponentA, PlanExponentA), (LawParameters, PlanParameters), (LawTokens, PlanTokens), (LawLoss, PlanLoss)];

    private static IEnumerable<WorkbookRow> ForecastRows(Fitting.Extrapolation.CalibratedExtrapolation extrapolation)
    {
        string method = Fitting.Extrapolation.ExtrapolationMethodNames.Name(extrapolation.Forecast.Method);
        string level = (extrapolation.Level * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%";
        string interval = extrapolation.Calibrated ? $"{level} interval calibrated on back-tests of published IsoFLOP studies" : $"{level} interval of the method's block bootstrap, not calibrated";
        yield return WorkbookRow.Computed("Forecast: u = ln C − ln C0", PlanForecastU, $"LN({PlanFlops})-{ForecastOrigin}", "-", WorkbookFormats.Exponent,
            "How far the budget lies from the forecast's origin, in ln FLOPs.");
        yield return WorkbookRow.Computed("Optimal parameters N*", PlanParameters, $"EXP({PlanFormulas.Polynomial(PlanForecastU, 2, ForecastCoefficient)})", "parameters", WorkbookFormats.Count,
            $"N* = exp(c0 + c1·u + c2·u²): the {method} forecast of your runs' IsoFLOP minima (Backtest sheet), what 'scaling plan --law fit.json' plans with.");
        yield return WorkbookRow.Computed("Scale of ln N* at C: s(C)", PlanForecastScale, $"SQRT(MAX({PlanFormulas.Polynomial(PlanForecastU, 4, ForecastVariance)},0))", "-", WorkbookFormats.Exponent,
            "s(C)² = v0 + v1·u + … + v4·u⁴: the forecast's predictive variance of ln N*, which grows with the distance from your runs.");
        yield return WorkbookRow.Computed($"N* lower end ({level})", PlanParametersLower, $"{PlanParameters}*EXP(-{ForecastQuantile}*{PlanForecastScale})", "parameters", WorkbookFormats.Count,
            $"N*·exp(−q·s(C)): the {interval}.");
        yield return WorkbookRow.Computed($"N* upper end ({level})", PlanParametersUpper, $"{PlanParameters}*EXP({ForecastQuantile}*{PlanForecastScale})", "parameters", WorkbookFormats.Count,
            "N*·exp(q·s(C)).");
        yield return WorkbookRow.Computed("Exponent a (N* grows as C^a here)", PlanExponentA, $"{ForecastCoefficient(1)}+2*{ForecastCoefficient(2)}*{PlanForecastU}", "-", WorkbookFormats.Exponent,
            "a = d ln N*/d ln C = c1 + 2·c2·u: the forecast's local exponent.");
        yield return WorkbookRow.Computed("Exponent b (D* grows as C^b here)", PlanExponentB, $"1-{PlanExponentA}", "-", WorkbookFormats.Exponent, "b = 1 − a.");
        yield return WorkbookRow.Computed("Optimal tokens D*", PlanTokens, $"{PlanFlops}/({FlopsPerParameterToken}*{PlanParameters})", "tokens", WorkbookFormats.Count,
            "D* = C/(k·N*), so k·N*·D* = C exactly.");
        yield return WorkbookRow.Computed("Tokens per parameter", PlanTokensPerParameter, $"{PlanTokens}/{PlanParameters}", "tokens/parameter", WorkbookFormats.Ratio, "D*/N*.");
        yield return WorkbookRow.Computed("Predicted loss", PlanLoss, $"{LawE}+{LawA}/POWER({PlanParameters},{LawAlpha})+{LawB}/POWER({PlanTokens},{LawBeta})", "nats/token", WorkbookFormats.Loss,
            "The law's loss at this plan: L = E + A/N*^alpha + B/D*^beta.");
    }

    // The fitted law's own optimum, second: what the law alone would plan, whose bootstrap interval measures the runs' noise only.
    private static readonly WorkbookRow[] LawOwnRows =
    [
        G,
        WorkbookRow.Computed("The law's own exponent a", LawExponentA, $"{LawBeta}/({LawAlpha}+{LawBeta})", "-", WorkbookFormats.Exponent, "a = beta/(alpha+beta)."),
        WorkbookRow.Computed("The law's own N*", LawParameters, PlanFormulas.LawParametersAt(PlanFlops), "parameters", WorkbookFormats.Count,
            "G·(C/k)^a: the fitted law's own optimum, for comparison; on published studies it extrapolated worse than the forecast (docs/extrapolation.md)."),
        WorkbookRow.Computed("The law's own D*", LawTokens, $"{PlanFlops}/({FlopsPerParameterToken}*{LawParameters})", "tokens", WorkbookFormats.Count, "C/(k·N*) for the law's own N*."),
        WorkbookRow.Computed("The law's own loss", LawLoss, $"{LawE}+{LawA}/POWER({LawParameters},{LawAlpha})+{LawB}/POWER({LawTokens},{LawBeta})", "nats/token", WorkbookFormats.Loss,
            "The law's lowest loss at this budget."),
    ];

    public static void Write(XLWorkbook workbook, PlanWorkbookContent content)
    {
        var sheet = workbook.Worksheets.Add(SheetName);
        SheetLayout.Header(sheet, "Quantity", "Value", "Unit", "Formula");
        int end = SheetLayout.Rows(sheet, 2, Rows(content));
        if (content.Extrapolation is null)
        {
            foreach (var (name, planName) in LawAliases)
            {
                workbook.NamedRanges.Add(name, workbook.Range(planName));
            }
        }

        if (content.Resources is not null)
        {
            // A plan that runs for years is no plan: the days turn red (Summary says why).
            sheet.Workbook.Range(PlanDays).AddConditionalFormat().WhenGreaterThan(ResourceRows.LongPlanDays)
                .Fill.SetBackgroundColor(XLColor.FromHtml("#F8CBAD")).Font.SetBold();
        }

        SheetLayout.Widths(sheet, 34, 16, 12, SheetLayout.NoteColumnWidth);
        SheetLayout.Wrap(sheet, 4, 2, end - 1);
    }
}
