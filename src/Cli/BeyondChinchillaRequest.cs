using System.Text.Json.Nodes;
using Scaling.Allocation;
using Scaling.Laws;

namespace Scaling.Cli;

/// <summary>
/// The plan modes beyond the Chinchilla frontier: limited unique data (<c>--unique-tokens</c>) or inference demand
/// (<c>--inference-tokens</c>). Both start from a budget (<c>--flops</c>, or <c>--budget-eur</c> with <c>--gpu</c>); the
/// output keeps the plain plan's fields, adds its own, and with <c>--gpu</c> the resource block of the training run.
/// </summary>
internal sealed record BeyondChinchillaRequest(
    string? LawText, string? FlopsText, string? UniqueTokensText, string? InferenceTokensText, string? InferenceCostWeightText, bool OtherModeGiven)
{
    /// <summary>The resource options, when <c>--gpu</c> was given.</summary>
    public ResourceRequest? Resources { get; init; }

    /// <summary><c>--inference-mfu</c>: the serving utilisation.</summary>
    public string? InferenceMfuText { get; init; }

    /// <summary><c>--inference-eur-per-gpu-hour</c>: the serving price.</summary>
    public string? InferencePriceText { get; init; }

    public string Run(bool json)
    {
        Validate();
        double flops = CliParse.Positive(Resources?.BudgetEuros is null ? "--flops" : "--budget-eur", Resources?.FlopsText(FlopsText) ?? FlopsText!, "1e24");
        return UniqueTokensText is not null ? DataConstrained(flops, json) : Inference(flops, json);
    }

    private string DataConstrained(double flops, bool json)
    {
        var law = LawText is null ? DataConstrainedMode.DefaultLaw : LawOption.Resolve(LawText);
        var plan = DataConstrainedMode.Solve(law, flops, CliParse.Positive(DataConstrainedMode.Option, UniqueTokensText!, "500e9"));
        var budget = Resources?.Plan(plan.Optimum);
        if (!json)
        {
            return DataConstrainedMode.Describe(law, plan) + ResourceReport.Prose(budget);
        }

        var node = PlanCommand.ToJson(law, plan.Optimum);
        DataConstrainedMode.AddJson(node, plan);
        return ResourceReport.Json(node, budget).ToJsonString();
    }

    private string Inference(double flops, bool json)
    {
        var law = LawOption.Resolve(LawText);
        var plan = InferenceMode.Solve(law, flops, CliParse.NonNegative(InferenceMode.Option, InferenceTokensText!, "2e12"), CostWeight());

        // The training run is priced on its own: it costs more than the Chinchilla budget, which serving pays back.
        var budget = Resources is null ? null : (Resources with { BudgetEuros = null }).Plan(plan.Optimum);
        double? eurosPerTrainingFlop = Resources is null ? null : Resources.Assumptions.Rate.EurosForFlops(1);
        if (!json)
        {
            return InferenceMode.Describe(law, plan, eurosPerTrainingFlop) + ResourceReport.Prose(budget);
        }

        var node = PlanCommand.ToJson(law, plan.Optimum);
        InferenceMode.AddJson(node, plan, eurosPerTrainingFlop);
        return ResourceReport.Json(node, budget).ToJsonString();
    }

    /// <summary>
    /// What an inference FLOP costs in training FLOPs: given directly, or from the serving price and utilisation on the
    /// same GPU, w = (price_serve / MFU_serve) / (price_train / MFU_train).
    /// </summary>
    private double CostWeight()
    {
        if (InferenceCostWeightText is not null)
        {
            return CliParse.Positive("--inference-cost-weight", InferenceCostWeightText, "0.5");
        }

        if (Resources is null)
        {
            return 1;
        }

        var training = Resources.Assumptions.Rate;
        double mfu = InferenceMfuText is null ? training.Mfu : CliParse.Fraction("--inference-mfu", InferenceMfuText, "0.3");
        double price = InferencePriceText is null ? training.EurosPerGpuHour : CliParse.Positive("--inference-eur-per-gpu-hour", InferencePriceText, "2.5");
        return price / mfu / (training.EurosPerGpuHour / training.Mfu);
    }

    private void Validate()
    {
        string mode = UniqueTokensText is not null ? DataConstrainedMode.Option : InferenceMode.Option;
        if (UniqueTokensText is not null && InferenceTokensText is not null)
        {
            throw new UsageException($"{DataConstrainedMode.Option}: give either --unique-tokens U or --inference-tokens T, not both.");
        }

        bool budgetGiven = (FlopsText is not null) != (Resources?.BudgetEuros is not null);
        if (!budgetGiven || OtherModeGiven)
        {
            throw new UsageException($"{mode}: plan it from one budget alone, e.g. --flops 1e24 {mode} {(mode == InferenceMode.Option ? "2e12" : "500e9")} (or --budget-eur with --gpu; no --target-loss, --parameters or caps).");
        }

        string? strayInference = InferenceCostWeightText is not null ? "--inference-cost-weight"
            : InferenceMfuText is not null ? "--inference-mfu"
            : InferencePriceText is not null ? "--inference-eur-per-gpu-hour" : null;
        if (UniqueTokensText is not null && strayInference is not null)
        {
            throw new UsageException($"{strayInference}: only applies with {InferenceMode.Option} T, not with {DataConstrainedMode.Option}.");
        }

        if (InferenceCostWeightText is not null && (InferenceMfuText ?? InferencePriceText) is not null)
        {
            throw new UsageException("--inference-cost-weight: give either the weight or --inference-mfu/--inference-eur-per-gpu-hour, not both.");
        }

        if (Resources is null && (InferenceMfuText ?? InferencePriceText) is not null)
        {
            throw new UsageException("--inference-mfu: serving price and utilisation need --gpu NAME (or use --inference-cost-weight).");
        }
    }
}
