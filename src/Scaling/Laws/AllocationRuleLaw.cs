namespace Scaling.Laws;

/// <summary>
/// A named allocation rule <c>N_opt = k_N·C^a</c> (Hoffmann et al. 2022, Approaches 1 and 2, Table 2): it splits
/// compute between parameters and tokens but predicts no loss.
/// </summary>
/// <example><code>
/// AllocationRuleLaw law = LawPresets.Tokens20;
/// double parameters = law.Rule.Parameters(1e24); // ≈ 91B
/// </code></example>
public sealed record AllocationRuleLaw : ScalingLaw
{
    internal AllocationRuleLaw(string name, PowerLawAllocationRule rule, string source, string summary)
        : base(name, source, summary)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Rule = rule;
    }

    /// <summary>The rule's coefficient k_N and exponent a.</summary>
    public PowerLawAllocationRule Rule { get; }
}
