using Scaling.Cli.Shared;
using Scaling.Laws;

namespace Scaling.Cli.Commands.Laws;

/// <summary>One preset of <c>scaling laws --json</c> (the command prints an array of them).</summary>
internal sealed record LawsOutput(string Name, string Kind, bool Default, LossLawOutput? Law, AllocationRuleOutput? Rule, string Source, string Summary)
{
    public static LawsOutput From(ScalingLaw law) => new(
        law.Name,
        law is ParametricLaw ? "loss-law" : "allocation-rule",
        ReferenceEquals(law, LawPresets.Default),
        law is ParametricLaw { LossLaw: var l } ? LossLawOutput.From(l) : null,
        law is AllocationRuleLaw { Rule: var r } ? AllocationRuleOutput.From(r) : null,
        law.Source,
        law.Summary);
}
