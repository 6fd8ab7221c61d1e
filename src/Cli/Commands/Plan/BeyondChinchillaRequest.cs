using Scaling.Cli.Shared;

namespace Scaling.Cli.Commands.Plan;

/// <summary>
/// The plan modes beyond the Chinchilla frontier: limited unique data (<c>--unique-tokens</c>) or inference demand
/// (<c>--inference-tokens</c>). Both start from a budget (<c>--flops</c>, or <c>--budget-eur</c> with <c>--gpu</c>); the
/// output keeps the plain plan's fields, adds its own, and with <c>--gpu</c> the resource block of the training run.
/// </summary>
internal sealed record BeyondChinchillaRequest(
    string? LawText, double? Flops, double? UniqueTokens, double? InferenceTokens, double? InferenceCostWeight, bool OtherModeGiven)
{
    /// <summary>The resource options, when <c>--gpu</c> was given.</summary>
    public ResourceRequest? Resources { get; init; }

    /// <summary><c>--inference-mfu</c>: the serving utilisation.</summary>
    public double? InferenceMfu { get; init; }

    /// <summary><c>--inference-eur-per-gpu-hour</c>: the serving price.</summary>
    public double? InferencePrice { get; init; }

    public string Run(bool json)
    {
        Validate();
        double flops = (Resources is null ? Flops : Resources.Flops(Flops)) ?? throw new UsageException("--flops: give a budget, e.g. --flops 1e24.");
        return UniqueTokens is { } unique ? DataConstrained(flops, unique, json) : Inference(flops, InferenceTokens ?? 0, json);
    }

    private string DataConstrained(double flops, double uniqueTokens, bool json)
    {
        var law = LawText is null ? DataConstrainedMode.DefaultLaw : LawOption.Resolve(LawText);
        var plan = DataConstrainedMode.Solve(law, flops, uniqueTokens);
        var budget = Resources?.Plan(plan.Optimum);
        if (!json)
        {
            return DataConstrainedMode.Describe(law, plan) + ResourceMemo.Prose(budget, Resources?.GpuAssumed ?? false);
        }

        var output = new PlanOutput(PlanFields.From(law, plan.Optimum))
        {
            DataConstrained = DataConstrainedOutput.From(plan),
            Resources = ResourcesOutput.From(budget),
        };
        return CliJson.Write(output, CliJsonContext.Default.PlanOutput);
    }

    private string Inference(double flops, double inferenceTokens, bool json)
    {
        var law = LawOption.Resolve(LawText);
        var plan = InferenceMode.Solve(law, flops, inferenceTokens, CostWeight());

        // The training run is priced on its own: it costs more than the Chinchilla budget, which serving pays back.
        var budget = Resources is null ? null : (Resources with { BudgetEuros = null }).Plan(plan.Optimum);
        double? eurosPerTrainingFlop = Resources is null ? null : Resources.Assumptions.Rate.EurosForFlops(1);
        if (!json)
        {
            return InferenceMode.Describe(law, plan, eurosPerTrainingFlop) + ResourceMemo.Prose(budget, Resources?.GpuAssumed ?? false);
        }

        var output = new PlanOutput(PlanFields.From(law, plan.Optimum))
        {
            Inference = InferenceOutput.From(plan, eurosPerTrainingFlop),
            Resources = ResourcesOutput.From(budget),
        };
        return CliJson.Write(output, CliJsonContext.Default.PlanOutput);
    }

    /// <summary>
    /// What an inference FLOP costs in training FLOPs: given directly, or from the serving price and utilisation on the
    /// same GPU (<see cref="Scaling.Resources.ComputeRate.InferenceCostWeight"/>).
    /// </summary>
    private double CostWeight()
    {
        if (InferenceCostWeight is { } weight)
        {
            return weight;
        }

        if (Resources is null)
        {
            return 1;
        }

        var training = Resources.Assumptions.Rate;
        return training.InferenceCostWeight(InferenceMfu ?? training.Mfu, InferencePrice ?? training.EurosPerGpuHour);
    }

    private void Validate()
    {
        string mode = UniqueTokens is not null ? DataConstrainedMode.Option : InferenceMode.Option;
        if (UniqueTokens is not null && InferenceTokens is not null)
        {
            throw new UsageException($"{DataConstrainedMode.Option}: give either --unique-tokens U or --inference-tokens T, not both.");
        }

        bool budgetGiven = (Flops is not null) != (Resources?.BudgetEuros is not null);
        if (!budgetGiven || OtherModeGiven)
        {
            throw new UsageException($"{mode}: plan it from one budget alone, e.g. --flops 1e24 {mode} {(mode == InferenceMode.Option ? "2e12" : "500e9")} (or --budget-eur with --gpu; no --target-loss, --parameters or caps).");
        }

        string? strayInference = InferenceCostWeight is not null ? "--inference-cost-weight"
            : InferenceMfu is not null ? "--inference-mfu"
            : InferencePrice is not null ? "--inference-eur-per-gpu-hour" : null;
        if (UniqueTokens is not null && strayInference is not null)
        {
            throw new UsageException($"{strayInference}: only applies with {InferenceMode.Option} T, not with {DataConstrainedMode.Option}.");
        }

        if (InferenceCostWeight is not null && (InferenceMfu ?? InferencePrice) is not null)
        {
            throw new UsageException("--inference-cost-weight: give either the weight or --inference-mfu/--inference-eur-per-gpu-hour, not both.");
        }

        if (Resources is null && (InferenceMfu ?? InferencePrice) is not null)
        {
            throw new UsageException("--inference-mfu: serving price and utilisation need --gpu NAME (or use --inference-cost-weight).");
        }
    }
}
