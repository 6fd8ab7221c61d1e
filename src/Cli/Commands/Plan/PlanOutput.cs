using System.Text.Json.Serialization;
using Scaling.Allocation;
using Scaling.Cli.Shared;
using Scaling.Fitting.Bootstrap;
using Scaling.Laws;

namespace Scaling.Cli.Commands.Plan;

/// <summary>
/// <c>scaling plan --json</c>: the plan's fields, then at the same level those of each section the options asked for —
/// bootstrap intervals (a fit file with refits), the proposed architecture, a data-constrained or inference-aware mode,
/// and the resources (<c>--gpu</c>).
/// </summary>
[JsonConverter(typeof(FlatOutputConverter<PlanOutput>))]
internal sealed record PlanOutput(PlanFields Plan) : FlatOutput
{
    public PlanIntervalsPart? Intervals { get; init; }

    public PlanArchitectureOutput? Architecture { get; init; }

    public DataConstrainedOutput? DataConstrained { get; init; }

    public InferenceOutput? Inference { get; init; }

    public ResourcesOutput? Resources { get; init; }

    public override IEnumerable<object?> Parts() => [Plan, Intervals, Architecture, DataConstrained, Inference, Resources];
}

/// <summary>The plan itself: N*, D* and the loss (null for an allocation rule) at the budget under the law.</summary>
internal sealed record PlanFields(string Law, double Flops, double Parameters, double Tokens, double TokensPerParameter, double? Loss, double ExponentA, double ExponentB)
{
    public static PlanFields From(ScalingLaw law, ComputeOptimum optimum) => new(
        law.Name, optimum.Flops, optimum.Parameters, optimum.Tokens, optimum.TokensPerParameter,
        optimum is LossOptimum { Loss: var loss } ? loss : null, optimum.ExponentA, optimum.ExponentB);
}

/// <summary>The plan's bootstrap intervals from the refits a fit file carries.</summary>
internal sealed record PlanIntervalsPart(PlanIntervalsOutput Intervals)
{
    public static PlanIntervalsPart? From(OptimumIntervals? intervals) => intervals is null
        ? null
        : new(new PlanIntervalsOutput(
            IntervalOutput.From(intervals.Parameters), IntervalOutput.From(intervals.Tokens),
            IntervalOutput.From(intervals.TokensPerParameter), IntervalOutput.From(intervals.Loss)));
}

/// <summary>Intervals of N*, D*, D*/N* and the loss at the budget.</summary>
internal sealed record PlanIntervalsOutput(IntervalOutput Parameters, IntervalOutput Tokens, IntervalOutput TokensPerParameter, IntervalOutput Loss);
