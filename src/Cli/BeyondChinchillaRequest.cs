using Scaling.Laws;

namespace Scaling.Cli;

/// <summary>
/// The plan modes beyond the Chinchilla frontier: limited unique data (<c>--unique-tokens</c>) or inference demand
/// (<c>--inference-tokens</c>). Both start from a FLOP budget; the output keeps the plain plan's fields and adds its own.
/// </summary>
internal sealed record BeyondChinchillaRequest(
    string? LawText, string? FlopsText, string? UniqueTokensText, string? InferenceTokensText, string? InferenceCostWeightText, bool OtherModeGiven)
{
    public string Run(bool json)
    {
        Validate();
        double flops = CliParse.Positive("--flops", FlopsText!, "1e24");
        if (UniqueTokensText is not null)
        {
            var law = LawText is null ? DataConstrainedMode.DefaultLaw : LawOption.Resolve(LawText);
            var plan = DataConstrainedMode.Solve(law, flops, CliParse.Positive(DataConstrainedMode.Option, UniqueTokensText, "500e9"));
            if (!json)
            {
                return DataConstrainedMode.Describe(law, plan);
            }

            var node = PlanCommand.ToJson(law, plan.Optimum);
            DataConstrainedMode.AddJson(node, plan);
            return node.ToJsonString();
        }

        var namedLaw = LawOption.Resolve(LawText);
        double weight = InferenceCostWeightText is null ? 1 : CliParse.Positive("--inference-cost-weight", InferenceCostWeightText, "0.5");
        var inference = InferenceMode.Solve(namedLaw, flops, CliParse.NonNegative(InferenceMode.Option, InferenceTokensText!, "2e12"), weight);
        if (!json)
        {
            return InferenceMode.Describe(namedLaw, inference);
        }

        var result = PlanCommand.ToJson(namedLaw, inference.Optimum);
        InferenceMode.AddJson(result, inference);
        return result.ToJsonString();
    }

    private void Validate()
    {
        string mode = UniqueTokensText is not null ? DataConstrainedMode.Option : InferenceMode.Option;
        if (UniqueTokensText is not null && InferenceTokensText is not null)
        {
            throw new UsageException($"{DataConstrainedMode.Option}: give either --unique-tokens U or --inference-tokens T, not both.");
        }

        if (FlopsText is null || OtherModeGiven)
        {
            throw new UsageException($"{mode}: plan it from a budget alone, e.g. --flops 1e24 {mode} {(mode == InferenceMode.Option ? "2e12" : "500e9")} (no --target-loss, --parameters or caps).");
        }

        if (UniqueTokensText is not null && InferenceCostWeightText is not null)
        {
            throw new UsageException($"--inference-cost-weight: only applies with {InferenceMode.Option} T.");
        }
    }
}
