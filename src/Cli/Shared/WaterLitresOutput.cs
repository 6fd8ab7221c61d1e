using Scaling.Resources;

namespace Scaling.Cli.Shared;

/// <summary>Water in litres as <c>--json</c> prints it: <c>{"onSite", "offSite", "total"}</c>.</summary>
internal sealed record WaterLitresOutput(double OnSite, double OffSite, double Total)
{
    /// <summary>The output of <paramref name="water"/>, or null when the water is unknown.</summary>
    public static WaterLitresOutput? From(WaterLitres? water) => water is null ? null : new(water.OnSite, water.OffSite, water.Total);
}
