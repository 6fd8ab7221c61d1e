using Scaling.Hardware;

namespace Scaling.Resources;

/// <summary>
/// The exchange rate between euros, accelerator-hours and FLOPs for one accelerator at a given utilisation:
/// <c>GPU-hours = euros / price</c>, <c>FLOPs = GPU-hours × 3600 × peak × MFU</c>, and back.
/// </summary>
/// <remarks>
/// MFU (model FLOPs utilisation, Chowdhery et al. 2022, PaLM) is the achieved model FLOP/s over the dense peak,
/// recomputation not counted. Reported: PaLM 540B 46.2% (Chowdhery et al. 2022, arXiv 2204.02311, Table 3), Llama 3 405B 38–43% (Llama Team 2024, arXiv 2407.21783, Table 4), LLaMA-65B ≈ 47.6% from 380 tokens/s/GPU on A100 (Touvron et al. 2023, arXiv 2302.13971, §2.4);
/// <see cref="DefaultMfu"/> is 0.40.
/// <example><code>
/// var rate = ComputeRate.For(HardwareCatalog.Default.Get("H100-SXM"), Precision.Bf16, mfu: 0.4);
/// double flops = rate.FlopsForEuros(2e6);   // €2M at €3/h → 666,667 GPU-hours → 9.5e23 FLOPs
/// double euros = rate.EurosForFlops(flops); // 2e6 again
/// </code></example>
/// </remarks>
public sealed record ComputeRate
{
    /// <summary>
    /// The default model FLOPs utilisation, 0.40: the low end of what large dense runs report (Llama 3 405B 38–43%,
    /// PaLM 46.2%, Chowdhery et al. 2022, Table 3); it also reproduces Llama 2 7B's published 184,320 A100-hours within 2% (Touvron et al. 2023, arXiv 2307.09288, Table 2).
    /// </summary>
    public const double DefaultMfu = 0.40;

    private const double SecondsPerHour = 3600;

    private ComputeRate(double peakFlopsPerSecond, double mfu, double eurosPerGpuHour)
    {
        PeakFlopsPerSecond = peakFlopsPerSecond;
        Mfu = mfu;
        EurosPerGpuHour = eurosPerGpuHour;
    }

    /// <summary>The dense peak of one accelerator in FLOP/s at the training precision.</summary>
    public double PeakFlopsPerSecond { get; }

    /// <summary>The model FLOPs utilisation, in (0, 1].</summary>
    public double Mfu { get; }

    /// <summary>The price of one accelerator-hour in euros.</summary>
    public double EurosPerGpuHour { get; }

    /// <summary>The model FLOP/s one accelerator actually delivers: peak × MFU.</summary>
    public double SustainedFlopsPerSecond => PeakFlopsPerSecond * Mfu;

    /// <summary>The model FLOPs one accelerator-hour buys: 3600 × peak × MFU.</summary>
    public double FlopsPerGpuHour => SecondsPerHour * SustainedFlopsPerSecond;

    /// <summary>Creates a rate; the peak and price must be finite and &gt; 0, the MFU in (0, 1].</summary>
    public static ComputeRate Create(double peakFlopsPerSecond, double mfu, double eurosPerGpuHour) =>
        new(
            Require.PositiveFinite(peakFlopsPerSecond, nameof(peakFlopsPerSecond)),
            Require.Fraction(mfu, nameof(mfu)),
            Require.PositiveFinite(eurosPerGpuHour, nameof(eurosPerGpuHour)));

    /// <summary>The rate of <paramref name="accelerator"/> at <paramref name="precision"/>, priced at its catalog price.</summary>
    public static ComputeRate For(Accelerator accelerator, Precision precision, double mfu = DefaultMfu)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        return Create(accelerator.PeakFlopsPerSecond(precision), mfu, accelerator.EurosPerGpuHour);
    }

    /// <summary>Accelerator-hours needed for <paramref name="flops"/>: C / (3600 × peak × MFU).</summary>
    public double GpuHoursForFlops(double flops) => Require.NonNegativeFinite(flops, nameof(flops)) / FlopsPerGpuHour;

    /// <summary>Model FLOPs delivered by <paramref name="gpuHours"/>: hours × 3600 × peak × MFU.</summary>
    public double FlopsForGpuHours(double gpuHours) => Require.NonNegativeFinite(gpuHours, nameof(gpuHours)) * FlopsPerGpuHour;

    /// <summary>The cost of <paramref name="gpuHours"/>: hours × price.</summary>
    public double EurosForGpuHours(double gpuHours) => Require.NonNegativeFinite(gpuHours, nameof(gpuHours)) * EurosPerGpuHour;

    /// <summary>Accelerator-hours <paramref name="euros"/> buy: euros / price.</summary>
    public double GpuHoursForEuros(double euros) => Require.NonNegativeFinite(euros, nameof(euros)) / EurosPerGpuHour;

    /// <summary>Model FLOPs <paramref name="euros"/> buy: euros / price × 3600 × peak × MFU.</summary>
    public double FlopsForEuros(double euros) => FlopsForGpuHours(GpuHoursForEuros(euros));

    /// <summary>The cost of <paramref name="flops"/>: C / (3600 × peak × MFU) × price. Inverse of <see cref="FlopsForEuros"/>.</summary>
    public double EurosForFlops(double flops) => EurosForGpuHours(GpuHoursForFlops(flops));

    /// <summary>
    /// What a serving FLOP costs in training FLOPs on the same accelerator, served at <paramref name="servingMfu"/> and
    /// <paramref name="servingEurosPerGpuHour"/>: <c>w = (price_serve / MFU_serve) / (price_train / MFU_train)</c>, the
    /// weight of inference in the lifetime cost of Sardana et al. 2024 (arXiv 2401.00448).
    /// </summary>
    /// <example><c>rate.InferenceCostWeight(rate.Mfu / 2, rate.EurosPerGpuHour)</c> is 2: serving at half the utilisation doubles a FLOP's cost.</example>
    /// <exception cref="ArgumentOutOfRangeException">The utilisation is outside (0, 1] or the price not finite and positive.</exception>
    public double InferenceCostWeight(double servingMfu, double servingEurosPerGpuHour)
    {
        Require.Fraction(servingMfu, nameof(servingMfu));
        Require.PositiveFinite(servingEurosPerGpuHour, nameof(servingEurosPerGpuHour));
        return servingEurosPerGpuHour / servingMfu / (EurosPerGpuHour / Mfu);
    }
}
