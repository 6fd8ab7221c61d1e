using System.Text.Json.Serialization;
using Scaling.Architecture;
using Scaling.Hardware;

namespace Scaling.Cli.Shared;

/// <summary>
/// <c>scaling architecture --json</c>, and the <c>architecture</c> member of <c>scaling plan --architecture --json</c>
/// (which adds the per-GPU training memory and serving GPUs with <c>--gpu</c>).
/// </summary>
internal sealed record ArchitectureOutput(
    long Parameters,
    long ActiveParameters,
    long ActiveParametersWithoutEmbeddingLookup,
    int? Experts,
    int? ActiveExperts,
    int? SharedExperts,
    int? ExpertFfnSize,
    int? DenseLayers,
    LatentAttentionOutput? LatentAttention,
    long NonEmbeddingParameters,
    int Layers,
    int DModel,
    int Heads,
    int KvHeads,
    int HeadSize,
    int FfnSize,
    int Vocabulary,
    string Conventions,
    bool GatedFfn,
    bool TiedEmbeddings,
    double AspectRatio,
    int Context,
    string ContextSource,
    int? MaxContext,
    string? ModelType,
    IReadOnlyList<string>? DefaultedKeys,
    string Precision,
    double FlopsPerToken,
    FlopsPerTokenByOutput FlopsPerTokenBy,
    double KvCacheBytesPerToken,
    Dictionary<string, double> WeightsBytes,
    double TrainingStateBytes,
    ActivationBytesOutput ActivationBytesPerSequence,
    double? LearningRate,
    double? BatchTokens,
    double? KaplanCriticalBatchTokens,
    PtqOutput? Ptq,
    string? PtqWarning,
    string LeftOut)
{
    /// <summary>The Step Law's learning rate and batch, beside DeepSeek's (absent without --tokens).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StepLawOutput? StepLaw { get; init; }

    /// <summary>With <c>scaling plan --architecture --gpu</c>: training memory per GPU.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? TrainingBytesPerGpu { get; init; }

    /// <summary>With <c>scaling plan --architecture --gpu</c>: the GPUs that serve the model, by weights precision.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, int>? ServingGpus { get; init; }

    /// <param name="p">The profile.</param>
    /// <param name="choice">Where the shape and context came from (a config's maximum context and defaulted keys), when known.</param>
    public static ArchitectureOutput From(ArchitectureProfile p, ShapeChoice? choice = null)
    {
        var s = p.Shape;
        return new ArchitectureOutput(
            s.Parameters,
            s.ActiveParameters,
            s.ActiveParametersWithoutEmbeddingLookup,
            s.Experts?.Experts,
            s.Experts?.ActiveExperts,
            s.Experts?.SharedExperts,
            s.Experts?.ExpertFfnSize,
            s.Experts?.DenseLayers,
            s.Latent is { } l ? new LatentAttentionOutput(l.QueryRank, l.KvRank, l.NopeHeadSize, l.RopeHeadSize, l.ValueHeadSize) : null,
            s.NonEmbeddingParameters,
            s.Layers,
            s.DModel,
            s.Heads,
            s.KvHeads,
            s.HeadSize,
            s.FfnSize,
            s.Vocabulary,
            s.Conventions.Name,
            s.Conventions.GatedFfn,
            s.Conventions.TiedEmbeddings,
            s.AspectRatio,
            p.ContextTokens,
            choice is { ContextGiven: false } ? "default" : "given",
            choice?.Config?.MaxContext,
            choice?.Config?.ModelType,
            choice?.Config?.DefaultedKeys,
            Precisions.Name(p.Precision),
            p.FlopsPerToken,
            new FlopsPerTokenByOutput(
                p.FlopsPerTokenBy(FlopsCounting.SixN), p.FlopsPerTokenBy(FlopsCounting.Kaplan2020),
                p.FlopsPerTokenBy(FlopsCounting.Hoffmann2022), p.FlopsPerTokenBy(FlopsCounting.Palm2022)),
            p.KvCacheBytesPerToken,
            Precisions.All.Where(w => w != Scaling.Hardware.Precision.Tf32).ToDictionary(Precisions.Name, s.WeightsBytes),
            p.TrainingStateBytes,
            new ActivationBytesOutput(p.ActivationBytes(Recomputation.None), p.ActivationBytes(Recomputation.Selective), p.ActivationBytes(Recomputation.Full)),
            p.Hyperparameters?.LearningRate,
            p.Hyperparameters?.BatchTokens,
            p.CriticalBatchTokens,
            p.Ptq is { } ptq ? PtqOutput.From(ptq) : null,
            p.PtqWarning,
            ArchitectureMemo.LeftOut)
        {
            StepLaw = p.AlternativeHyperparameters is { } alt ? new StepLawOutput(alt.LearningRate, alt.BatchTokens, alt.Source) : null,
        };
    }
}

/// <summary>Multi-head latent attention's sizes (DeepSeek-V2 §2.1).</summary>
internal sealed record LatentAttentionOutput(int? QueryRank, int KvRank, int NopeHeadSize, int RopeHeadSize, int ValueHeadSize);

/// <summary>Training FLOPs per token by each counting rule.</summary>
internal sealed record FlopsPerTokenByOutput(double SixN, double Kaplan2020, double Hoffmann2022, double Palm2022);

/// <summary>Activation bytes per sequence by recomputation (Korthikanti et al. 2022).</summary>
internal sealed record ActivationBytesOutput(double None, double Selective, double Full);

/// <summary>The Step Law's hyperparameters.</summary>
internal sealed record StepLawOutput(double LearningRate, double BatchTokens, string Source);

/// <summary>The post-training quantisation outlook (Kumar et al. 2024).</summary>
internal sealed record PtqOutput(
    double TokensPerParameter, double GrowthOverChinchilla, double Int8LossPenalty, double Int4LossPenalty, double Int4CriticalTokens, bool Costly, string Source)
{
    private const string Formula =
        "Kumar et al. 2024 (arXiv 2411.04330), Eq. 2 with Table 2: δ_PTQ = C_T·D^γ_D/N^γ_N·e^(−P/γ_post); nats/token on its Dolma runs";

    public static PtqOutput From(PtqOutlook ptq) =>
        new(ptq.TokensPerParameter, ptq.GrowthOverChinchilla, ptq.Int8LossPenalty, ptq.Int4LossPenalty, ptq.Int4CriticalTokens, ptq.Costly, Formula);
}
