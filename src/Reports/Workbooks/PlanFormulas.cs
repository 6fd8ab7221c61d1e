using static Scaling.Reports.Workbooks.WorkbookNames;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// N* at a budget as a workbook formula, the same rule on every sheet that plans (<c>Plan</c>, <c>Scenarios</c>,
/// <c>Sensitivity</c>): the calibrated forecast of N* when the fit carries one, ln N* = c0 + c1·u + c2·u² with
/// u = ln C − ln C0 (its coefficients on <c>Inputs</c>); else the law's frontier N* = G·(C/k)^a (Hoffmann et al. 2022, Eq. 4).
/// </summary>
internal static class PlanFormulas
{
    /// <summary>N* at the budget <paramref name="flops"/> (a cell, name or expression).</summary>
    public static string Parameters(PlanWorkbookContent content, string flops) => content.Extrapolation is null
        ? LawParametersAt(flops)
        : $"EXP({Polynomial(U(flops), 2, ForecastCoefficient)})";

    /// <summary>The law's own N* at <paramref name="flops"/>: G·(C/k)^a.</summary>
    public static string LawParametersAt(string flops) => $"{PlanG}*POWER({flops}/{FlopsPerParameterToken},{LawExponentA})";

    /// <summary>u = ln C − ln C0 for the budget <paramref name="flops"/>.</summary>
    public static string U(string flops) => $"(LN({flops})-{ForecastOrigin})";

    /// <summary>p0 + p1·u + … + p_degree·u^degree over the named coefficients.</summary>
    public static string Polynomial(string u, int degree, Func<int, string> coefficient) =>
        string.Join("+", Enumerable.Range(0, degree + 1).Select(k => k switch
        {
            0 => coefficient(0),
            1 => $"{coefficient(1)}*{u}",
            _ => $"{coefficient(k)}*{u}^{k}",
        }));
}
