using System.Text.Json.Serialization;
using Scaling.Cli.Commands.Architecture;

namespace Scaling.Cli.Commands.Plan;

/// <summary>
/// The fields <c>scaling plan --architecture</c> adds: the proposed shape, its learning rate and batch, and how
/// FLOPs per token were counted (with <c>exact</c>, the tokens C/6N would have given).
/// </summary>
internal sealed record PlanArchitectureOutput(ArchitectureOutput Architecture, double? LearningRate, double? BatchTokens, string FlopsPerTokenCounting)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? TokensBy6N { get; init; }
}
