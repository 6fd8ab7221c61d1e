using System.Text.Json.Serialization;
using Scaling.Allocation;
using Scaling.Cli.Shared;
using Scaling.Hardware;
using Scaling.Laws;
using Scaling.Resources;

namespace Scaling.Cli.Commands.Plan;

/// <summary>
/// <c>scaling plan --json</c>: the plan's fields, then at the same level those of each section the options asked for —
/// bootstrap intervals (a fit file with refits), the proposed architecture, a data-constrained or inference-aware mode,
/// the resources (<c>--gpu</c>) and distillation (<c>--distill-from</c>).
/// </summary>
[JsonConverter(typeof(FlatOutputConverter<PlanOutput>))]
internal sealed record PlanOutput(PlanFields Plan) : FlatOutput
{
    public PlanIntervalsPart? Intervals { get; init; }

    public PlanBasisPart? Basis { get; init; }

    public PlanExtrapolation.Part? Extrapolation { get; init; }

    public LawOptimumPart? LawOptimum { get; init; }

    public PlanArchitectureOutput? Architecture { get; init; }

    public DataConstrainedOutput? DataConstrained { get; init; }

    public InferenceOutput? Inference { get; init; }

    public ResourcesOutput? Resources { get; init; }

    public PlanLayoutPart? Layout { get; init; }

    public DistillationPart? Distillation { get; init; }

    public override IEnumerable<object?> Parts() => [Plan, Intervals, Basis, Extrapolation, LawOptimum, Architecture, DataConstrained, Inference, Resources, Layout, Distillation];
}

/// <summary>The plan itself: N*, D* and the loss (null for an allocation rule) at the budget under the law.</summary>
internal sealed record PlanFields(string Law, double Flops, double Parameters, double Tokens, double TokensPerParameter, double? Loss, double ExponentA, double ExponentB)
{
    public static PlanFields From(ScalingLaw law, ComputeOptimum optimum) => new(
        law.Name, optimum.Flops, optimum.Parameters, optimum.Tokens, optimum.TokensPerParameter,
        optimum is LossOptimum { Loss: var loss } ? loss : null, optimum.ExponentA, optimum.ExponentB);
}

/// <summary>
/// The plan's intervals: the calibrated forecast's (no loss interval) when the plan rests on it, else the bootstrap's
/// from the refits a fit file carries (see <c>basis</c>).
/// </summary>
internal sealed record PlanIntervalsPart(PlanIntervalsOutput Intervals)
{
    public static PlanIntervalsPart? From(FittedPlan? plan) => plan switch
    {
        ForecastPlan f => new(new PlanIntervalsOutput(
            IntervalOutput.Calibrated(f.Forecast.Parameters, f.Forecast.ParametersLower, f.Forecast.ParametersUpper),
            IntervalOutput.Calibrated(f.Forecast.Tokens, f.Forecast.TokensLower, f.Forecast.TokensUpper),
            IntervalOutput.Calibrated(f.Forecast.TokensPerParameter, f.Forecast.TokensPerParameterLower, f.Forecast.TokensPerParameterUpper),
            Loss: null)),
        LawPlan { LawIntervals: { } intervals } => new(new PlanIntervalsOutput(
            IntervalOutput.From(intervals.Parameters), IntervalOutput.From(intervals.Tokens),
            IntervalOutput.From(intervals.TokensPerParameter), IntervalOutput.From(intervals.Loss))),
        _ => null,
    };
}

/// <summary>Intervals of N*, D*, D*/N* and (a bootstrap's only) the loss at the budget.</summary>
internal sealed record PlanIntervalsOutput(
    IntervalOutput Parameters,
    IntervalOutput Tokens,
    IntervalOutput TokensPerParameter,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IntervalOutput? Loss);

/// <summary>What the plan of a fit rests on: <c>"basis": {"kind": "forecast" | "law", …}</c>.</summary>
internal sealed record PlanBasisPart(PlanBasisOutput Basis);

/// <summary>The fitted law's own optimum beside a plan that rests on the forecast: <c>"lawOptimum": {…}</c>.</summary>
internal sealed record LawOptimumPart(LawOptimumOutput LawOptimum);

/// <summary>
/// The fields <c>scaling plan --architecture</c> adds: the proposed shape, its learning rate and batch, and how
/// FLOPs per token were counted (with <c>exact</c>, the tokens C/6N would have given).
/// </summary>
internal sealed record PlanArchitectureOutput(ArchitectureOutput Architecture, double? LearningRate, double? BatchTokens, string FlopsPerTokenCounting)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? TokensBy6N { get; init; }
}

/// <summary>The fields <c>scaling plan --unique-tokens</c> adds to the plan's.</summary>
internal sealed record DataConstrainedOutput(
    double UniqueTokens,
    double Epochs,
    double EffectiveTokens,
    double EffectiveParameters,
    double UnconstrainedLoss,
    double UnconstrainedParameters,
    double UnconstrainedTokens,
    double NaiveLoss,
    double ReturnsRatio,
    IReadOnlyList<string> Warnings)
{
    public static DataConstrainedOutput From(DataConstrainedOptimum plan) => new(
        plan.UniqueTokens, plan.Epochs, plan.EffectiveTokens, plan.EffectiveParameters, plan.UnconstrainedLoss, plan.Unconstrained.Parameters,
        plan.Unconstrained.Tokens, plan.NaiveLoss, plan.ReturnsRatio, DataConstrainedMode.Warnings(plan).ToArray());
}

/// <summary>The fields <c>scaling plan --inference-tokens</c> adds to the plan's (the euro costs only with <c>--gpu</c>).</summary>
internal sealed record InferenceOutput(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? TotalCostEuros,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ChinchillaTotalCostEuros,
    double BudgetFlops,
    double InferenceTokens,
    double InferenceFlops,
    double TotalFlops,
    double InferenceCostWeight,
    double ChinchillaParameters,
    double ChinchillaTokens,
    double ChinchillaTotalFlops,
    double SavingFraction)
{
    public static InferenceOutput From(InferenceAwareOptimum plan, double? eurosPerTrainingFlop) => new(
        plan.TotalCost * eurosPerTrainingFlop,
        plan.ChinchillaTotalCost * eurosPerTrainingFlop,
        plan.Chinchilla.Flops,
        plan.InferenceTokens,
        plan.InferenceFlops,
        plan.TotalFlops,
        plan.InferenceCostWeight,
        plan.Chinchilla.Parameters,
        plan.Chinchilla.Tokens,
        plan.ChinchillaTotalFlops,
        plan.SavingFraction);
}

/// <summary>The fields <c>scaling plan --gpu</c> adds: hardware, time, cost, energy, CO₂ and memory of the plan.</summary>
internal sealed record ResourcesOutput(
    double? BudgetEuros,
    string Gpu,
    string Precision,
    double PeakFlopsPerSecond,
    double Mfu,
    double EurPerGpuHour,
    string? PriceDate,
    string PriceNote,
    double GpuHours,
    double CostEuros,
    int Gpus,
    int MinimumGpus,
    string GpuCountReason,
    double? DeadlineDays,
    double? ScheduleDays,
    int MaxGpus,
    double Days,
    bool LongerThanAYear,
    double? WattsPerGpu,
    double Overhead,
    double Pue,
    double? ClusterKilowatts,
    double? EnergyKilowattHours,
    double GridGramsCo2PerKilowattHour,
    double? Co2Tonnes,
    string TrainingStateRecipe,
    double TrainingBytesPerParameter,
    double UsableMemoryFraction,
    double MemoryBytesPerGpu,
    double TrainingMemoryBytes,
    Dictionary<string, double> WeightsMemoryBytes,
    Dictionary<string, double> InferenceMemoryBytes,
    bool ActivationsIncluded)
{
    /// <summary>Litres of water on site, off site and in all (Li et al. 2023); null without a power figure.</summary>
    public WaterLitresOutput? WaterLitres { get; init; }

    /// <summary>On-site water usage effectiveness assumed, litres per kWh of server energy.</summary>
    public double WueLitresPerKilowattHour { get; init; }

    /// <summary>Off-site water intensity of the grid assumed, litres per kWh drawn.</summary>
    public double WaterIntensityLitresPerKilowattHour { get; init; }

    /// <summary>The hardware's manufacturing CO₂eq charged to the run (Luccioni et al. 2023).</summary>
    public double EmbodiedCo2Tonnes { get; init; }

    /// <summary>Embodied kg CO₂eq of one GPU assumed.</summary>
    public double EmbodiedKilogramsPerGpu { get; init; }

    /// <summary>Embodied kg CO₂eq of one server without its GPUs assumed.</summary>
    public double EmbodiedKilogramsPerServer { get; init; }

    /// <summary>GPUs per node: a derived count comes in whole nodes, and they share a server's embodied emissions.</summary>
    public int GpusPerNode { get; init; }

    /// <summary>Years the hardware's embodied emissions are spread over.</summary>
    public double HardwareLifetimeYears { get; init; }

    /// <summary>Share of its life the hardware runs jobs.</summary>
    public double HardwareUtilisation { get; init; }

    private static readonly Scaling.Hardware.Precision[] MemoryPrecisions = [Scaling.Hardware.Precision.Fp32, Scaling.Hardware.Precision.Bf16, Scaling.Hardware.Precision.Fp16, Scaling.Hardware.Precision.Fp8, Scaling.Hardware.Precision.Int8, Scaling.Hardware.Precision.Int4];

    public static ResourcesOutput? From(BudgetPlan? plan)
    {
        if (plan is null)
        {
            return null;
        }

        var r = plan.Resources;
        var a = r.Assumptions;
        return new ResourcesOutput(
            plan.BudgetEuros,
            a.Accelerator.Name,
            Precisions.Name(a.TrainingPrecision),
            r.Rate.PeakFlopsPerSecond,
            r.Rate.Mfu,
            r.Rate.EurosPerGpuHour,
            a.EurosPerGpuHour is null ? a.Accelerator.PriceDate : null,
            a.EurosPerGpuHour is null ? a.Accelerator.PriceNote : "given by the user",
            r.GpuHours,
            r.CostEuros,
            r.Gpus,
            r.MinimumGpus,
            r.GpuCountReason switch
            {
                Scaling.Resources.GpuCountReason.Given => "given",
                Scaling.Resources.GpuCountReason.MeetsDeadline => "meets-deadline",
                Scaling.Resources.GpuCountReason.FitsLayout => "fits-layout",
                Scaling.Resources.GpuCountReason.MeetsSchedule => "meets-schedule",
                Scaling.Resources.GpuCountReason.AtMaxGpus => "at-max-gpus",
                _ => "holds-training-state",
            },
            a.DeadlineDays,
            a.ScheduleDays,
            a.MaxGpus,
            r.Days,
            r.IsLongerThanAYear,
            r.Energy?.WattsPerGpu,
            a.Overhead,
            a.Pue,
            r.ClusterKilowatts,
            r.KilowattHours,
            a.GridGramsCo2PerKilowattHour,
            r.Co2Tonnes,
            a.Recipe.Name,
            r.Memory.TrainingBytesPerParameter,
            a.UsableMemoryFraction,
            a.Accelerator.MemoryBytes,
            r.Memory.TrainingStateBytes,
            MemoryPrecisions.ToDictionary(Precisions.Name, r.Memory.WeightsBytes),
            MemoryPrecisions.ToDictionary(Precisions.Name, r.Memory.InferenceBytes),
            ActivationsIncluded: false)
        {
            WaterLitres = WaterLitresOutput.From(r.Water),
            WueLitresPerKilowattHour = a.WueLitresPerKilowattHour,
            WaterIntensityLitresPerKilowattHour = a.WaterIntensityLitresPerKilowattHour,
            EmbodiedCo2Tonnes = r.EmbodiedCo2Tonnes,
            EmbodiedKilogramsPerGpu = a.EmbodiedKilogramsPerGpu,
            EmbodiedKilogramsPerServer = a.EmbodiedKilogramsPerServer,
            GpusPerNode = a.GpusPerNode,
            HardwareLifetimeYears = a.HardwareLifetimeYears,
            HardwareUtilisation = a.HardwareUtilisation,
        };
    }
}
