namespace Scaling.Resources;

/// <summary>
/// The low and high settings <see cref="PlanSensitivity"/> tries for each assumption. The defaults are illustrative
/// planning ranges, not measurements: MFU 30% and 50% around the common 40%; a GPU-hour price 25% below and above
/// the assumption (reserved against on-demand capacity); PUE 1.0 (no overhead, the floor) and 1.58 (the global
/// average in the Uptime Institute Global Data Center Survey 2023); a grid of 50 and 800 gCO₂/kWh (hydro- or
/// nuclear-heavy against coal-heavy supply).
/// </summary>
public sealed record SensitivityRanges
{
    /// <summary>The defaults described above.</summary>
    public static SensitivityRanges Default { get; } = new();

    /// <summary>MFU settings; default 0.30 and 0.50.</summary>
    public (double Low, double High) Mfu { get; init => field = Check(value, 0, 1, nameof(Mfu)); } = (0.30, 0.50);

    /// <summary>Factors on the GPU-hour price; default 0.75 and 1.25.</summary>
    public (double Low, double High) PriceFactor { get; init => field = Check(value, 0, double.MaxValue, nameof(PriceFactor)); } = (0.75, 1.25);

    /// <summary>PUE settings (≥ 1); default 1.0 and 1.58.</summary>
    public (double Low, double High) Pue { get; init => field = Check(value, 1 - 1e-12, double.MaxValue, nameof(Pue)); } = (1.0, 1.58);

    /// <summary>Grid intensities in gCO₂/kWh; default 50 and 800.</summary>
    public (double Low, double High) GridGramsCo2PerKilowattHour { get; init => field = Check(value, -1e-12, double.MaxValue, nameof(GridGramsCo2PerKilowattHour)); } = (50, 800);

    private static (double Low, double High) Check((double Low, double High) value, double floor, double ceiling, string name) =>
        double.IsFinite(value.Low) && double.IsFinite(value.High) && value.Low > floor && value.High <= ceiling && value.Low < value.High
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name}: give a finite low below a finite high, both within ({floor}, {ceiling}].");
}
