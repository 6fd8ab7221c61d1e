using System.Globalization;
using Scaling.Architecture;
using Scaling.Hardware;

namespace Scaling.Cli.Shared;

/// <summary>The prose of an <see cref="ArchitectureProfile"/>, shared by <c>scaling architecture</c> and <c>scaling plan --architecture</c>.</summary>
internal static class ArchitectureMemo
{
    private static readonly Precision[] WeightPrecisions = [Precision.Fp32, Precision.Bf16, Precision.Fp8, Precision.Int8, Precision.Int4];

    public const string LeftOut =
        "Left out: optimiser and communication buffers beyond the recipe, allocator fragmentation, logits and embedding "
        + "activations, pipeline in-flight micro-batches, KV-cache paging overhead.";

    public static string Prose(ArchitectureProfile p, ShapeChoice? choice = null)
    {
        var s = p.Shape;
        var i = CultureInfo.InvariantCulture;
        double sixN = 6.0 * s.ActiveParameters;
        string sixNName = s.Experts is null ? "6N" : "6·N_active";
        var lines = new List<string>
        {
            $"Shape: {s} ({s.Conventions.Name} conventions), d_model/layers {Humanize.Significant(s.AspectRatio)}.",
            $"  Parameters {s.Parameters.ToString("N0", i)} (non-embedding {Humanize.Count(s.NonEmbeddingParameters)}, embeddings {Humanize.Count(s.EmbeddingParameters)}).",
        };
        if (s.Experts is { } e)
        {
            lines.Add($"  Mixture of experts: {e}; a token passes {s.ActiveParameters.ToString("N0", i)} parameters ({Humanize.Count(s.ActiveParametersWithoutEmbeddingLookup)} without the embedding lookup, DeepSeek's count); memory holds all {Humanize.Count(s.Parameters)}.");
        }

        if (choice?.Config is { DefaultedKeys.Count: > 0 } config)
        {
            lines.Add($"  Missing from the config, the {config.ModelType} defaults of Hugging Face transformers: {string.Join(", ", config.DefaultedKeys)}.");
        }

        if (choice is not null)
        {
            lines.Add($"  Costed at {choice.ContextNote}.");
        }

        lines.AddRange(
        [
            $"  Training FLOPs per token at context {p.ContextTokens.ToString(i)}: {Humanize.Scientific(p.FlopsPerToken)} (Hoffmann 2022 App. F) = {(p.FlopsPerToken / sixN).ToString("0.00", i)} × {sixNName}; "
                + $"Kaplan 2020 {Humanize.Scientific(p.FlopsPerTokenBy(FlopsCounting.Kaplan2020))}, PaLM {Humanize.Scientific(p.FlopsPerTokenBy(FlopsCounting.Palm2022))}.",
            "  Weights: " + string.Join(", ", WeightPrecisions.Select(w => $"{Precisions.Name(w)} {Bytes(s.WeightsBytes(w))}")) + ".",
            $"  Training state ({p.Recipe.Name}, {Humanize.Significant(p.Recipe.BytesPerParameter(p.Precision))} B/parameter): {Bytes(p.TrainingStateBytes)}; "
                + $"activations per {p.ContextTokens.ToString(i)}-token sequence (Korthikanti 2022): {Bytes(p.ActivationBytes(Recomputation.None))} stored, "
                + $"{Bytes(p.ActivationBytes(Recomputation.Selective))} selective, {Bytes(p.ActivationBytes(Recomputation.Full))} full recomputation.",
            $"  KV cache: {p.KvCacheBytesPerToken.ToString("N0", i)} B/token in {Precisions.Name(p.Precision)} ({KvFormula(s)}), {Bytes(p.KvCacheBytesPerSequence)} per full context.",
        ]);
        if (p.Hyperparameters is { } h && p.AlternativeHyperparameters is { } alt)
        {
            lines.Add($"  Learning rate {Humanize.Scientific(h.LearningRate)}, batch {Humanize.Count(h.BatchTokens)} tokens ({h.BatchSequences(p.ContextTokens).ToString("N0", i)} × {p.ContextTokens.ToString(i)}) by DeepSeek LLM Eq. 1; "
                + $"Step Law 2025 says {Humanize.Scientific(alt.LearningRate)} and {Humanize.Count(alt.BatchTokens)} tokens.");
        }

        else
        {
            // The hyperparameter laws depend on the compute, hence the tokens, not on the size alone.
            lines.Add($"  Learning rate and batch size need the training tokens: add --tokens D (e.g. --tokens {(20 * s.Parameters).ToString("0.##e0", i)}, 20 per parameter).");
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

    private static string KvFormula(TransformerShape s) => s.Latent is { } latent
        ? $"{s.Layers}·({latent.KvRank} latent + {latent.RopeHeadSize} rotary)·bytes, multi-head latent attention"
        : $"2·{s.Layers}·{s.KvHeads}·{s.HeadSize}·bytes";

    private static string Bytes(double bytes) =>
        bytes >= 1e12 ? Humanize.Significant(bytes / 1e12) + " TB"
        : bytes >= 1e9 ? Humanize.Significant(bytes / 1e9) + " GB"
        : Humanize.Significant(bytes / 1e6) + " MB";
}
