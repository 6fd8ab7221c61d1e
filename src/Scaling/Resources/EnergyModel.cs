namespace Scaling.Resources;

/// <summary>
/// Electricity drawn by training: <c>kWh = GPU-hours × W/1000 × (1 + overhead) × PUE</c>. <see cref="Overhead"/>
/// covers the rest of the server (CPUs, network) as a fraction of the accelerator power; PUE (power usage
/// effectiveness) the data centre's cooling and losses.
/// </summary>
/// <example><code>
/// // Llama 2 70B: 1,720,320 A100-hours at 400 W, no overhead, PUE 1 → 688,128 kWh (Touvron et al. 2023, arXiv 2307.09288, Table 2).
/// EnergyModel.Create(wattsPerGpu: 400, overhead: 0, pue: 1).KilowattHours(1_720_320);
/// </code></example>
public sealed record EnergyModel
{
    /// <summary>Default PUE 1.1, a modern hyperscale data centre (the default; CodeCarbon-style estimates use PUE the same way).</summary>
    public const double DefaultPue = 1.1;

    /// <summary>Default overhead 0: the accelerator's board power only.</summary>
    public const double DefaultOverhead = 0;

    private EnergyModel(double wattsPerGpu, double overhead, double pue)
    {
        WattsPerGpu = wattsPerGpu;
        Overhead = overhead;
        Pue = pue;
    }

    /// <summary>Power per accelerator in watts.</summary>
    public double WattsPerGpu { get; }

    /// <summary>Extra server power as a fraction of the accelerator power (≥ 0).</summary>
    public double Overhead { get; }

    /// <summary>Power usage effectiveness of the data centre (≥ 1).</summary>
    public double Pue { get; }

    /// <summary>Watts drawn from the grid per accelerator: W × (1 + overhead) × PUE.</summary>
    public double GridWattsPerGpu => WattsPerGpu * (1 + Overhead) * Pue;

    /// <summary>Creates the model; watts finite and &gt; 0, overhead finite and ≥ 0, PUE finite and ≥ 1.</summary>
    public static EnergyModel Create(double wattsPerGpu, double overhead = DefaultOverhead, double pue = DefaultPue)
    {
        Require.PositiveFinite(wattsPerGpu, nameof(wattsPerGpu));
        Require.NonNegativeFinite(overhead, nameof(overhead));
        if (!double.IsFinite(pue) || pue < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pue), pue, "pue must be finite and at least 1 (1.0 = no cooling overhead; typical 1.1–1.6).");
        }

        return new EnergyModel(wattsPerGpu, overhead, pue);
    }

    /// <summary>Energy for <paramref name="gpuHours"/> in kWh: hours × W/1000 × (1 + overhead) × PUE.</summary>
    public double KilowattHours(double gpuHours) =>
        Require.NonNegativeFinite(gpuHours, nameof(gpuHours)) * GridWattsPerGpu / 1000;

    /// <summary>Power of a cluster of <paramref name="gpus"/> in kW, as drawn from the grid.</summary>
    public double ClusterKilowatts(int gpus) => gpus * GridWattsPerGpu / 1000;
}
