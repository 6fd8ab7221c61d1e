using ClosedXML.Excel;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// The <c>Inputs</c> sheet: every number the plan rests on, as a named, shaded, validated cell a reader may change.
/// </summary>
internal static class InputsSheet
{
    public const string SheetName = "Inputs";

    public static void Write(XLWorkbook workbook, PlanWorkbookContent content)
    {
        var sheet = workbook.Worksheets.Add(SheetName);
        SheetLayout.Header(sheet, "Input", "Value", "Unit", "Meaning and source (shaded cells are inputs: change them and every other sheet recalculates)");
        int row = SheetLayout.Section(sheet, 2, "Budget");
        row = SheetLayout.Rows(sheet, row, Budget(content));
        row = SheetLayout.Section(sheet, row + 1, $"Loss law '{content.Law.Name}': L(N, D) = E + A/N^alpha + B/D^beta");
        row = SheetLayout.Rows(sheet, row, Law(content));
        if (content.Extrapolation is { } extrapolation)
        {
            row = SheetLayout.Section(sheet, row + 1, $"Forecast of N* fitted to your runs ({Fitting.Extrapolation.ExtrapolationMethodNames.Name(extrapolation.Forecast.Method)} method): ln N* = c0 + c1·u + c2·u², u = ln C − ln C0");
            row = SheetLayout.Rows(sheet, row, Forecast(extrapolation));
        }
        if (content.Resources is { } resources)
        {
            row = SheetLayout.Section(sheet, row + 1, "Hardware, price and energy");
            row = SheetLayout.Rows(sheet, row, ResourceRows.Inputs(content, resources));
            row = SheetLayout.Section(sheet, row + 1, "Water and the hardware's manufacture");
            row = SheetLayout.Rows(sheet, row, ResourceRows.Footprint(resources));
        }

        SheetLayout.Widths(sheet, 34, 16, 12, SheetLayout.NoteColumnWidth);
        SheetLayout.Wrap(sheet, 4, 2, row - 1);
    }

    private static IEnumerable<WorkbookRow> Budget(PlanWorkbookContent content)
    {
        if (content.BudgetEuros is { } euros)
        {
            yield return WorkbookRow.Input("Training budget", WorkbookNames.BudgetEuros, euros, "", WorkbookFormats.Euros,
                "What the training run may cost; the FLOPs follow from the GPU's price, peak and MFU below.") with { Bounds = (1, 1e13) };
        }
        else
        {
            yield return WorkbookRow.Input("Training budget C", WorkbookNames.BudgetFlops, content.BudgetFlops, "FLOPs", WorkbookFormats.Scientific,
                "Total training compute, C = k·N·D.") with { Bounds = (1e10, 1e32) };
        }

        yield return WorkbookRow.Input("FLOPs per parameter per token k", WorkbookNames.FlopsPerParameterToken, content.FlopsPerParameterToken, "FLOPs", WorkbookFormats.Ratio,
            "6 = 2 forward + 4 backward (Kaplan et al. 2020, arXiv 2001.08361, §2.1).") with { Bounds = (1, 100) };
    }

    // The forecast as 'scaling fit' wrote it: its polynomial, the variance of ln N̂ as a polynomial in u (from the
    // coefficients' covariance Σ and the vertex noise σ²: Var = σ² + f(u)ᵀΣf(u), f = (1, u, u²)), and the quantile q.
    private static IEnumerable<WorkbookRow> Forecast(Fitting.Extrapolation.CalibratedExtrapolation extrapolation)
    {
        var f = extrapolation.Forecast;
        int p = f.Coefficients.Count;
        double Sigma(int a, int b) => a < p && b < p ? f.Covariance[(a * p) + b] : 0;
        double[] c = [f.Coefficients[0], f.Coefficients[1], p > 2 ? f.Coefficients[2] : 0];
        double[] v =
        [
            f.NoiseVariance + Sigma(0, 0),
            2 * Sigma(0, 1),
            Sigma(1, 1) + (2 * Sigma(0, 2)),
            2 * Sigma(1, 2),
            Sigma(2, 2),
        ];
        const string From = "Fitted to your runs (Backtest sheet); change it only to try another forecast.";
        yield return WorkbookRow.Input("ln C0 (origin)", WorkbookNames.ForecastOrigin, f.OriginLogFlops, "ln FLOPs", WorkbookFormats.Exponent, "The ln FLOPs about which the forecast is written. " + From);
        string[] meaning = ["c0: ln N* at the origin", "c1: the exponent at the origin", "c2: the exponent's drift with ln C"];
        for (int k = 0; k < 3; k++)
        {
            yield return WorkbookRow.Input($"c{k}", WorkbookNames.ForecastCoefficient(k), c[k], "-", WorkbookFormats.Exponent, meaning[k] + ". " + From);
        }

        for (int k = 0; k < 5; k++)
        {
            yield return WorkbookRow.Input($"v{k}", WorkbookNames.ForecastVariance(k), v[k], "-", WorkbookFormats.Scientific,
                $"Coefficient of u^{k} in the predictive variance of ln N* (its coefficients' covariance and the IsoFLOP vertices' noise). " + From);
        }

        yield return WorkbookRow.Input("Largest budget of your runs", WorkbookNames.ForecastLargestBudgetFlops, f.LargestBudgetFlops, "FLOPs", WorkbookFormats.Scientific,
            "The largest IsoFLOP budget the forecast rests on: how far the plan extrapolates is measured from it.");
        yield return WorkbookRow.Input("q (interval quantile)", WorkbookNames.ForecastQuantile, extrapolation.Quantile, "-", WorkbookFormats.Exponent,
            extrapolation.Calibrated
                ? "The interval is N*·exp(±q·s(C)); q calibrated so that it covered 95% of held-out optima of published IsoFLOP studies (widened by your runs' own back-test when it missed by more)."
                : "The interval is N*·exp(±q·s(C)); q = 1.96, a Gaussian 95% of the method's block bootstrap, not calibrated.");
    }

    private static IEnumerable<WorkbookRow> Law(PlanWorkbookContent content)
    {
        var law = content.LossLaw;
        string source = content.Law.Source;
        yield return WorkbookRow.Input("E (irreducible loss)", WorkbookNames.LawE, law.E, "nats/token", WorkbookFormats.Exponent, $"Entropy of natural text; {source}.") with { Bounds = (1e-6, 100) };
        yield return WorkbookRow.Input("A", WorkbookNames.LawA, law.A, "nats/token", WorkbookFormats.Exponent, "Scale of the parameter term A/N^alpha.") with { Bounds = (1e-6, 1e12) };
        yield return WorkbookRow.Input("B", WorkbookNames.LawB, law.B, "nats/token", WorkbookFormats.Exponent, "Scale of the data term B/D^beta.") with { Bounds = (1e-6, 1e12) };
        yield return WorkbookRow.Input("alpha", WorkbookNames.LawAlpha, law.Alpha, "-", WorkbookFormats.Exponent, "Exponent of the parameter term.") with { Bounds = (1e-3, 5) };
        yield return WorkbookRow.Input("beta", WorkbookNames.LawBeta, law.Beta, "-", WorkbookFormats.Exponent, "Exponent of the data term.") with { Bounds = (1e-3, 5) };
    }
}
