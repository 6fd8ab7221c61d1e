using ClosedXML.Excel;
using Scaling.Text;
using static Scaling.Reports.Workbooks.WorkbookNames;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// The <c>Summary</c> sheet: the plan in plain sentences, built by formulas from the <c>Plan</c> cells so that they
/// stay true when a reader changes an input.
/// </summary>
internal static class SummarySheet
{
    public const string SheetName = "Summary";

    public static void Write(XLWorkbook workbook, PlanWorkbookContent content)
    {
        var sheet = workbook.Worksheets.Add(SheetName);
        sheet.Cell(1, 1).Value = "Compute-optimal training plan";
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 16;
        int row = 3;
        foreach (string formula in Sentences(content).Concat(content.Resources is null ? [] : ResourceSentences()))
        {
            sheet.Cell(row++, 1).FormulaA1 = formula;
        }

        if (content.Resources is not null)
        {
            // The warning, last: red and bold whenever it says something.
            sheet.Cell(row - 1, 1).Style.Font.FontColor = XLColor.FromHtml("#C00000");
            sheet.Cell(row - 1, 1).Style.Font.Bold = true;
        }

        row++;
        sheet.Cell(row++, 1).Value = $"Law: '{content.Law.Name}' — {content.Law.Source}.";
        sheet.Cell(row++, 1).Value = "Change the shaded cells on the Inputs sheet; every other sheet follows. Sensitivity and Law spread show what moves the answer.";
        sheet.Cell(row, 1).Value = "Compute C = 6·N·D counts training only; the loss is in nats per token on the law's own data.";
        sheet.Column(1).Width = SentenceWidth;
        SheetLayout.Print(sheet);
    }

    /// <summary>
    /// Wraps the sentences, once every sheet they read exists: each row gets the lines its text needs at save, so a
    /// long sentence is never cut at the page edge.
    /// </summary>
    public static void Wrap(XLWorkbook workbook)
    {
        var sheet = workbook.Worksheet(SheetName);
        SheetLayout.Wrap(sheet, 1, 3, (sheet.LastRowUsed() ?? throw new InvalidOperationException("the summary sheet is empty.")).RowNumber());
    }

    private const double SentenceWidth = 100;

    private static IEnumerable<string> Sentences(PlanWorkbookContent content)
    {
        yield return $"\"Train a model of \"&{Count(PlanParameters)}&\" parameters on \"&{Count(PlanTokens)}&\" tokens (\"&ROUND({PlanTokensPerParameter},0)&\" tokens per parameter).\"";
        yield return $"\"That is the compute-optimal use of a budget of \"&{Scientific(PlanFlops)}&\" FLOPs; the law predicts a loss of \"&{Grouped(PlanLoss, NumberText.LossDecimals)}&\" nats per token.\"";
        if (content.Extrapolation is { } extrapolation)
        {
            string method = Fitting.Extrapolation.ExtrapolationMethodNames.Name(extrapolation.Forecast.Method);
            string level = (extrapolation.Level * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%";
            string how = extrapolation.Calibrated ? "calibrated on back-tests of published IsoFLOP studies" : "not calibrated";
            yield return $"\"N* comes from the {method} forecast of your runs' IsoFLOP minima: {level} interval \"&{Count(PlanParametersLower)}&\" to \"&{Count(PlanParametersUpper)}&\" ({how}). \"&"
                + $"IF({PlanFlops}>{ForecastLargestBudgetFlops},\"Your largest run budget is 1/\"&{Ratio($"{PlanFlops}/{ForecastLargestBudgetFlops}")}&\" of this budget: \"&ROUND(LOG10({PlanFlops}/{ForecastLargestBudgetFlops}),1)&\" decades of extrapolation.\",\"This budget lies within your runs.\")";
            yield return $"\"The fitted law's own optimum would be \"&{Count(LawParameters)}&\" parameters; its bootstrap interval measures the runs' noise only, and on published studies it extrapolated worse (Backtest).\"";
        }

        yield return $"\"Any size from \"&{Count(NearParametersLow(NearOptimalSheet.Wide))}&\" to \"&{Count(NearParametersHigh(NearOptimalSheet.Wide))}&\" parameters comes within 1% of that loss (\"&"
            + $"{Count(NearParametersLow(NearOptimalSheet.Narrow))}&\" to \"&{Count(NearParametersHigh(NearOptimalSheet.Narrow))}&\" within 0.5%): the sizes you may pick.\"";
        yield return $"\"The choice of law moves N* most: the preset laws give \"&{Count($"MIN({SpreadParameters})")}&\" (\"&{LawOf("MIN")}&\") to \"&{Count($"MAX({SpreadParameters})")}&\" (\"&{LawOf("MAX")}&\") at this budget (Law spread).\"";
        yield return $"\"With more compute, grow the model as C^\"&ROUND({PlanExponentA},4)&\" and the data as C^\"&ROUND({PlanExponentB},4)&\".\"";
    }

    private static IEnumerable<string> ResourceSentences()
    {
        yield return $"\"On \"&{Grouped(PlanGpus, 0)}&\" × \"&{GpuName}&\" it takes \"&{Duration(PlanDays)}&\" (\"&{Hours(PlanGpuHours)}&\" GPU-hours) and costs €\"&{Euros(PlanCostEuros)}&\".\"";
        yield return $"\"Energy: \"&IF(ISNUMBER({PlanKilowattHours}),{Energy(PlanKilowattHours)}&\", \"&{Carbon(PlanCo2Tonnes)}&\" CO₂\",\"unknown (no power figure for this GPU)\")&\"; activations are not included in the memory estimate.\"";

        // How the GPUs were chosen, in words, as the page and the CLI say it.
        // Below one node the count is a power of two, not whole nodes (GpuCount.ToWholeNodes).
        string nodes = $"IF(AND({GpusPerNode}>1,{PlanGpus}>={GpusPerNode}),\"whole nodes of \"&{GpusPerNode}&\" GPUs\","
            + $"IF({GpusPerNode}>1,\"GPUs (a power of two, under one node of \"&{GpusPerNode}&\")\",\"GPUs\"))";
        yield return $"IF({GpusGiven}>0,\"That is the GPU count given on Inputs.\","
            + $"IF({DeadlineDays}>0,\"That is the fewest \"&{nodes}&\" that finish within the \"&{DeadlineDays}&\"-day deadline.\","
            + $"IF({ScheduleDays}>0,\"That is the fewest \"&{nodes}&\" that finish within the \"&{ScheduleDays}&\"-day schedule (Inputs), at least those whose memory holds the training state.\","
            + $"\"That is the fewest \"&{nodes}&\" whose memory holds the training state.\")))";

        // A plan over a year is one no one would start: say so in words, and what changes it.
        yield return $"IF({PlanDays}>{ResourceRows.LongPlanDays},\"Warning: \"&ROUND({PlanDays}/365,1)&\" years is longer than anyone waits for one training run; "
            + "give a schedule or a deadline, or more GPUs, on Inputs.\",\"\")";
    }

    // "311.4 MWh", "0.6 kWh".
    private static string Energy(string kilowattHours) =>
        $"IF({kilowattHours}>=1000,{Grouped($"{kilowattHours}/1000", 1)}&\" MWh\",{Grouped(kilowattHours, 1)}&\" kWh\")";

    // "124.6 t", "0.2 kg".
    private static string Carbon(string tonnes) =>
        $"IF({tonnes}>=1,{Grouped(tonnes, 1)}&\" t\",{Grouped($"{tonnes}*1000", 1)}&\" kg\")";

    // The law with the smallest (MIN) or largest (MAX) N* on Law spread.
    private static string LawOf(string extreme) =>
        $"INDEX({SpreadLaws},MATCH({extreme}({SpreadParameters}),{SpreadParameters},0))";

    // "30", "4.5", "5,000": a ratio with one decimal below 100, three significant figures and separators above (as the CLI says it).
    private static string Ratio(string name) =>
        $"IF({name}>=100,{Grouped($"ROUND({name},2-INT(LOG10({name})))", 0)},ROUND({name},1))";

    // "5.76E+23": mantissa and power of ten, as NumberText.Scientific.
    private static string Scientific(string name)
    {
        string exponent = $"INT(LOG10({name})+1E-12)";
        return $"{Grouped($"{name}/10^{exponent}", NumberText.SignificantDigits - 1)}&\"E\"&IF({exponent}<0,\"-\",\"+\")&RIGHT(\"0\"&ABS({exponent}),2)";
    }

    // "1.21 million", "404,449", "2.10": thousands separators, and cents only where they matter.
    private static string Euros(string name) =>
        $"IF({name}>=1E6,{Grouped($"{name}/1E6", 2)}&\" million\",IF({name}>=100,{Grouped(name, 0)},{Grouped(name, 2)}))";

    // "404,449", "0.70": a small budget still reads as a number of GPU-hours.
    private static string Hours(string name) => $"IF({name}>=10,{Grouped(name, 0)},{Grouped(name, 2)})";

    // "991.3 days", "16.8 hours": no "0 days" for a small budget.
    private static string Duration(string name) =>
        $"IF({name}>=1,{Grouped(name, 1)}&\" days\",{Grouped($"{name}*24", 1)}&\" hours\")";

    // "404,449", "1,329.9": thousands separators for a non-negative number, rounded to <decimals> places. FIXED and
    // TEXT would do, but ClosedXML 0.95 evaluates FIXED only on literal numbers and TEXT not at all.
    private static string Grouped(string value, int decimals)
    {
        string rounded = $"ROUND({value},{decimals})";
        string whole = $"INT({rounded})";
        string Three(string part) => $"RIGHT(\"00\"&{part},3)";
        string units = Three($"MOD({whole},1E3)");
        string thousands = Three($"INT(MOD({whole},1E6)/1E3)");
        string millions = Three($"INT(MOD({whole},1E9)/1E6)");
        string grouped = $"IF({whole}>=1E9,INT({whole}/1E9)&\",\"&{millions}&\",\"&{thousands}&\",\"&{units},"
            + $"IF({whole}>=1E6,INT({whole}/1E6)&\",\"&{thousands}&\",\"&{units},IF({whole}>=1E3,INT({whole}/1E3)&\",\"&{units},{whole})))";
        return decimals == 0
            ? grouped
            : $"{grouped}&\".\"&RIGHT(\"0000\"&ROUND(({rounded}-{whole})*1E{decimals},0),{decimals})";
    }

    // "72.2 billion", "1.33 trillion": Excel's TEXT would do, but ClosedXML 0.95's evaluation of TEXT fails against the
    // ExcelNumberFormat version NuGet serves, and cached values must be evaluated at save.
    // Three significant figures, as NumberText.Count.
    private static string Count(string name) =>
        $"IF({name}>=1E15,{Significant($"{name}/1E15")}&\" quadrillion\",IF({name}>=1E12,{Significant($"{name}/1E12")}&\" trillion\","
        + $"IF({name}>=1E9,{Significant($"{name}/1E9")}&\" billion\",{Significant($"{name}/1E6")}&\" million\")))";

    // A positive value to NumberText.SignificantDigits significant figures (more for a larger whole part).
    private static string Significant(string value) =>
        $"ROUND({value},MAX(0,{NumberText.SignificantDigits - 1}-INT(LOG10({value}))))";
}
