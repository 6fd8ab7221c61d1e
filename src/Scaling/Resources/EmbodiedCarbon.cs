namespace Scaling.Resources;

/// <summary>
/// The hardware's manufacturing emissions charged to a run, after Luccioni et al. 2023 (BLOOM's life-cycle
/// assessment, JMLR 24:253, "Embodied emissions"): each GPU's and its share of the server's embodied CO₂, spread over the hours the
/// hardware works in its life — <c>tCO₂ = GPU-hours × (kg per GPU + kg per server / GPUs per server) /
/// (lifetime years × 8,760 h × utilisation) / 1,000</c>.
/// </summary>
/// <example><code>
/// // BLOOM: 384 A100-80GB in 48 servers of 8, 1,082,990 GPU-hours → 11.2 t (Luccioni et al. 2023: 11.2 t).
/// EmbodiedCarbon.Create().Co2Tonnes(1_082_990);
/// </code></example>
public sealed record EmbodiedCarbon
{
    /// <summary>Default embodied emissions of one GPU, 150 kg CO₂eq: Luccioni et al. 2023's estimate for an A100 (JMLR 24:253, "Embodied emissions").</summary>
    public const double DefaultKilogramsPerGpu = 150;

    /// <summary>
    /// Default embodied emissions of one server without its GPUs, 2,500 kg CO₂eq: Luccioni et al. 2023's estimate for
    /// an HPE Apollo 6500 Gen10 Plus node of Jean Zay (JMLR 24:253, "Embodied emissions").
    /// </summary>
    public const double DefaultKilogramsPerServer = 2500;

    /// <summary>Default GPUs per server, 8: BLOOM's 384 A100s in 48 servers (Luccioni et al. 2023, "Training").</summary>
    public const int DefaultGpusPerServer = 8;

    /// <summary>Default hardware lifetime, 6 years: the replacement rate Luccioni et al. 2023 assume ("Embodied emissions").</summary>
    public const double DefaultLifetimeYears = 6;

    /// <summary>Default utilisation over that life, 85%: the use rate Luccioni et al. 2023 assume ("Embodied emissions").</summary>
    public const double DefaultUtilisation = 0.85;

    /// <summary>Hours in a year (365 days), the unit the lifetime is spread over.</summary>
    public const double HoursPerYear = 8760;

    private EmbodiedCarbon(double kilogramsPerGpu, double kilogramsPerServer, int gpusPerServer, double lifetimeYears, double utilisation)
    {
        KilogramsPerGpu = kilogramsPerGpu;
        KilogramsPerServer = kilogramsPerServer;
        GpusPerServer = gpusPerServer;
        LifetimeYears = lifetimeYears;
        Utilisation = utilisation;
    }

    /// <summary>Manufacturing emissions of one accelerator in kg CO₂eq, ≥ 0.</summary>
    public double KilogramsPerGpu { get; }

    /// <summary>Manufacturing emissions of one server without its accelerators in kg CO₂eq, ≥ 0.</summary>
    public double KilogramsPerServer { get; }

    /// <summary>Accelerators per server, ≥ 1.</summary>
    public int GpusPerServer { get; }

    /// <summary>Years the hardware serves before it is replaced, &gt; 0.</summary>
    public double LifetimeYears { get; }

    /// <summary>Share of its life the hardware runs jobs, in (0, 1].</summary>
    public double Utilisation { get; }

    /// <summary>Embodied kg CO₂eq one GPU-slot carries: its GPU plus its share of the server.</summary>
    public double KilogramsPerGpuSlot => KilogramsPerGpu + (KilogramsPerServer / GpusPerServer);

    /// <summary>The working hours of the hardware's life: years × 8,760 × utilisation.</summary>
    public double WorkingHours => LifetimeYears * HoursPerYear * Utilisation;

    /// <summary>Creates the model; every figure is checked and the defaults are BLOOM's (Luccioni et al. 2023).</summary>
    public static EmbodiedCarbon Create(
        double kilogramsPerGpu = DefaultKilogramsPerGpu,
        double kilogramsPerServer = DefaultKilogramsPerServer,
        int gpusPerServer = DefaultGpusPerServer,
        double lifetimeYears = DefaultLifetimeYears,
        double utilisation = DefaultUtilisation)
    {
        Require.NonNegativeFinite(kilogramsPerGpu, nameof(kilogramsPerGpu));
        Require.NonNegativeFinite(kilogramsPerServer, nameof(kilogramsPerServer));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gpusPerServer);
        Require.PositiveFinite(lifetimeYears, nameof(lifetimeYears));
        Require.Fraction(utilisation, nameof(utilisation));
        return new EmbodiedCarbon(kilogramsPerGpu, kilogramsPerServer, gpusPerServer, lifetimeYears, utilisation);
    }

    /// <summary>The embodied tonnes of CO₂eq charged to <paramref name="gpuHours"/> accelerator-hours.</summary>
    public double Co2Tonnes(double gpuHours) =>
        Require.NonNegativeFinite(gpuHours, nameof(gpuHours)) * KilogramsPerGpuSlot / WorkingHours / 1000;

    /// <summary>The GPUs' own share of <see cref="Co2Tonnes"/>.</summary>
    public double GpuCo2Tonnes(double gpuHours) =>
        Require.NonNegativeFinite(gpuHours, nameof(gpuHours)) * KilogramsPerGpu / WorkingHours / 1000;

    /// <summary>The servers' share of <see cref="Co2Tonnes"/>.</summary>
    public double ServerCo2Tonnes(double gpuHours) =>
        Require.NonNegativeFinite(gpuHours, nameof(gpuHours)) * KilogramsPerServer / GpusPerServer / WorkingHours / 1000;
}
