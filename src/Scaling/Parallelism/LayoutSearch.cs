using System.Globalization;
using Scaling.Architecture;
using Scaling.Hardware;
using Scaling.Resources;
using Scaling.Text;

namespace Scaling.Parallelism;

/// <summary>
/// Proposes a parallel layout that fits a model's training into each accelerator's usable memory, and the fewest
/// accelerators (from a lower bound up) for which one exists. Tensor degrees divide the heads and stay within a node,
/// pipeline degrees divide the layers, expert degrees divide the experts and the replicas, and tensor × pipeline ×
/// data is the GPU count.
/// </summary>
/// <remarks>
/// Among the layouts that fit, the search prefers, in order: no full recomputation (it adds a third to the compute;
/// Korthikanti et al. 2022 §5), ZeRO below stage 3 (stage 3 moves 1.5× the data-parallel volume; Rajbhandari et al.
/// 2020 §7.2.2, while stages 1 and 2 move the same), the smallest model-parallel group t·p (Narayanan et al. 2021,
/// takeaways #1 and #2: tensor parallelism up to the GPUs of a server, then pipeline parallelism, since both cost
/// communication and a pipeline bubble), tensor before pipeline, the smallest expert degree, no selective
/// recomputation, and the lowest ZeRO stage. It models memory, not speed: the order is the papers' advice, not a
/// measured throughput.
/// <example><code>
/// var choice = LayoutSearch.Fewest(shape, 4096, usableBytesPerGpu: 72e9, minimumGpus: 64, maximumGpus: 100_000, TrainingStateRecipe.MixedPrecisionAdamW);
/// choice.Layout.Gpus; // at least 64
/// </code></example>
/// </remarks>
public static class LayoutSearch
{
    /// <summary>GPUs per server whose NVLink domain tensor parallelism stays within (8 on DGX A100/H100; Narayanan et al. 2021 §3.4).</summary>
    public const int DefaultGpusPerNode = 8;

    private static readonly Recomputation[] Recomputations = [Recomputation.None, Recomputation.Selective, Recomputation.Full];

    /// <summary>The preferred layout on exactly <paramref name="gpus"/> accelerators, or null when none fits.</summary>
    public static LayoutChoice? On(
        TransformerShape shape, int contextTokens, int gpus, double usableBytesPerGpu, TrainingStateRecipe recipe, Precision precision = Precision.Bf16, int gpusPerNode = DefaultGpusPerNode)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gpus);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gpusPerNode);
        Require.PositiveFinite(usableBytesPerGpu, nameof(usableBytesPerGpu));
        LayoutChoice? best = null;
        (int, int, long, int, int, int, int) bestKey = default;
        foreach (var layout in Candidates(shape, gpus, gpusPerNode))
        {
            var key = Preference(layout);
            if (best is not null && key.CompareTo(bestKey) >= 0)
            {
                continue;
            }

            var memory = LayoutMemory.For(shape, contextTokens, layout, recipe, precision);
            if (memory.TotalBytes <= usableBytesPerGpu)
            {
                best = new LayoutChoice(layout, memory, usableBytesPerGpu);
                bestKey = key;
            }
        }

        return best;
    }

    /// <summary>
    /// The fewest accelerators from <paramref name="minimumGpus"/> up (whole nodes above one node) on which a layout
    /// fits, with the preferred layout there.
    /// </summary>
    /// <exception cref="InfeasiblePlanException">No layout fits within <paramref name="maximumGpus"/>, e.g. the
    /// activations of one sequence alone overflow a GPU (quantity <c>context</c>) or the states need more GPUs than
    /// allowed (quantity <see cref="ResourceQuantities.MaxGpus"/>).</exception>
    public static LayoutChoice Fewest(
        TransformerShape shape, int contextTokens, double usableBytesPerGpu, int minimumGpus, int maximumGpus, TrainingStateRecipe recipe,
        Precision precision = Precision.Bf16, int gpusPerNode = DefaultGpusPerNode)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minimumGpus);
        Require.PositiveFinite(usableBytesPerGpu, nameof(usableBytesPerGpu));

        // Activations do not shrink with more GPUs beyond the widest tensor parallelism and full recomputation.
        int widest = Divisors(shape.Heads).Where(t => t <= gpusPerNode).Max();
        double leastActivations = ActivationMemory.Bytes(shape, contextTokens, 1, Recomputation.Full, widest, sequenceParallel: widest > 1);
        if (leastActivations > usableBytesPerGpu)
        {
            throw new InfeasiblePlanException(
                "context", contextTokens, "activations of one sequence within a GPU",
                string.Create(CultureInfo.InvariantCulture,
                    $"the activations of one {contextTokens}-token sequence need {NumberText.Bytes(leastActivations)} per GPU even with full recomputation and {widest}-way tensor parallelism, more than the {NumberText.Bytes(usableBytesPerGpu)} usable; shorten the context or use GPUs with more memory."));
        }

        // ZeRO-3 spreads every model state over all n GPUs whatever the degrees: (2 + 2 + K)·Ψ/n is the least a GPU holds.
        double bytesPerParameter = recipe.BytesPerParameter(precision);
        int step = minimumGpus > gpusPerNode ? gpusPerNode : 1;
        int start = minimumGpus > gpusPerNode ? (int)Math.Ceiling((double)minimumGpus / gpusPerNode) * gpusPerNode : minimumGpus;
        for (long n = start; n <= maximumGpus; n += (n >= gpusPerNode ? gpusPerNode : step))
        {
            if ((bytesPerParameter * shape.Parameters / n) + leastActivations > usableBytesPerGpu)
            {
                continue;
            }

            if (On(shape, contextTokens, (int)n, usableBytesPerGpu, recipe, precision, gpusPerNode) is { } choice)
            {
                return choice;
            }
        }

        throw new InfeasiblePlanException(
            ResourceQuantities.MaxGpus, maximumGpus, string.Create(CultureInfo.InvariantCulture, $"a layout within {maximumGpus} GPUs"),
            string.Create(CultureInfo.InvariantCulture,
                $"no tensor, pipeline, data and expert layout fits {NumberText.Count(shape.Parameters)} parameters in {NumberText.Bytes(usableBytesPerGpu)} per GPU on at most {NumberText.Whole(maximumGpus)} GPUs; raise the maximum or plan a smaller model."));
    }

    /// <summary>Every layout of <paramref name="gpus"/> accelerators whose degrees divide the heads, layers, experts and GPUs.</summary>
    public static IEnumerable<ParallelLayout> Candidates(TransformerShape shape, int gpus, int gpusPerNode = DefaultGpusPerNode)
    {
        ArgumentNullException.ThrowIfNull(shape);
        foreach (int t in Divisors(shape.Heads).Where(t => t <= gpusPerNode && gpus % t == 0 && (shape.KvHeads % t == 0 || t % shape.KvHeads == 0)))
        {
            foreach (int p in Divisors(shape.Layers).Where(p => gpus % (t * p) == 0))
            {
                int d = gpus / (t * p);
                var experts = shape.Experts is { } e ? Divisors(e.Experts).Where(x => d % x == 0) : [1];
                foreach (int x in experts)
                {
                    foreach (var zero in Enum.GetValues<ZeroStage>())
                    {
                        foreach (var recompute in Recomputations)
                        {
                            yield return ParallelLayout.Create(t, p, d, x, sequenceParallel: true, zero, recompute);
                        }
                    }
                }
            }
        }
    }

    private static (int, int, long, int, int, int, int) Preference(ParallelLayout l) =>
        (l.Recompute == Recomputation.Full ? 1 : 0, l.Zero == ZeroStage.Parameters ? 1 : 0, (long)l.Tensor * l.Pipeline, l.Pipeline, l.Expert,
            l.Recompute == Recomputation.Selective ? 1 : 0, (int)l.Zero);

    private static IEnumerable<int> Divisors(int n)
    {
        for (int i = 1; i <= n; i++)
        {
            if (n % i == 0)
            {
                yield return i;
            }
        }
    }
}
