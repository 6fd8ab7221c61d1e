namespace Scaling.Resources;

/// <summary>
/// The grid's carbon intensity: <c>tCO₂ = kWh × gCO₂/kWh / 10⁶</c>. Zero is allowed (a fully renewable contract).
/// </summary>
/// <example><code>
/// // Llama 2 70B: 688,128 kWh × 423.5 g/kWh = 291.4 t (Touvron et al. 2023, arXiv 2307.09288, Table 2: 291.42 tCO₂e; the factor Meta's figures imply).
/// CarbonIntensity.Create(423.5).Co2Tonnes(688_128);
/// </code></example>
public sealed record CarbonIntensity
{
    /// <summary>
    /// The default, 400 gCO₂/kWh: a round figure between the EU average and the world average grid mix; an
    /// assumption, override it with the intensity of your provider's grid.
    /// </summary>
    public const double DefaultGramsCo2PerKilowattHour = 400;

    private CarbonIntensity(double gramsCo2PerKilowattHour)
    {
        GramsCo2PerKilowattHour = gramsCo2PerKilowattHour;
    }

    /// <summary>Grams of CO₂(e) per kWh drawn.</summary>
    public double GramsCo2PerKilowattHour { get; }

    /// <summary>Creates the intensity; finite and ≥ 0.</summary>
    public static CarbonIntensity Create(double gramsCo2PerKilowattHour = DefaultGramsCo2PerKilowattHour) =>
        new(Require.NonNegativeFinite(gramsCo2PerKilowattHour, nameof(gramsCo2PerKilowattHour)));

    /// <summary>Tonnes of CO₂(e) for <paramref name="kilowattHours"/>: kWh × g/kWh / 10⁶.</summary>
    public double Co2Tonnes(double kilowattHours) =>
        Require.NonNegativeFinite(kilowattHours, nameof(kilowattHours)) * GramsCo2PerKilowattHour / 1e6;
}
