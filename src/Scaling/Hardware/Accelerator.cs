using System.Globalization;

namespace Scaling.Hardware;

/// <summary>
/// One accelerator type (a GPU or a TPU chip): its dense peak throughput per precision, memory, power and a dated
/// price assumption. Build it with <see cref="Create"/>; change a value with the <c>With…</c> methods, which
/// validate like the factory.
/// </summary>
/// <remarks>
/// Peaks are dense (no 2:4 sparsity): NVIDIA's headline H100 "1,979 TFLOP/s BF16" is the sparse figure, the dense one
/// is 989 (NVIDIA H100 Tensor Core GPU data sheet; the headline 1,979 includes 2:4 sparsity). Memory is in decimal gigabytes (1 GB = 10⁹ bytes).
/// <example><code>
/// var h100 = HardwareCatalog.Default.Get("h100-sxm");
/// double peak = h100.PeakFlopsPerSecond(Precision.Bf16); // 9.89e14
/// </code></example>
/// </remarks>
public sealed record Accelerator
{
    private readonly IReadOnlyDictionary<Precision, double> peakTeraflops;

    private Accelerator(
        string name,
        string vendor,
        IReadOnlyDictionary<Precision, double> peakTeraflops,
        double memoryGigabytes,
        double? watts,
        double eurosPerGpuHour,
        string priceDate,
        string priceNote,
        string source)
    {
        Name = name;
        Vendor = vendor;
        this.peakTeraflops = peakTeraflops;
        MemoryGigabytes = memoryGigabytes;
        Watts = watts;
        EurosPerGpuHour = eurosPerGpuHour;
        PriceDate = priceDate;
        PriceNote = priceNote;
        Source = source;
    }

    /// <summary>The name users type, e.g. <c>H100-SXM</c> (matched case-insensitively).</summary>
    public string Name { get; }

    /// <summary>The maker, e.g. NVIDIA.</summary>
    public string Vendor { get; }

    /// <summary>Memory per accelerator in decimal gigabytes (10⁹ bytes).</summary>
    public double MemoryGigabytes { get; }

    /// <summary>Memory per accelerator in bytes.</summary>
    public double MemoryBytes => MemoryGigabytes * 1e9;

    /// <summary>Board power in watts (TDP, or a measured mean where stated), or null when none is published.</summary>
    public double? Watts { get; }

    /// <summary>The assumed price of one accelerator-hour in euros: a dated assumption, never a quote.</summary>
    public double EurosPerGpuHour { get; }

    /// <summary>When the price assumption was made, e.g. <c>2026-01</c>.</summary>
    public string PriceDate { get; }

    /// <summary>Where the price assumption comes from.</summary>
    public string PriceNote { get; }

    /// <summary>The data sheet or paper behind the throughput, memory and power figures.</summary>
    public string Source { get; }

    /// <summary>The precisions with a published dense peak, widest first.</summary>
    public IReadOnlyList<Precision> SupportedPrecisions =>
        Precisions.All.Where(peakTeraflops.ContainsKey).ToArray();

    /// <summary>
    /// The precision training uses by default: BF16 where the accelerator has it, else FP16 (V100), else the first
    /// with a peak.
    /// </summary>
    public Precision DefaultTrainingPrecision =>
        peakTeraflops.ContainsKey(Precision.Bf16) ? Precision.Bf16
        : peakTeraflops.ContainsKey(Precision.Fp16) ? Precision.Fp16
        : SupportedPrecisions[0];

    /// <summary>Creates an accelerator; every number must be finite and &gt; 0, and at least one peak is required.</summary>
    /// <param name="name">The name users type; letters, digits, '-', '_' and '.' only.</param>
    /// <param name="vendor">The maker.</param>
    /// <param name="peakTeraflops">Dense peak TFLOP/s per precision (10¹² FLOP/s).</param>
    /// <param name="memoryGigabytes">Memory in decimal GB.</param>
    /// <param name="watts">Board power in W, or null if unpublished.</param>
    /// <param name="eurosPerGpuHour">The assumed price of one accelerator-hour.</param>
    /// <param name="priceDate">When that price was assumed.</param>
    /// <param name="priceNote">Where the price comes from.</param>
    /// <param name="source">The data sheet behind the other figures.</param>
    public static Accelerator Create(
        string name,
        string vendor,
        IReadOnlyDictionary<Precision, double> peakTeraflops,
        double memoryGigabytes,
        double? watts,
        double eurosPerGpuHour,
        string priceDate = "",
        string priceNote = "",
        string source = "")
    {
        ArgumentNullException.ThrowIfNull(peakTeraflops);
        if (!IsValidName(name))
        {
            throw new ArgumentException($"name '{name}' must be non-empty and use only letters, digits, '-', '_' or '.'; for example H100-SXM.", nameof(name));
        }

        if (peakTeraflops.Count == 0)
        {
            throw new ArgumentException($"peakTeraflops of {name} is empty; give at least one dense peak, e.g. bf16 = 989.", nameof(peakTeraflops));
        }

        var peaks = new Dictionary<Precision, double>();
        foreach (var (precision, teraflops) in peakTeraflops)
        {
            peaks[precision] = Require.PositiveFinite(teraflops, nameof(peakTeraflops));
        }

        Require.PositiveFinite(memoryGigabytes, nameof(memoryGigabytes));
        if (watts is { } w)
        {
            Require.PositiveFinite(w, nameof(watts));
        }

        Require.PositiveFinite(eurosPerGpuHour, nameof(eurosPerGpuHour));
        return new Accelerator(name.Trim(), vendor ?? string.Empty, peaks, memoryGigabytes, watts, eurosPerGpuHour, priceDate ?? string.Empty, priceNote ?? string.Empty, source ?? string.Empty);
    }

    /// <summary>Whether <paramref name="name"/> can name an accelerator: non-empty, only letters, digits, '-', '_' or '.'.</summary>
    public static bool IsValidName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>Whether a dense peak is published for <paramref name="precision"/>.</summary>
    public bool Supports(Precision precision) => peakTeraflops.ContainsKey(precision);

    /// <summary>The dense peak for <paramref name="precision"/> in TFLOP/s.</summary>
    /// <exception cref="ArgumentException">No peak is known for that precision; the message lists the known ones.</exception>
    public double PeakTeraflops(Precision precision) =>
        peakTeraflops.TryGetValue(precision, out double teraflops)
            ? teraflops
            : throw new ArgumentException(
                $"precision: {Name} has no dense {Precisions.Name(precision).ToUpperInvariant()} peak in the catalog; "
                + $"use one of {string.Join(", ", SupportedPrecisions.Select(Precisions.Name))} or give the peak yourself.",
                nameof(precision));

    /// <summary>The dense peak for <paramref name="precision"/> in FLOP/s (TFLOP/s × 10¹²).</summary>
    public double PeakFlopsPerSecond(Precision precision) => PeakTeraflops(precision) * 1e12;

    /// <summary>A copy with the dense peak for <paramref name="precision"/> set to <paramref name="teraflops"/>.</summary>
    public Accelerator WithPeakTeraflops(Precision precision, double teraflops)
    {
        var peaks = new Dictionary<Precision, double>(peakTeraflops) { [precision] = teraflops };
        return Create(Name, Vendor, peaks, MemoryGigabytes, Watts, EurosPerGpuHour, PriceDate, PriceNote, Source);
    }

    /// <summary>A copy with <paramref name="memoryGigabytes"/> of memory.</summary>
    public Accelerator WithMemoryGigabytes(double memoryGigabytes) =>
        Create(Name, Vendor, peakTeraflops, memoryGigabytes, Watts, EurosPerGpuHour, PriceDate, PriceNote, Source);

    /// <summary>A copy drawing <paramref name="watts"/>.</summary>
    public Accelerator WithWatts(double watts) =>
        Create(Name, Vendor, peakTeraflops, MemoryGigabytes, watts, EurosPerGpuHour, PriceDate, PriceNote, Source);

    /// <summary>A copy priced at <paramref name="eurosPerGpuHour"/>, with the price marked as the user's own.</summary>
    public Accelerator WithEurosPerGpuHour(double eurosPerGpuHour) =>
        Create(Name, Vendor, peakTeraflops, MemoryGigabytes, Watts, eurosPerGpuHour, string.Empty, "given by the user", Source);

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name} ({MemoryGigabytes} GB, {string.Join(", ", SupportedPrecisions.Select(p => $"{Precisions.Name(p)} {PeakTeraflops(p)} TFLOP/s"))})");
}
