using Scaling.Allocation;

namespace Scaling.Laws;

/// <summary>
/// A law with a name and its source: either a parametric <see cref="LossLaw"/> (which predicts loss and so
/// has a frontier) or a <see cref="PowerLawAllocationRule"/> (which only says how to split compute).
/// Exactly one of <see cref="LossLaw"/> and <see cref="Rule"/> is set.
/// </summary>
public sealed record NamedLaw
{
    private NamedLaw(string name, string source, string summary, LossLaw? lossLaw, PowerLawAllocationRule? rule, RepetitionDecay? repetition = null)
    {
        Repetition = repetition;
        Name = name;
        Source = source;
        Summary = summary;
        LossLaw = lossLaw;
        Rule = rule;
    }

    /// <summary>The name users type (case-insensitive), e.g. <c>besiroglu2024</c>, or a file path.</summary>
    public string Name { get; }

    /// <summary>Where the coefficients come from.</summary>
    public string Source { get; }

    /// <summary>One sentence on what the law is and when to use it.</summary>
    public string Summary { get; }

    /// <summary>The parametric loss law, or null for an allocation rule.</summary>
    public LossLaw? LossLaw { get; }

    /// <summary>The allocation rule, or null for a parametric loss law.</summary>
    public PowerLawAllocationRule? Rule { get; }

    /// <summary>
    /// The decay constants of repeated data fitted together with this law (Muennighoff et al. 2023), or null when the
    /// law was fitted on unique data only.
    /// </summary>
    public RepetitionDecay? Repetition { get; }

    /// <summary>
    /// The law refitted to bootstrap resamples of the runs it was fitted to (written by <c>scaling fit</c>), from which
    /// a plan draws intervals (<see cref="Fitting.OptimumIntervals"/>); empty for presets and allocation rules.
    /// </summary>
    public IReadOnlyList<LossLaw> Resamples { get; private init; } = [];

    /// <summary>This law with its bootstrap refits attached.</summary>
    /// <exception cref="InvalidOperationException">The law is an allocation rule.</exception>
    public NamedLaw WithResamples(IEnumerable<LossLaw> resamples)
    {
        ArgumentNullException.ThrowIfNull(resamples);
        if (LossLaw is null)
        {
            throw new InvalidOperationException($"The law '{Name}' is an allocation rule; only a parametric loss law has resampled refits.");
        }

        return new NamedLaw(Name, Source, Summary, LossLaw, null, Repetition) { Resamples = resamples.ToArray() };
    }

    /// <summary>A named parametric loss law, optionally with the repetition decay fitted alongside it.</summary>
    public static NamedLaw Parametric(string name, LossLaw law, string source, string summary, RepetitionDecay? repetition = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(law);
        return new NamedLaw(name, source, summary, law, null, repetition);
    }

    /// <summary>A named allocation rule.</summary>
    public static NamedLaw Allocation(string name, PowerLawAllocationRule rule, string source, string summary)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(rule);
        return new NamedLaw(name, source, summary, null, rule);
    }

    /// <summary>The allocator of this law under C = k·N·D.</summary>
    public IComputeAllocator Allocator(double flopsPerParameterToken = FlopsPerParameterToken.Training) =>
        LossLaw is { } law
            ? ComputeOptimalFrontier.Create(law, flopsPerParameterToken)
            : PowerLawAllocationRule.Create(Rule!.ParametersCoefficient, Rule.ExponentA, flopsPerParameterToken);

    /// <summary>The frontier of the loss law, or null for an allocation rule.</summary>
    public ComputeOptimalFrontier? Frontier(double flopsPerParameterToken = FlopsPerParameterToken.Training) =>
        LossLaw is { } law ? ComputeOptimalFrontier.Create(law, flopsPerParameterToken) : null;
}
