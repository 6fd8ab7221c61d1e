namespace Scaling.Resources;

/// <summary>
/// The water a run consumes, after Li et al. 2023 ("Making AI Less Thirsty", arXiv 2304.03271, §3): on-site litres =
/// server energy × WUE (the data centre's water usage effectiveness, litres evaporated per kWh of IT energy), off-site
/// litres = grid energy × the electricity's water intensity (EWIF, litres per kWh generated), where the grid energy
/// is the server energy × PUE. The plan's energy is the grid energy, so the server energy is kWh / PUE.
/// </summary>
/// <example><code>
/// // GPT-3: 1,287 MWh of server energy (Patterson et al. 2021, arXiv 2104.10350, Table 4) in Microsoft's U.S. data centres.
/// var water = WaterModel.Create().Litres(gridKilowattHours: 1_287_000 * 1.17, pue: 1.17);
/// // water.OnSite ≈ 707,850 L (Li et al. 2023: "700,000 liters"); water.Total ≈ 5.44 million L (Li et al.: 5.4 million)
/// </code></example>
public sealed record WaterModel
{
    /// <summary>
    /// Default on-site WUE, 0.55 L/kWh: the U.S. average of Microsoft's data centres that Li et al. 2023 (arXiv
    /// 2304.03271, Table 1) use for GPT-3; a 2023 figure. Override it with your provider's reported WUE.
    /// </summary>
    public const double DefaultWueLitresPerKilowattHour = 0.55;

    /// <summary>
    /// Default water intensity of electricity, 3.142 L/kWh: the U.S. average EWIF of Li et al. 2023 (arXiv 2304.03271,
    /// Table 1; after the World Resources Institute's 2020 guidance, Reig et al.); a 2023 figure. Override it with
    /// your grid's.
    /// </summary>
    public const double DefaultWaterIntensityLitresPerKilowattHour = 3.142;

    /// <summary>The year of the default WUE and water intensity.</summary>
    public const string DefaultsDate = "2023";

    /// <summary>Where the defaults come from, for reports.</summary>
    public const string DefaultsSource = "Li et al. 2023, arXiv 2304.03271, Table 1: U.S. averages";

    private WaterModel(double wueLitresPerKilowattHour, double waterIntensityLitresPerKilowattHour)
    {
        WueLitresPerKilowattHour = wueLitresPerKilowattHour;
        WaterIntensityLitresPerKilowattHour = waterIntensityLitresPerKilowattHour;
    }

    /// <summary>On-site litres evaporated per kWh of server (IT) energy, ≥ 0.</summary>
    public double WueLitresPerKilowattHour { get; }

    /// <summary>Off-site litres consumed per kWh drawn from the grid, ≥ 0.</summary>
    public double WaterIntensityLitresPerKilowattHour { get; }

    /// <summary>Creates the model; both figures finite and ≥ 0 (0: dry cooling, or a grid of wind and solar).</summary>
    public static WaterModel Create(
        double wueLitresPerKilowattHour = DefaultWueLitresPerKilowattHour,
        double waterIntensityLitresPerKilowattHour = DefaultWaterIntensityLitresPerKilowattHour) =>
        new(
            Require.NonNegativeFinite(wueLitresPerKilowattHour, nameof(wueLitresPerKilowattHour)),
            Require.NonNegativeFinite(waterIntensityLitresPerKilowattHour, nameof(waterIntensityLitresPerKilowattHour)));

    /// <summary>
    /// The water of <paramref name="gridKilowattHours"/> drawn at <paramref name="pue"/>: on site
    /// <c>kWh / PUE × WUE</c>, off site <c>kWh × water intensity</c>.
    /// </summary>
    public WaterLitres Litres(double gridKilowattHours, double pue)
    {
        Require.NonNegativeFinite(gridKilowattHours, nameof(gridKilowattHours));
        if (!double.IsFinite(pue) || pue < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pue), pue, "pue must be finite and at least 1.");
        }

        return new WaterLitres(gridKilowattHours / pue * WueLitresPerKilowattHour, gridKilowattHours * WaterIntensityLitresPerKilowattHour);
    }
}
