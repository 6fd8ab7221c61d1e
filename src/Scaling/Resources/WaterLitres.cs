namespace Scaling.Resources;

/// <summary>
/// Water consumed by a training run in litres: on-site (evaporated by the data centre's cooling, scope 1) and off-site
/// (consumed by the power plants that generate its electricity, scope 2), as in Li et al. 2023 ("Making AI Less
/// Thirsty", arXiv 2304.03271, §3).
/// </summary>
/// <param name="OnSite">Litres evaporated on site: server kWh × WUE.</param>
/// <param name="OffSite">Litres consumed off site: grid kWh × the grid's water intensity.</param>
public sealed record WaterLitres(double OnSite, double OffSite)
{
    /// <summary>On-site plus off-site litres.</summary>
    public double Total => OnSite + OffSite;
}
