using Scaling.Hardware;

namespace Scaling.Resources;

/// <summary>
/// Everything a <see cref="ResourcePlan"/> assumes beyond the FLOP count: the accelerator, precision, utilisation,
/// price, memory recipe, power, grid, water, the hardware's embodied carbon and how many accelerators to use. Each property validates when set, so an
/// instance is never invalid; unset values take the documented defaults or the accelerator's catalog values.
/// </summary>
/// <example><code>
/// var assumptions = new ResourceAssumptions(HardwareCatalog.Default.Get("H100-SXM"))
/// {
///     Mfu = 0.45,
///     DeadlineDays = 60,
///     GridGramsCo2PerKilowattHour = 0,
/// };
/// </code></example>
public sealed record ResourceAssumptions
{
    /// <summary>Default usable fraction of accelerator memory, 0.9 (framework buffers and fragmentation take the rest).</summary>
    public const double DefaultUsableMemoryFraction = 0.9;

    /// <summary>
    /// Default ceiling on a derived accelerator count, 100,000: about the largest single training clusters publicly
    /// reported by 2025. A deadline that needs more is refused rather than planned on an imaginary cluster.
    /// </summary>
    public const int DefaultMaxGpus = 100_000;

    /// <summary>
    /// Default schedule, 90 days: the wall-clock time a plan aims for when neither <see cref="Gpus"/> nor
    /// <see cref="DeadlineDays"/> is given. Single pre-training runs of that order are what teams carry out: Llama 3
    /// 405B's reported run spans 54 days (Llama Team 2024, arXiv 2407.21783, §3.3.4), BLOOM 176B's about 3.5 months
    /// (BigScience 2022, arXiv 2211.05100, §3.5). A plan measured in years is one no one would start.
    /// </summary>
    public const double DefaultScheduleDays = 90;

    /// <summary>
    /// Default accelerators per node, 8: an NVIDIA DGX/HGX H100 or A100 server, BLOOM's 48 nodes of 8 A100s
    /// (BigScience 2022, arXiv 2211.05100, §3.5). Counts the plan derives come in whole nodes.
    /// </summary>
    public const int DefaultGpusPerNode = 8;

    /// <summary>Assumptions for <paramref name="accelerator"/> with every other value at its default.</summary>
    public ResourceAssumptions(Accelerator accelerator)
    {
        Accelerator = accelerator;
    }

    /// <summary>The accelerator type.</summary>
    public Accelerator Accelerator
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Accelerator), "Accelerator is required; take one from HardwareCatalog.Default.");
    }

    /// <summary>The training precision, whose dense peak sets the throughput; null means <see cref="Accelerator.DefaultTrainingPrecision"/>.</summary>
    public Precision? Precision { get; init; }

    /// <summary>Model FLOPs utilisation in (0, 1]; default <see cref="ComputeRate.DefaultMfu"/> (0.40).</summary>
    public double Mfu { get; init => field = Require.Fraction(value, nameof(Mfu)); } = ComputeRate.DefaultMfu;

    /// <summary>Price per accelerator-hour in euros; null means the catalog's dated assumption.</summary>
    public double? EurosPerGpuHour
    {
        get;
        init => field = value is { } v ? Require.PositiveFinite(v, nameof(EurosPerGpuHour)) : null;
    }

    /// <summary>Power per accelerator in W; null means the catalog's figure.</summary>
    public double? WattsPerGpu
    {
        get;
        init => field = value is { } v ? Require.PositiveFinite(v, nameof(WattsPerGpu)) : null;
    }

    /// <summary>The fraction of accelerator memory the training state may fill, in (0, 1]; default 0.9.</summary>
    public double UsableMemoryFraction { get; init => field = Require.Fraction(value, nameof(UsableMemoryFraction)); } = DefaultUsableMemoryFraction;

    /// <summary>Bytes per parameter of the training state; default mixed-precision AdamW, 16.</summary>
    public TrainingStateRecipe Recipe
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Recipe), "Recipe is required; use TrainingStateRecipe.MixedPrecisionAdamW.");
    } = TrainingStateRecipe.MixedPrecisionAdamW;

    /// <summary>Data-centre power usage effectiveness, ≥ 1; default 1.1.</summary>
    public double Pue
    {
        get;
        init => field = double.IsFinite(value) && value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Pue), value, "Pue must be finite and at least 1 (1.0 = no cooling overhead; typical 1.1–1.6).");
    } = EnergyModel.DefaultPue;

    /// <summary>Extra server power as a fraction of accelerator power, ≥ 0; default 0.</summary>
    public double Overhead { get; init => field = Require.NonNegativeFinite(value, nameof(Overhead)); } = EnergyModel.DefaultOverhead;

    /// <summary>Grid carbon intensity in gCO₂/kWh, ≥ 0; default 400.</summary>
    public double GridGramsCo2PerKilowattHour
    {
        get;
        init => field = Require.NonNegativeFinite(value, nameof(GridGramsCo2PerKilowattHour));
    } = CarbonIntensity.DefaultGramsCo2PerKilowattHour;

    /// <summary>On-site water usage effectiveness in litres per kWh of server energy, ≥ 0; default 0.55 (<see cref="WaterModel.DefaultWueLitresPerKilowattHour"/>).</summary>
    public double WueLitresPerKilowattHour
    {
        get;
        init => field = Require.NonNegativeFinite(value, nameof(WueLitresPerKilowattHour));
    } = WaterModel.DefaultWueLitresPerKilowattHour;

    /// <summary>Off-site water intensity of the grid in litres per kWh drawn, ≥ 0; default 3.142 (<see cref="WaterModel.DefaultWaterIntensityLitresPerKilowattHour"/>).</summary>
    public double WaterIntensityLitresPerKilowattHour
    {
        get;
        init => field = Require.NonNegativeFinite(value, nameof(WaterIntensityLitresPerKilowattHour));
    } = WaterModel.DefaultWaterIntensityLitresPerKilowattHour;

    /// <summary>Manufacturing emissions of one accelerator in kg CO₂eq, ≥ 0; default 150 (<see cref="EmbodiedCarbon.DefaultKilogramsPerGpu"/>).</summary>
    public double EmbodiedKilogramsPerGpu
    {
        get;
        init => field = Require.NonNegativeFinite(value, nameof(EmbodiedKilogramsPerGpu));
    } = EmbodiedCarbon.DefaultKilogramsPerGpu;

    /// <summary>Manufacturing emissions of one server without its accelerators in kg CO₂eq, ≥ 0; default 2,500 (<see cref="EmbodiedCarbon.DefaultKilogramsPerServer"/>).</summary>
    public double EmbodiedKilogramsPerServer
    {
        get;
        init => field = Require.NonNegativeFinite(value, nameof(EmbodiedKilogramsPerServer));
    } = EmbodiedCarbon.DefaultKilogramsPerServer;

    /// <summary>Years the hardware serves, &gt; 0; default 6 (<see cref="EmbodiedCarbon.DefaultLifetimeYears"/>).</summary>
    public double HardwareLifetimeYears
    {
        get;
        init => field = Require.PositiveFinite(value, nameof(HardwareLifetimeYears));
    } = EmbodiedCarbon.DefaultLifetimeYears;

    /// <summary>Share of its life the hardware runs jobs, in (0, 1]; default 0.85 (<see cref="EmbodiedCarbon.DefaultUtilisation"/>).</summary>
    public double HardwareUtilisation { get; init => field = Require.Fraction(value, nameof(HardwareUtilisation)); } = EmbodiedCarbon.DefaultUtilisation;

    /// <summary>A fixed number of accelerators; null lets the plan choose (memory or deadline).</summary>
    public int? Gpus
    {
        get;
        init => field = value is null or > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Gpus), value, "Gpus must be a whole number greater than 0.");
    }

    /// <summary>A deadline in days; the plan uses the fewest accelerators that meet it. Null: no deadline (the plan follows <see cref="ScheduleDays"/>).</summary>
    public double? DeadlineDays
    {
        get;
        init => field = value is { } v ? Require.PositiveFinite(v, nameof(DeadlineDays)) : null;
    }

    /// <summary>
    /// The schedule in days the plan aims for when neither <see cref="Gpus"/> nor <see cref="DeadlineDays"/> is given:
    /// the fewest whole nodes that finish within it (default <see cref="DefaultScheduleDays"/>, 90). Unlike a deadline
    /// it is never refused: when it would need more than <see cref="MaxGpus"/>, the plan takes the most it may and runs
    /// longer. Null: no schedule, the fewest accelerators whose memory holds the training state.
    /// </summary>
    public double? ScheduleDays
    {
        get;
        init => field = value is { } v ? Require.PositiveFinite(v, nameof(ScheduleDays)) : null;
    } = DefaultScheduleDays;

    /// <summary>
    /// Accelerators per node (server), ≥ 1; default 8 (<see cref="DefaultGpusPerNode"/>). A count the plan derives is
    /// rounded up to whole nodes, and below one node to a power of two (1, 2, 4, 8), the sizes tensor parallelism
    /// splits a node into; a count given in <see cref="Gpus"/> is used as given (1 turns the rounding off). The
    /// accelerators of a node also share its server's embodied emissions (<see cref="EmbodiedKilogramsPerServer"/>).
    /// </summary>
    public int GpusPerNode
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(GpusPerNode), value, "GpusPerNode must be greater than 0 (8 for an HGX server; 1 for no rounding).");
    } = DefaultGpusPerNode;

    /// <summary>The largest accelerator count the plan may derive by itself; default 100,000.</summary>
    public int MaxGpus
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxGpus), value, "MaxGpus must be greater than 0.");
    } = DefaultMaxGpus;

    /// <summary>The precision training runs in: <see cref="Precision"/> or the accelerator's default.</summary>
    public Precision TrainingPrecision => Precision ?? Accelerator.DefaultTrainingPrecision;

    /// <summary>The euros ↔ FLOPs rate these assumptions imply.</summary>
    /// <exception cref="ArgumentException">The accelerator has no peak at <see cref="TrainingPrecision"/>.</exception>
    public ComputeRate Rate =>
        ComputeRate.Create(Accelerator.PeakFlopsPerSecond(TrainingPrecision), Mfu, EurosPerGpuHour ?? Accelerator.EurosPerGpuHour);

    /// <summary>
    /// The energy model these assumptions imply, or null when neither <see cref="WattsPerGpu"/> nor the catalog gives a
    /// power figure (TPU v5p): energy and CO₂ are then unknown rather than guessed.
    /// </summary>
    public EnergyModel? Energy =>
        (WattsPerGpu ?? Accelerator.Watts) is { } watts ? EnergyModel.Create(watts, Overhead, Pue) : null;

    /// <summary>The grid these assumptions imply.</summary>
    public CarbonIntensity Carbon => CarbonIntensity.Create(GridGramsCo2PerKilowattHour);

    /// <summary>The water model these assumptions imply.</summary>
    public WaterModel Water => WaterModel.Create(WueLitresPerKilowattHour, WaterIntensityLitresPerKilowattHour);

    /// <summary>The embodied-carbon model these assumptions imply.</summary>
    public EmbodiedCarbon Embodied =>
        EmbodiedCarbon.Create(EmbodiedKilogramsPerGpu, EmbodiedKilogramsPerServer, GpusPerNode, HardwareLifetimeYears, HardwareUtilisation);
}
