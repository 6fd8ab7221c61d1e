using Scaling.Audit;
using Scaling.Laws;

namespace Scaling.Cli.Commands.Audit;

/// <summary>One audited model of <c>scaling audit --json</c> (the command prints an array of them, by compute).</summary>
internal sealed record AuditOutput(
    string Name,
    int? Year,
    string? Organization,
    double Parameters,
    double Tokens,
    double Flops,
    double TokensPerParameter,
    double OptimalParameters,
    double OptimalTokens,
    double OptimalTokensPerParameter,
    double ParameterRatio,
    double OptimalTokensForSize,
    double? PredictedLoss,
    double? OptimalLoss,
    double? LossGap,
    double? FlopsForSameLoss,
    double? WastedComputeFraction,
    string Verdict,
    double ParameterRatioTolerance,
    string Law,
    double? PublishedTrainingFlops,
    string? Hardware,
    double? GpuHours,
    double? EnergyMegawattHours,
    double? Co2Tonnes,
    string Source,
    string? Notes)
{
    public static AuditOutput From(ScalingLaw law, AuditedModel row)
    {
        var (m, a) = (row.Model, row.Audit);
        return new(
            m.Name, m.Year, m.Organization, a.Parameters, a.Tokens, a.Flops, a.TokensPerParameter, a.OptimalParameters, a.OptimalTokens,
            a.OptimalTokensPerParameter, a.ParameterRatio, a.OptimalTokensForSize, a.PredictedLoss, a.OptimalLoss, a.LossGap, a.FlopsForSameLoss,
            a.WastedComputeFraction, a.Verdict.ToText(), a.ParameterRatioTolerance, law.Name, m.TrainingFlops, m.Hardware, m.GpuHours,
            m.EnergyMegawattHours, m.Co2Tonnes, m.Source, m.Notes);
    }
}
