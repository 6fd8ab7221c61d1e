using System.Globalization;
using ClosedXML.Excel;
using static Scaling.Reports.Workbooks.WorkbookNames;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// The <c>Near-optimal</c> sheet: the model sizes whose loss at the budget lies within 0.5% and 1% of the optimum —
/// the practical "which sizes may we pick" answer — as live formulas.
/// </summary>
/// <remarks>
/// On the budget's iso-FLOP line, with x = ln(N/N*), D = D*·e^(−x) and the loss rises above L* by
/// f(x) = P·(e^(−αx) − 1) + Q·(e^(βx) − 1), where P = A/N*^α and Q = B/D*^β (Hoffmann et al. 2022, Eq. 2 along C = 6ND).
/// f is convex with f(0) = 0, so f(x) = ε·L* has one root on each side. The sheet starts from the quadratic
/// approximation x₀ = ±√(2εL*/(α²P + β²Q)) and takes <see cref="NewtonSteps"/> Newton steps, one cell each, which
/// converge to double precision (the tests compare with a bisection on the library's law). The valley is the law's,
/// about its own optimum; when a calibrated forecast of N* plans, it is moved so that its minimum sits at the plan's N*
/// (the sizes are the plan's N*·e^x), as the robust plan moves it.
/// </remarks>
internal static class NearOptimalSheet
{
    public const string SheetName = "Near-optimal";

    /// <summary>The two tolerances on the loss: 0.5% and 1% above the optimum.</summary>
    public const double Narrow = 0.005, Wide = 0.01;

    public const int NewtonSteps = 6;

    private const int FirstIterateColumn = 8;

    public static void Write(XLWorkbook workbook)
    {
        var sheet = workbook.Worksheets.Add(SheetName);
        string[] titles = ["Loss within", "Side", "Parameters N", "N / N*", "Tokens D", "Loss", "Above the optimum",
            .. Enumerable.Range(0, NewtonSteps + 1).Select(k => $"x{k} = ln(N/N*)")];
        SheetLayout.Header(sheet, titles);
        int row = 2;
        foreach (double tolerance in new[] { Narrow, Wide })
        {
            foreach (int side in new[] { -1, 1 })
            {
                Write(sheet, row, tolerance, side);
                workbook.NamedRanges.Add(side < 0 ? NearParametersLow(tolerance) : NearParametersHigh(tolerance), sheet.Range(row, 3, row, 3));
                row++;
            }
        }

        sheet.Range(2, 1, row - 1, 1).Style.NumberFormat.Format = WorkbookFormats.Percent;
        sheet.Range(2, 3, row - 1, 3).Style.NumberFormat.Format = WorkbookFormats.Count;
        sheet.Range(2, 4, row - 1, 4).Style.NumberFormat.Format = "0.00";
        sheet.Range(2, 5, row - 1, 5).Style.NumberFormat.Format = WorkbookFormats.Count;
        sheet.Range(2, 6, row - 1, 6).Style.NumberFormat.Format = WorkbookFormats.Loss;
        sheet.Range(2, 7, row - 1, 7).Style.NumberFormat.Format = "0.000%";
        sheet.Range(2, FirstIterateColumn, row - 1, FirstIterateColumn + NewtonSteps).Style.NumberFormat.Format = "0.000000";
        sheet.Range(2, 3, row - 1, 4).Style.Font.Bold = true;

        row++;
        foreach (var (label, name, formula) in new[]
        {
            ("Parameter term at N*: P = A/N*^alpha", NearParameterTerm, $"{LawA}/POWER({LawParameters},{LawAlpha})"),
            ("Data term at D*: Q = B/D*^beta", NearDataTerm, $"{LawB}/POWER({LawTokens},{LawBeta})"),
        })
        {
            sheet.Cell(row, 1).Value = label;
            sheet.Cell(row, 3).FormulaA1 = formula;
            sheet.Cell(row, 3).Style.NumberFormat.Format = WorkbookFormats.Exponent;
            workbook.NamedRanges.Add(name, sheet.Range(row, 3, row, 3));
            row++;
        }

        sheet.Cell(row + 1, 1).Value = "Along the budget's iso-FLOP line (C = k·N·D fixed), x = ln(N/N*) raises the loss by P·(e^(−alpha·x) − 1) + Q·(e^(beta·x) − 1). "
            + "Each x column is one Newton step towards the size where that rise equals the tolerance; the last is the answer.";
        sheet.Cell(row + 2, 1).Value = "The loss is flat near the optimum: sizes well away from N* lose little, so cost, memory and serving can decide within this range. "
            + "With a calibrated forecast of N* (Plan), the law's valley is moved so that its minimum sits at the forecast's N*.";
        sheet.Range(row + 1, 1, row + 2, 1).Style.Font.Italic = true;
        SheetLayout.Widths(sheet, [11, 9, 13, 9, 13, 9, 11, .. Enumerable.Repeat(12.0, NewtonSteps + 1)]);
    }

    private static void Write(IXLWorksheet sheet, int row, double tolerance, int side)
    {
        string last = Cell(row, FirstIterateColumn + NewtonSteps);
        sheet.Cell(row, 1).Value = tolerance;
        sheet.Cell(row, 2).Value = side < 0 ? "smallest" : "largest";
        sheet.Cell(row, 3).FormulaA1 = $"{PlanParameters}*EXP({last})";
        sheet.Cell(row, 4).FormulaA1 = $"EXP({last})";
        sheet.Cell(row, 5).FormulaA1 = $"{PlanFlops}/({FlopsPerParameterToken}*C{row})";
        // The loss along the law's valley at the same ratio to its own optimum (the plan's N* when no forecast moves it).
        string size = $"{LawParameters}*EXP({last})";
        sheet.Cell(row, 6).FormulaA1 = $"{LawE}+{LawA}/POWER({size},{LawAlpha})+{LawB}/POWER({PlanFlops}/({FlopsPerParameterToken}*{size}),{LawBeta})";
        sheet.Cell(row, 7).FormulaA1 = $"F{row}/{LawLoss}-1";
        string target = $"$A{row}*{LawLoss}";
        sheet.Cell(row, FirstIterateColumn).FormulaA1 = string.Create(CultureInfo.InvariantCulture,
            $"{side}*SQRT(2*{target}/({LawAlpha}^2*{NearParameterTerm}+{LawBeta}^2*{NearDataTerm}))");
        for (int k = 1; k <= NewtonSteps; k++)
        {
            string x = Cell(row, FirstIterateColumn + k - 1);
            string down = $"{NearParameterTerm}*EXP(-{LawAlpha}*{x})";
            string up = $"{NearDataTerm}*EXP({LawBeta}*{x})";
            sheet.Cell(row, FirstIterateColumn + k).FormulaA1 =
                $"{x}-({down}-{NearParameterTerm}+{up}-{NearDataTerm}-{target})/(-{LawAlpha}*{down}+{LawBeta}*{up})";
        }
    }

    private static string Cell(int row, int column) => $"{XLHelper.GetColumnLetterFromNumber(column)}{row}";
}
