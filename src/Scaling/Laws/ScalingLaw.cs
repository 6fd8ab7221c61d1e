namespace Scaling.Laws;

/// <summary>
/// A law with a name and its source, in one of two kinds: a <see cref="ParametricLaw"/> (a <see cref="LossLaw"/>,
/// which predicts loss and so has a frontier) or an <see cref="AllocationRuleLaw"/> (a
/// <see cref="PowerLawAllocationRule"/>, which only says how to split compute). Switch on the kind with a pattern:
/// <code>law switch { ParametricLaw p => …p.LossLaw…, AllocationRuleLaw r => …r.Rule… }</code>
/// </summary>
/// <remarks>
/// To plan, use the allocation extensions in <c>Scaling.Allocation</c>: <c>law.Plan(flops)</c> or
/// <c>law.Allocator()</c>; the law itself only holds coefficients, so <c>Laws</c> does not depend on <c>Allocation</c>.
/// Bootstrap refits travel beside a law, in a <see cref="FittedLaw"/>.
/// <example><code>
/// ScalingLaw law = LawPresets.Find("tokens20") ?? LawPresets.Default;
/// var plan = law.Plan(1e24); // N, D (and, for a parametric law, the loss)
/// </code></example>
/// </remarks>
public abstract record ScalingLaw
{
    private protected ScalingLaw(string name, string source, string summary)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(summary);
        Name = name;
        Source = source;
        Summary = summary;
    }

    /// <summary>The name users type (case-insensitive), e.g. <c>besiroglu2024</c>, or a file path.</summary>
    public string Name { get; }

    /// <summary>Where the coefficients come from.</summary>
    public string Source { get; }

    /// <summary>One sentence on what the law is and when to use it.</summary>
    public string Summary { get; }

    /// <summary>A named parametric loss law, with the repetition decay fitted alongside it when there is one.</summary>
    public static ParametricLaw Parametric(string name, LossLaw law, string source, string summary, RepetitionDecay? fittedRepetition = null) =>
        new(name, law, source, summary, fittedRepetition);

    /// <summary>A named allocation rule.</summary>
    public static AllocationRuleLaw Allocation(string name, PowerLawAllocationRule rule, string source, string summary) =>
        new(name, rule, source, summary);
}
