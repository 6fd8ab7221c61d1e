using Scaling.Architecture;
using Scaling.Resources;
using Scaling.Text;

namespace Scaling.FineTuning;

/// <summary>
/// What fine-tuning a model on a number of tokens takes: trainable parameters, memory per GPU, GPUs, and the time,
/// cost, energy, water and CO₂ of the <see cref="ResourcePlan"/> for its FLOPs.
/// </summary>
/// <remarks>
/// FLOPs per token: full fine-tuning <c>6·N</c> (Kaplan et al. 2020, §2.1); with adapters the frozen weights need
/// the forward (2·N) and the gradient with respect to their inputs (2·N) but no weight gradient, so
/// <c>4·N + 6·N_adapters</c> — the saving Hu et al. 2021 (§4.2) report as roughly 25% faster training of GPT-3 175B.
/// Recomputation of activations is not counted (it lowers the MFU, as in pre-training). GPUs: the fewest whose usable
/// memory holds the sharded part plus one micro-batch of activations each, or the count given, or the fewest that
/// meet the deadline.
/// <example><code>
/// var plan = FineTuningPlan.Create(shape, new FineTuningMethod.Lora(LoraAdapters.QueryValue(8)), tokens: 1e9, assumptions, activationBytes: 2e9);
/// // plan.TrainableParameters, plan.MemoryPerGpuBytes, plan.Gpus, plan.Resources.Days, plan.Resources.CostEuros
/// </code></example>
/// </remarks>
public sealed record FineTuningPlan
{
    private FineTuningPlan(TransformerShape shape, FineTuningMethod method, double tokens, FineTuningMemory memory, int gpus, GpuCountReason reason, ResourcePlan resources, ResourceAssumptions assumptions)
    {
        Assumptions = assumptions;
        Shape = shape;
        Method = method;
        Tokens = tokens;
        Memory = memory;
        Gpus = gpus;
        GpuCountReason = reason;
        Resources = resources;
    }

    /// <summary>The assumptions as given (the <see cref="Resources"/> carry the GPU count chosen and the sharded state per parameter instead).</summary>
    public ResourceAssumptions Assumptions { get; }

    /// <summary>The model fine-tuned.</summary>
    public TransformerShape Shape { get; }

    /// <summary>Full, LoRA or QLoRA.</summary>
    public FineTuningMethod Method { get; }

    /// <summary>Fine-tuning tokens.</summary>
    public double Tokens { get; }

    /// <summary>Frozen weights, trainable state and activations.</summary>
    public FineTuningMemory Memory { get; }

    /// <summary>The parameters that train.</summary>
    public long TrainableParameters => Memory.TrainableParameters;

    /// <summary>FLOPs per token: 6·N for full fine-tuning, 4·N + 6·N_trainable with adapters.</summary>
    public double FlopsPerToken => FlopsPerTokenOf(Shape, Method, TrainableParameters);

    /// <summary>Total FLOPs: tokens × FLOPs per token.</summary>
    public double Flops => Tokens * FlopsPerToken;

    /// <summary>The accelerators used.</summary>
    public int Gpus { get; }

    /// <summary>Why <see cref="Gpus"/> is what it is.</summary>
    public GpuCountReason GpuCountReason { get; }

    /// <summary>Bytes on each GPU: the sharded part / GPUs + one micro-batch of activations.</summary>
    public double MemoryPerGpuBytes => (Memory.ShardedBytes / Gpus) + Memory.ActivationBytes;

    /// <summary>GPU-hours, days, cost, energy, water and CO₂ of <see cref="Flops"/> on <see cref="Gpus"/>.</summary>
    public ResourcePlan Resources { get; }

    /// <summary>Plans fine-tuning <paramref name="shape"/> with <paramref name="method"/> on <paramref name="tokens"/>.</summary>
    /// <param name="shape">The pre-trained model.</param>
    /// <param name="method">Full, LoRA or QLoRA.</param>
    /// <param name="tokens">Fine-tuning tokens, ≥ 1.</param>
    /// <param name="assumptions">Accelerator, MFU, price, memory recipe of the trainable state, power, water, GPUs or deadline.</param>
    /// <param name="activationBytes">Activations of one micro-batch per GPU, ≥ 0.</param>
    /// <exception cref="InfeasiblePlanException">
    /// The activations alone overflow a GPU (quantity <c>activations</c>), the GPUs given cannot hold the state
    /// (<c>gpus</c>), or the deadline needs more than the maximum GPUs (<c>deadlineDays</c>, <c>maxGpus</c>).
    /// </exception>
    public static FineTuningPlan Create(TransformerShape shape, FineTuningMethod method, double tokens, ResourceAssumptions assumptions, double activationBytes)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        if (!double.IsFinite(tokens) || tokens < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(tokens), tokens, "tokens must be finite and at least 1.");
        }

        var memory = FineTuningMemory.Create(shape, method, assumptions.Recipe, activationBytes, assumptions.TrainingPrecision);
        double usable = assumptions.Accelerator.MemoryBytes * assumptions.UsableMemoryFraction;
        if (memory.ActivationBytes >= usable)
        {
            throw new InfeasiblePlanException(
                ActivationsQuantity, memory.ActivationBytes, $"below {NumberText.Bytes(usable)}",
                $"one micro-batch of activations takes {NumberText.Bytes(memory.ActivationBytes)}, more than the {NumberText.Bytes(usable)} usable on a {assumptions.Accelerator.Name}; "
                + "use a shorter context, a smaller micro-batch or full recomputation.");
        }

        // Each GPU keeps one micro-batch of activations; the rest of its usable memory holds a shard of the state.
        double toHold = GpuCount.ToHold(memory.ShardedBytes, usable - memory.ActivationBytes, 1);
        double flops = tokens * FlopsPerTokenOf(shape, method, memory.TrainableParameters);
        var (gpus, reason) = Count(toHold, flops, memory, assumptions);

        // The resource plan prices the FLOPs on the chosen GPUs; its own memory check sees the sharded bytes.
        double perParameter = Math.Max(memory.ShardedBytes, 1) / shape.Parameters;
        var priced = assumptions with { Gpus = gpus, DeadlineDays = null, MaxGpus = Math.Max(assumptions.MaxGpus, gpus), Recipe = TrainingStateRecipe.Fixed(perParameter) };
        var resources = ResourcePlan.Create(flops, shape.Parameters, priced);
        return new FineTuningPlan(shape, method, tokens, memory, gpus, reason, resources, assumptions);
    }

    /// <summary>FLOPs per token: 6·N for full fine-tuning, 4·N + 6·N_trainable with adapters.</summary>
    public static double FlopsPerTokenOf(TransformerShape shape, FineTuningMethod method, long trainableParameters)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return method is FineTuningMethod.Full
            ? FlopsPerParameterToken * shape.Parameters
            : (FrozenFlopsPerParameterToken * shape.Parameters) + (FlopsPerParameterToken * trainableParameters);
    }

    /// <summary>The <see cref="ScalingException.Quantity"/> of a plan whose activations alone overflow a GPU.</summary>
    public const string ActivationsQuantity = "activations";

    /// <summary>6: forward 2 and backward 4 per parameter and token (Kaplan et al. 2020, §2.1).</summary>
    public const double FlopsPerParameterToken = 6;

    /// <summary>4: the forward (2) and the input gradient (2) through a frozen weight, without its weight gradient.</summary>
    public const double FrozenFlopsPerParameterToken = 4;

    private static (int Gpus, GpuCountReason Reason) Count(double toHold, double flops, FineTuningMemory memory, ResourceAssumptions a)
    {
        if (a.Gpus is { } given)
        {
            if (given < toHold)
            {
                throw new InfeasiblePlanException(
                    ResourceQuantities.Gpus, given, $"at least {NumberText.Whole(toHold)}",
                    $"{given} × {a.Accelerator.Name} cannot hold {NumberText.Bytes(memory.ShardedBytes)} of weights and state plus {NumberText.Bytes(memory.ActivationBytes)} of activations each; give at least {NumberText.Whole(toHold)}.");
            }

            return (given, GpuCountReason.Given);
        }

        if (toHold > a.MaxGpus)
        {
            throw new InfeasiblePlanException(
                ResourceQuantities.MaxGpus, toHold, $"at most {a.MaxGpus}",
                $"holding {NumberText.Bytes(memory.ShardedBytes)} needs {NumberText.Whole(toHold)} × {a.Accelerator.Name}, more than the maximum {NumberText.Whole(a.MaxGpus)}.");
        }

        if (a.DeadlineDays is { } deadline)
        {
            double gpuHours = a.Rate.GpuHoursForFlops(flops);
            double forDeadline = GpuCount.ToFinishWithin(gpuHours, deadline);
            if (forDeadline > a.MaxGpus)
            {
                throw new InfeasiblePlanException(
                    ResourceQuantities.DeadlineDays, deadline, $"at least {NumberText.Significant(gpuHours / a.MaxGpus / 24)} days on at most {NumberText.Whole(a.MaxGpus)} GPUs",
                    $"{NumberText.Significant(deadline)} days need {NumberText.Whole(forDeadline)} × {a.Accelerator.Name}, more than the maximum {NumberText.Whole(a.MaxGpus)}.");
            }

            if (forDeadline > toHold)
            {
                return ((int)forDeadline, GpuCountReason.MeetsDeadline);
            }
        }

        return ((int)toHold, GpuCountReason.HoldsTrainingState);
    }
}
