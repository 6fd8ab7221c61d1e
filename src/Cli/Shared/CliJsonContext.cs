using System.Text.Json.Serialization;
using Scaling.Cli.Commands.Audit;
using Scaling.Cli.Commands.Campaign;
using Scaling.Cli.Commands.Finetune;
using Scaling.Cli.Commands.Fit;
using Scaling.Cli.Commands.Hardware;
using Scaling.Cli.Commands.Laws;
using Scaling.Cli.Commands.Mfu;
using Scaling.Cli.Commands.Plan;

namespace Scaling.Cli.Shared;

/// <summary>
/// The JSON contracts of every command's output, generated at compile time (System.Text.Json source generation): no
/// reflection, so the Native AOT tool prints what the tests see, and a member name exists only as a typed property.
/// Names are camelCase; a number JSON cannot hold (±∞, NaN) is written as null (<see cref="FiniteNumberConverter"/>); the parts of a <see cref="FlatOutput"/> are listed so its converter can write them.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, Converters = [typeof(FiniteNumberConverter)])]
[JsonSerializable(typeof(LawsOutput[]))]
[JsonSerializable(typeof(HardwareOutput[]))]
[JsonSerializable(typeof(AuditOutput[]))]
[JsonSerializable(typeof(ArchitectureOutput))]
[JsonSerializable(typeof(MfuOutput))]
[JsonSerializable(typeof(FinetuneOutput))]
[JsonSerializable(typeof(PlanOutput))]
[JsonSerializable(typeof(PlanFields))]
[JsonSerializable(typeof(PlanIntervalsPart))]
[JsonSerializable(typeof(PlanExtrapolation.Part))]
[JsonSerializable(typeof(PlanBasisPart))]
[JsonSerializable(typeof(CampaignPlanOutput))]
[JsonSerializable(typeof(LawOptimumPart))]
[JsonSerializable(typeof(PlanArchitectureOutput))]
[JsonSerializable(typeof(PlanLayoutPart))]
[JsonSerializable(typeof(PlanMoeOutput))]
[JsonSerializable(typeof(PlanMoePart))]
[JsonSerializable(typeof(DataConstrainedOutput))]
[JsonSerializable(typeof(InferenceOutput))]
[JsonSerializable(typeof(ResourcesOutput))]
[JsonSerializable(typeof(DistillationPart))]
[JsonSerializable(typeof(RobustPlanOutput))]
[JsonSerializable(typeof(ConsensusOutput))]
[JsonSerializable(typeof(FitOutput))]
[JsonSerializable(typeof(Approach3Output))]
[JsonSerializable(typeof(AllocationFitOutput))]
[JsonSerializable(typeof(SkippedApproachOutput))]
[JsonSerializable(typeof(ExtrapolationOutput))]
[JsonSerializable(typeof(CampaignOutput))]
[JsonSerializable(typeof(CampaignDesignOutput))]
[JsonSerializable(typeof(SimulationOutput))]
[JsonSerializable(typeof(SimulatedEstimatesOutput))]
[JsonSerializable(typeof(Approach2EstimatesPart))]
[JsonSerializable(typeof(CalibratedEstimatesPart))]
[JsonSerializable(typeof(NextRunsOutput))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
