namespace Scaling.Reports.Workbooks;

/// <summary>
/// One axis of a scatter chart with explicit bounds, so that no viewer stretches a log axis to empty decades
/// (LibreOffice ran the Scenarios axes to 1e28 when left to itself).
/// </summary>
/// <param name="Title">The axis title with its unit, e.g. "Training compute C (FLOPs)".</param>
/// <param name="Logarithmic">Base-10 logarithmic scale.</param>
/// <param name="Minimum">The lower bound in data units.</param>
/// <param name="Maximum">The upper bound in data units.</param>
/// <param name="NumberFormat">The tick label format, e.g. <c>0E+00</c>.</param>
internal sealed record ChartAxis(string Title, bool Logarithmic, double Minimum, double Maximum, string NumberFormat)
{
    /// <summary>A log axis over whole decades that hold every value: 3e20..2e26 → 1e20..1e27.</summary>
    public static ChartAxis LogDecades(string title, IEnumerable<double> values, string numberFormat = "0E+00")
    {
        var positive = values.Where(v => v > 0 && double.IsFinite(v)).ToList();
        double low = positive.Count == 0 ? 1 : Math.Pow(10, Math.Floor(Math.Log10(positive.Min()) + 1e-9));
        double high = positive.Count == 0 ? 10 : Math.Pow(10, Math.Ceiling(Math.Log10(positive.Max()) - 1e-9));
        return new ChartAxis(title, true, low, high > low ? high : low * 10, numberFormat);
    }

    /// <summary>A linear axis from a little below the smallest value to a little above the largest, on round steps.</summary>
    public static ChartAxis Linear(string title, IEnumerable<double> values, double step, string numberFormat)
    {
        var finite = values.Where(double.IsFinite).ToList();
        double low = Math.Floor(finite.Min() / step) * step;
        double high = Math.Ceiling(finite.Max() / step) * step;
        return new ChartAxis(title, false, low, high > low ? high : low + step, numberFormat);
    }
}
