using System.Globalization;
using Scaling.Allocation;
using Scaling.Architecture;
using Scaling.Cli.Shared;
using Scaling.Text;

namespace Scaling.Cli.Commands.Plan;

/// <summary>
/// <c>scaling plan --architecture</c>: the proposed shape for the plan's N*, its FLOPs per token, memory, KV cache,
/// learning rate and batch; with <c>--flops-per-token exact</c> the budget buys C / (exact FLOPs per token) tokens
/// instead of C / 6N.
/// </summary>
internal sealed record PlanArchitecture(ArchitectureProfile Profile, double TokensBy6N, bool Exact)
{
    public const string Option = "--architecture";

    // Serving: this many full-context sequences at once (a modest batch for one replica).
    private const int ServedSequences = 32;

    // Tensor parallelism within a node of 8 accelerators, as Megatron-LM and Korthikanti et al. 2022 use.
    private const int TensorParallel = 8;

    /// <summary>The longest <c>--context</c>: 2^30 tokens, far beyond any trained context, with finite KV-cache bytes.</summary>
    public const int MaxContext = 1 << 30;

    /// <param name="optimum">The plan.</param>
    /// <param name="architecture">Whether <c>--architecture</c> was given.</param>
    /// <param name="flopsPerToken"><c>--flops-per-token</c>, null when not given.</param>
    /// <param name="context"><c>--context</c>, null when not given.</param>
    /// <param name="layout">Whether <c>--layout</c> was given (it takes <c>--context</c> too).</param>
    public static PlanArchitecture? From(ComputeOptimum optimum, bool architecture, FlopsPerTokenRule? flopsPerToken, int? context, bool layout = false)
    {
        if (!architecture)
        {
            if (flopsPerToken is not null || (context is not null && !layout))
            {
                throw new UsageException("--flops-per-token/--context: only apply with --architecture (or --context with --layout).");
            }

            return null;
        }

        bool exact = flopsPerToken == FlopsPerTokenRule.Exact;
        int contextTokens = context ?? 4096;
        var shape = ShapeDesigner.Propose(optimum.Parameters, new ShapeRequest());
        double flopsPerTokenExact = TransformerFlops.PerToken(shape, contextTokens, FlopsCounting.Hoffmann2022);
        double tokens = exact ? optimum.Flops / flopsPerTokenExact : optimum.Tokens;
        return new PlanArchitecture(ArchitectureProfile.Create(shape, contextTokens, tokens), optimum.Tokens, exact);
    }

    /// <summary>Per-GPU training memory and serving GPUs on the plan's accelerator; empty without --gpu.</summary>
    /// <param name="budget">The resources, null without --gpu.</param>
    /// <param name="layout">With --layout auto: the layout, whose per-GPU memory replaces the fixed 8-way estimate.</param>
    public string Hardware(Scaling.Resources.BudgetPlan? budget, PlanLayout? layout = null)
    {
        if (budget is null)
        {
            return string.Empty;
        }

        var r = budget.Resources;
        var a = r.Assumptions;
        double usable = a.Accelerator.MemoryBytes * a.UsableMemoryFraction;
        double perGpu = Profile.TrainingBytesPerGpu(r.Gpus, TensorParallel);
        string fits = perGpu <= usable ? "fits" : "does NOT fit: add GPUs, recompute fully or shorten micro-batches";
        var i = CultureInfo.InvariantCulture;
        string training = layout is not null
            ? $"\n  On {NumberText.Whole(r.Gpus)} × {a.Accelerator.Name}: the training memory per GPU is the layout's, below."
            : $"\n  On {NumberText.Whole(r.Gpus)} × {a.Accelerator.Name}: training state share {NumberText.Bytes(Profile.TrainingStateBytes / r.Gpus)} + activations {NumberText.Bytes(perGpu - (Profile.TrainingStateBytes / r.Gpus))} "
                + $"(one {NumberText.Whole(Profile.ContextTokens)}-token micro-batch, {TensorParallel}-way tensor and sequence parallelism, selective recomputation) = {NumberText.Bytes(perGpu)} per GPU of {NumberText.Bytes(usable)} usable: {fits}.";
        return training
            + $"\n  Serving {ServedSequences} sequences of {NumberText.Whole(Profile.ContextTokens)} tokens (weights + KV cache): at least {Profile.ServingGpus(usable, ServedSequences, Profile.Precision)} GPUs in {Scaling.Hardware.Precisions.Name(Profile.Precision)}, "
            + $"{Profile.ServingGpus(usable, ServedSequences, Scaling.Hardware.Precision.Int8)} with INT8 weights, {Profile.ServingGpus(usable, ServedSequences, Scaling.Hardware.Precision.Int4)} with INT4 weights.";
    }

    public string Prose()
    {
        var p = Profile;
        string exact = Exact && p.Tokens is { } tokens
            ? $"\n  With exact FLOPs per token ({NumberText.Scientific(p.FlopsPerToken)} = {NumberText.Ratio(p.FlopsPerToken / (6.0 * p.Shape.Parameters))} × 6N), "
                + $"the budget trains the proposed model on {NumberText.Count(tokens)} tokens instead of {NumberText.Count(TokensBy6N)}."
            : string.Empty;
        return "\nArchitecture for this plan:\n" + ArchitectureMemo.Prose(p) + exact;
    }

    /// <summary>The fields the architecture adds to the plan's JSON; with <paramref name="budget"/> (--gpu), its per-GPU memory and serving GPUs.</summary>
    public PlanArchitectureOutput Output(Scaling.Resources.BudgetPlan? budget, PlanLayout? layout = null)
    {
        var architecture = ArchitectureOutput.From(Profile);
        if (budget is not null)
        {
            var r = budget.Resources;
            double usable = r.Assumptions.Accelerator.MemoryBytes * r.Assumptions.UsableMemoryFraction;
            architecture = architecture with
            {
                TrainingBytesPerGpu = layout?.Choice.Memory.TotalBytes ?? Profile.TrainingBytesPerGpu(r.Gpus, TensorParallel),
                ServingGpus = new Dictionary<string, int>
                {
                    [Scaling.Hardware.Precisions.Name(Profile.Precision)] = Profile.ServingGpus(usable, ServedSequences, Profile.Precision),
                    [Scaling.Hardware.Precisions.Name(Scaling.Hardware.Precision.Int8)] = Profile.ServingGpus(usable, ServedSequences, Scaling.Hardware.Precision.Int8),
                    [Scaling.Hardware.Precisions.Name(Scaling.Hardware.Precision.Int4)] = Profile.ServingGpus(usable, ServedSequences, Scaling.Hardware.Precision.Int4),
                },
            };
        }

        return new PlanArchitectureOutput(architecture, Profile.Hyperparameters?.LearningRate, Profile.Hyperparameters?.BatchTokens, Exact ? "exact" : "6n")
        {
            TokensBy6N = Exact ? TokensBy6N : null,
        };
    }

    /// <summary>The plan with, under exact FLOPs per token, the proposed shape's parameters and the tokens the budget buys it.</summary>
    public PlanFields Adjust(PlanFields plan) =>
        Exact && Profile.Tokens is { } tokens
            ? plan with { Parameters = Profile.Shape.Parameters, Tokens = tokens, TokensPerParameter = tokens / Profile.Shape.Parameters }
            : plan;
}
