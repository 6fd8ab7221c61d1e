using System.Globalization;
using System.Text.Json.Nodes;
using Scaling.Architecture;
using Scaling.Cli.Shared;
using Scaling.Hardware;

namespace Scaling.Cli.Commands.Architecture;

/// <summary>Prose and JSON for an <see cref="ArchitectureProfile"/>, shared by <c>scaling architecture</c> and <c>scaling plan --architecture</c>.</summary>
internal static class ArchitectureReport
{
    private static readonly Precision[] WeightPrecisions = [Precision.Fp32, Precision.Bf16, Precision.Fp8, Precision.Int8, Precision.Int4];

    public const string LeftOut =
        "Left out: optimiser and communication buffers beyond the recipe, allocator fragmentation, logits and embedding "
        + "activations, pipeline in-flight micro-batches, KV-cache paging overhead.";

    public static string Prose(ArchitectureProfile p)
    {
        var s = p.Shape;
        var i = CultureInfo.InvariantCulture;
        double sixN = 6.0 * s.Parameters;
        var lines = new List<string>
        {
            $"Shape: {s} ({s.Conventions.Name} conventions), d_model/layers {Humanize.Significant(s.AspectRatio)}.",
            $"  Parameters {s.Parameters.ToString("N0", i)} (non-embedding {Humanize.Count(s.NonEmbeddingParameters)}, embeddings {Humanize.Count(s.EmbeddingParameters)}).",
            $"  Training FLOPs per token at context {p.ContextTokens.ToString(i)}: {Humanize.Scientific(p.FlopsPerToken)} (Hoffmann 2022 App. F) = {(p.FlopsPerToken / sixN).ToString("0.00", i)} × 6N; "
                + $"Kaplan 2020 {Humanize.Scientific(p.FlopsPerTokenBy(FlopsCounting.Kaplan2020))}, PaLM {Humanize.Scientific(p.FlopsPerTokenBy(FlopsCounting.Palm2022))}.",
            "  Weights: " + string.Join(", ", WeightPrecisions.Select(w => $"{Precisions.Name(w)} {Bytes(s.WeightsBytes(w))}")) + ".",
            $"  Training state ({p.Recipe.Name}, {Humanize.Significant(p.Recipe.BytesPerParameter(p.Precision))} B/parameter): {Bytes(p.TrainingStateBytes)}; "
                + $"activations per {p.ContextTokens.ToString(i)}-token sequence (Korthikanti 2022): {Bytes(p.ActivationBytes(Recomputation.None))} stored, "
                + $"{Bytes(p.ActivationBytes(Recomputation.Selective))} selective, {Bytes(p.ActivationBytes(Recomputation.Full))} full recomputation.",
            $"  KV cache: {p.KvCacheBytesPerToken.ToString("N0", i)} B/token in {Precisions.Name(p.Precision)} (2·{s.Layers}·{s.KvHeads}·{s.HeadSize}·bytes), {Bytes(p.KvCacheBytesPerSequence)} per full context.",
        };
        if (p.Hyperparameters is { } h && p.AlternativeHyperparameters is { } alt)
        {
            lines.Add($"  Learning rate {Humanize.Scientific(h.LearningRate)}, batch {Humanize.Count(h.BatchTokens)} tokens ({h.BatchSequences(p.ContextTokens).ToString("N0", i)} × {p.ContextTokens.ToString(i)}) by DeepSeek LLM Eq. 1; "
                + $"Step Law 2025 says {Humanize.Scientific(alt.LearningRate)} and {Humanize.Count(alt.BatchTokens)} tokens.");
        }

        if (p.CriticalBatchTokens is { } critical && p.Hyperparameters is { } h2)
        {
            lines.Add($"  Kaplan 2020's critical batch (Eq. 1.4) is {Humanize.Count(critical)} tokens: DeepSeek's batch is {(h2.BatchTokens / critical).ToString("0.00", i)}× it"
                + (h2.BatchTokens > critical ? " (past it, more batch buys little per step)." : "."));
        }

        if (p.Ptq is { } ptq)
        {
            lines.Add($"  Post-training quantisation (Kumar 2024, Eq. 2): +{ptq.Int4LossPenalty.ToString("0.000", i)} nats/token at INT4, +{ptq.Int8LossPenalty.ToString("0.0E+0", i)} at INT8, "
                + $"{ptq.GrowthOverChinchilla.ToString("0.00", i)}× the penalty at 20 tokens/parameter; INT4 critical data {Humanize.Count(ptq.Int4CriticalTokens)} tokens"
                + (ptq.PastInt4CriticalTokens ? ", which these tokens pass (more training makes the INT4 model worse)." : "."));
        }

        if (p.PtqWarning is { } warning)
        {
            lines.Add("  Warning: " + warning);
        }

        lines.Add("  " + LeftOut);
        return string.Join('\n', lines);
    }

    public static JsonObject Json(ArchitectureProfile p)
    {
        var s = p.Shape;
        var json = new JsonObject
        {
            ["parameters"] = s.Parameters,
            ["nonEmbeddingParameters"] = s.NonEmbeddingParameters,
            ["layers"] = s.Layers,
            ["dModel"] = s.DModel,
            ["heads"] = s.Heads,
            ["kvHeads"] = s.KvHeads,
            ["headSize"] = s.HeadSize,
            ["ffnSize"] = s.FfnSize,
            ["vocabulary"] = s.Vocabulary,
            ["conventions"] = s.Conventions.Name,
            ["gatedFfn"] = s.Conventions.GatedFfn,
            ["tiedEmbeddings"] = s.Conventions.TiedEmbeddings,
            ["aspectRatio"] = s.AspectRatio,
            ["context"] = p.ContextTokens,
            ["precision"] = Precisions.Name(p.Precision),
            ["flopsPerToken"] = p.FlopsPerToken,
            ["flopsPerTokenBy"] = new JsonObject(Enum.GetValues<FlopsCounting>().Select(c =>
                KeyValuePair.Create(JsonName(c), (JsonNode?)JsonValue.Create(p.FlopsPerTokenBy(c))))),
            ["kvCacheBytesPerToken"] = p.KvCacheBytesPerToken,
            ["weightsBytes"] = new JsonObject(Precisions.All.Where(w => w != Precision.Tf32).Select(w =>
                KeyValuePair.Create(Precisions.Name(w), (JsonNode?)JsonValue.Create(s.WeightsBytes(w))))),
            ["trainingStateBytes"] = p.TrainingStateBytes,
            ["activationBytesPerSequence"] = new JsonObject
            {
                ["none"] = p.ActivationBytes(Recomputation.None),
                ["selective"] = p.ActivationBytes(Recomputation.Selective),
                ["full"] = p.ActivationBytes(Recomputation.Full),
            },
            ["learningRate"] = p.Hyperparameters?.LearningRate,
            ["batchTokens"] = p.Hyperparameters?.BatchTokens,
            ["kaplanCriticalBatchTokens"] = p.CriticalBatchTokens,
            ["ptq"] = p.Ptq is { } ptq ? new JsonObject
            {
                ["tokensPerParameter"] = ptq.TokensPerParameter,
                ["growthOverChinchilla"] = ptq.GrowthOverChinchilla,
                ["int8LossPenalty"] = ptq.Int8LossPenalty,
                ["int4LossPenalty"] = ptq.Int4LossPenalty,
                ["int4CriticalTokens"] = ptq.Int4CriticalTokens,
                ["costly"] = ptq.Costly,
                ["source"] = "Kumar et al. 2024 (arXiv 2411.04330), Eq. 2 with Table 2: δ_PTQ = C_T·D^γ_D/N^γ_N·e^(−P/γ_post); nats/token on its Dolma runs",
            } : null,
            ["ptqWarning"] = p.PtqWarning,
            ["leftOut"] = LeftOut,
        };
        if (p.AlternativeHyperparameters is { } alt)
        {
            json["stepLaw"] = new JsonObject { ["learningRate"] = alt.LearningRate, ["batchTokens"] = alt.BatchTokens, ["source"] = alt.Source };
        }

        return json;
    }

    private static string Bytes(double bytes) =>
        bytes >= 1e12 ? Humanize.Significant(bytes / 1e12) + " TB"
        : bytes >= 1e9 ? Humanize.Significant(bytes / 1e9) + " GB"
        : Humanize.Significant(bytes / 1e6) + " MB";

    private static string JsonName(FlopsCounting c) => c switch
    {
        FlopsCounting.SixN => "sixN",
        FlopsCounting.Kaplan2020 => "kaplan2020",
        FlopsCounting.Hoffmann2022 => "hoffmann2022",
        _ => "palm2022",
    };
}
