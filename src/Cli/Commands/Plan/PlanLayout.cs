using System.Globalization;
using Scaling.Architecture;
using Scaling.Parallelism;
using Scaling.Resources;
using Scaling.Text;

namespace Scaling.Cli.Commands.Plan;

/// <summary>
/// <c>scaling plan --gpu NAME --layout auto</c>: a tensor, pipeline, data and expert layout with ZeRO and
/// recomputation that fits the plan's model (a proposed shape, or the mixture of <c>--experts</c>) into each GPU,
/// on the fewest GPUs from the memory or deadline count up — so the GPU count follows from the layout
/// (<see cref="LayoutSearch"/>); with <c>--gpus N</c> the layout on exactly N.
/// </summary>
internal sealed record PlanLayout(LayoutChoice Choice, TransformerShape Shape, int ContextTokens, BudgetPlan Budget)
{
    public const string Option = "--layout";

    /// <summary>Searches the layout for <paramref name="shape"/> and moves <paramref name="budget"/> to its GPU count.</summary>
    /// <exception cref="InfeasiblePlanException">No layout fits (the quantity names the option to change).</exception>
    public static PlanLayout Find(TransformerShape shape, int contextTokens, BudgetPlan budget)
    {
        var r = budget.Resources;
        var a = r.Assumptions;
        double usable = a.Accelerator.MemoryBytes * a.UsableMemoryFraction;
        LayoutChoice choice;
        if (r.GpuCountReason == GpuCountReason.Given)
        {
            choice = LayoutSearch.On(shape, contextTokens, r.Gpus, usable, a.Recipe, a.TrainingPrecision)
                ?? throw new InfeasiblePlanException(
                    ResourceQuantities.Gpus, r.Gpus, "GPUs on which a layout fits",
                    string.Create(CultureInfo.InvariantCulture, $"no tensor, pipeline, data and expert layout fits the model's states and activations on {NumberText.Whole(r.Gpus)} × {a.Accelerator.Name}; give more GPUs, or leave --gpus out for the fewest that fit."));
            return new PlanLayout(choice, shape, contextTokens, budget);
        }

        choice = LayoutSearch.Fewest(shape, contextTokens, usable, r.Gpus, a.MaxGpus, a.Recipe, a.TrainingPrecision);
        var moved = choice.Layout.Gpus == r.Gpus ? budget : budget.ForLayout((int)choice.Layout.Gpus);
        return new PlanLayout(choice, shape, contextTokens, moved);
    }

    /// <summary>The shape to lay out for a dense plan of <paramref name="parameters"/> (as <c>--architecture</c> proposes it).</summary>
    /// <exception cref="InvalidShapeException">No shape can be proposed for that size (CliErrors names <c>--layout</c>).</exception>
    public static TransformerShape ProposeShape(double parameters) => ShapeDesigner.Propose(parameters, new ShapeRequest());

    /// <summary>One paragraph for the prose plan.</summary>
    public string Prose()
    {
        var m = Choice.Memory;
        return $"\n  Layout: {Choice.Layout} for {Shape.Layers} layers × d_model {Shape.DModel} at {NumberText.Whole(ContextTokens)} tokens: "
            + $"{NumberText.Bytes(m.TotalBytes)} per GPU of {NumberText.Bytes(Choice.UsableBytesPerGpu)} usable (model states {NumberText.Bytes(m.ModelStateBytes)}, activations {NumberText.Bytes(m.ActivationBytes)}; "
            + "ZeRO: Rajbhandari et al. 2020; activations: Korthikanti et al. 2022, Table 2)."
            + "\n          Preferred in order: no full recomputation, ZeRO below 3, the smallest tensor × pipeline group, tensor before pipeline (Narayanan et al. 2021);"
            + "\n          memory only, not a measured speed. Left out: logits and embedding activations, communication buffers, fragmentation.";
    }

    /// <summary>The <c>layout</c> member of the JSON plan.</summary>
    public PlanLayoutPart Part()
    {
        var l = Choice.Layout;
        return new PlanLayoutPart(new PlanLayoutOutput(
            l.Tensor, l.Pipeline, l.Data, l.Expert, l.SequenceParallel, (int)l.Zero,
            l.Recompute switch { Recomputation.Full => "full", Recomputation.Selective => "selective", _ => "none" },
            l.MicroBatch, l.Gpus, Choice.Memory.TotalBytes, Choice.Memory.ModelStateBytes, Choice.Memory.ActivationBytes, Choice.UsableBytesPerGpu, ContextTokens));
    }

}

/// <summary>The <c>layout</c> member <c>scaling plan --layout auto --json</c> adds.</summary>
internal sealed record PlanLayoutPart(PlanLayoutOutput Layout);

/// <summary>A parallel layout and its per-GPU memory in bytes.</summary>
internal sealed record PlanLayoutOutput(
    int Tensor, int Pipeline, int Data, int Expert, bool SequenceParallel, int ZeroStage, string Recompute, int MicroBatch, long Gpus,
    double MemoryPerGpuBytes, double ModelStateBytesPerGpu, double ActivationBytesPerGpu, double UsableBytesPerGpu, int Context);
