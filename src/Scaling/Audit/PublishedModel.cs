namespace Scaling.Audit;

/// <summary>
/// A trained language model as its authors published it: size, training tokens, year, and where published the
/// training compute, hardware, accelerator-hours, energy and CO₂, with the source of the figures.
/// </summary>
/// <remarks>
/// <example><code>
/// var gpt3 = PublishedModel.Create("GPT-3 175B", year: 2020, parameters: 175e9, tokens: 300e9,
///     source: "Brown et al. 2020, arXiv 2005.14165, Table 2.1", trainingFlops: 3.14e23);
/// </code></example>
/// </remarks>
public sealed record PublishedModel
{
    private PublishedModel(string name, int? year, double parameters, double tokens, string source)
    {
        Name = name;
        Year = year;
        Parameters = parameters;
        Tokens = tokens;
        Source = source;
    }

    /// <summary>The model's name, e.g. <c>GPT-3 175B</c>.</summary>
    public string Name { get; }

    /// <summary>The year of the cited paper or model card, or null for a model given ad hoc.</summary>
    public int? Year { get; }

    /// <summary>The parameter count N.</summary>
    public double Parameters { get; }

    /// <summary>The training tokens D (every token seen, repeats included).</summary>
    public double Tokens { get; }

    /// <summary>Where the figures come from: paper and table or section.</summary>
    public string Source { get; }

    /// <summary>The organisation that trained the model, or null.</summary>
    public string? Organization { get; private init; }

    /// <summary>The training compute as published (it often counts attention, so it can exceed 6ND), or null.</summary>
    public double? TrainingFlops { get; private init; }

    /// <summary>The accelerators as published, e.g. <c>A100-80GB (2048 GPUs)</c>, or null.</summary>
    public string? Hardware { get; private init; }

    /// <summary>Accelerator-hours (GPU-hours, or TPU chip-hours) as published, or null.</summary>
    public double? GpuHours { get; private init; }

    /// <summary>The training energy in MWh as published, or null.</summary>
    public double? EnergyMegawattHours { get; private init; }

    /// <summary>The training emissions in tonnes of CO₂-equivalent as published, or null.</summary>
    public double? Co2Tonnes { get; private init; }

    /// <summary>A caveat on the figures, or null.</summary>
    public string? Notes { get; private init; }

    /// <summary>Creates a model; every optional figure may be null (not published).</summary>
    /// <exception cref="ArgumentException">The name or source is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// Parameters, tokens or training FLOPs are not finite and positive; GPU-hours, energy or CO₂ are negative or not
    /// finite; or the year is outside 1950–2200.
    /// </exception>
    public static PublishedModel Create(
        string name,
        int? year,
        double parameters,
        double tokens,
        string source,
        string? organization = null,
        double? trainingFlops = null,
        string? hardware = null,
        double? gpuHours = null,
        double? energyMegawattHours = null,
        double? co2Tonnes = null,
        string? notes = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (year is < 1950 or > 2200)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "year must be a calendar year such as 2022.");
        }

        Require.PositiveFinite(parameters, nameof(parameters));
        Require.PositiveFinite(tokens, nameof(tokens));
        if (trainingFlops is { } flops)
        {
            Require.PositiveFinite(flops, nameof(trainingFlops));
        }

        foreach (var (value, field) in new[] { (gpuHours, nameof(gpuHours)), (energyMegawattHours, nameof(energyMegawattHours)), (co2Tonnes, nameof(co2Tonnes)) })
        {
            if (value is { } v)
            {
                Require.NonNegativeFinite(v, field);
            }
        }

        return new PublishedModel(name.Trim(), year, parameters, tokens, source.Trim())
        {
            Organization = Blank(organization),
            TrainingFlops = trainingFlops,
            Hardware = Blank(hardware),
            GpuHours = gpuHours,
            EnergyMegawattHours = energyMegawattHours,
            Co2Tonnes = co2Tonnes,
            Notes = Blank(notes),
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
