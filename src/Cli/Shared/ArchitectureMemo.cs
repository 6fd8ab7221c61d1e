using System.Globalization;
using Scaling.Architecture;
using Scaling.Hardware;
using Scaling.Text;

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
            $"Shape: {s} ({s.Conventions.Name} conventions), d_model/layers {NumberText.Significant(s.AspectRatio)}.",
            $"  Parameters {NumberText.Whole(s.Parameters)} (non-embedding {NumberText.Count(s.NonEmbeddingParameters)}, embeddings {NumberText.Count(s.EmbeddingParameters)}).",
        };
        if (s.Experts is { } e)
        {
            lines.Add($"  Mixture of experts: {e}; a token passes {NumberText.Whole(s.ActiveParameters)} parameters ({NumberText.Count(s.ActiveParametersWithoutEmbeddingLookup)} without the embedding lookup, DeepSeek's count); memory holds all {NumberText.Count(s.Parameters)}.");
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
            $"  Training FLOPs per token at context {NumberText.Whole(p.ContextTokens)}: {NumberText.Scientific(p.FlopsPerToken)} (Hoffmann 2022 App. F) = {NumberText.Ratio(p.FlopsPerToken / sixN)} × {sixNName}; "
                + $"Kaplan 2020 {NumberText.Scientific(p.FlopsPerTokenBy(FlopsCounting.Kaplan2020))}, PaLM {NumberText.Scientific(p.FlopsPerTokenBy(FlopsCounting.Palm2022))}.",
            "  Weights: " + string.Join(", ", WeightPrecisions.Select(w => $"{Precisions.Name(w)} {NumberText.Bytes(s.WeightsBytes(w))}")) + ".",
            $"  Training state ({p.Recipe.Name}, {NumberText.Significant(p.Recipe.BytesPerParameter(p.Precision))} B/parameter): {NumberText.Bytes(p.TrainingStateBytes)}; "
                + $"activations per {NumberText.Whole(p.ContextTokens)}-token sequence (Korthikanti 2022): {NumberText.Bytes(p.ActivationBytes(Recomputation.None))} stored, "
                + $"{NumberText.Bytes(p.ActivationBytes(Recomputation.Selective))} selective, {NumberText.Bytes(p.ActivationBytes(Recomputation.Full))} full recomputation.",
            $"  KV cache: {NumberText.Whole(p.KvCacheBytesPerToken)} B/token in {Precisions.Name(p.Precision)} ({KvFormula(s)}), {NumberText.Bytes(p.KvCacheBytesPerSequence)} per full context.",
        ]);
        if (p.Hyperparameters is { } h && p.AlternativeHyperparameters is { } alt)
        {
            lines.Add($"  Learning rate {NumberText.Scientific(h.LearningRate)}, batch {NumberText.Count(h.BatchTokens)} tokens ({NumberText.Whole(h.BatchSequences(p.ContextTokens))} × {NumberText.Whole(p.ContextTokens)}) by DeepSeek LLM Eq. 1; "
                + $"Step Law 2025 says {NumberText.Scientific(alt.LearningRate)} and {NumberText.Count(alt.BatchTokens)} tokens.");
        }

        else
        {
            // The hyperparameter laws depend on the compute, hence the tokens, not on the size alone.
            lines.Add($"  Learning rate and batch size need the training tokens: add --tokens D (e.g. --tokens {NumberText.Scientific(20 * s.Parameters)}, 20 per parameter).");
        }

        if (p.CriticalBatchTokens is { } critical && p.Hyperparameters is { } h2)
        {
            lines.Add($"  Kaplan 2020's critical batch (Eq. 1.4) is {NumberText.Count(critical)} tokens: DeepSeek's batch is {NumberText.Ratio(h2.BatchTokens / critical)}× it"
                + (h2.BatchTokens > critical ? " (past it, more batch buys little per step)." : "."));
        }

        if (p.Ptq is { } ptq)
        {
            lines.Add($"  Post-training quantisation (Kumar 2024, Eq. 2): +{NumberText.Loss(ptq.Int4LossPenalty)} nats/token at INT4, +{NumberText.Loss(ptq.Int8LossPenalty)} at INT8, "
                + $"{NumberText.Ratio(ptq.GrowthOverChinchilla)}× the penalty at 20 tokens/parameter; INT4 critical data {NumberText.Count(ptq.Int4CriticalTokens)} tokens"
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
}
