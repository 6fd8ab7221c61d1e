using System.Globalization;
using Scaling.Allocation;
using Scaling.Cli.Shared;
using Scaling.Laws;
using Scaling.Resources;
using Scaling.Text;

namespace Scaling.Cli.Commands.Plan;

/// <summary>
/// <c>scaling plan --experts E --flops C</c>: the compute-optimal mixture of experts of Krajewski et al. 2024
/// (arXiv 2402.07871) at expansion rate E — granularity, active and total size, tokens and loss — beside the dense
/// optimum of the same paper and the budget a dense model needs for the same loss; with <c>--gpu</c> the GPUs, time
/// and cost with every expert resident, and with <c>--layout auto</c> a parallel layout for its shape.
/// </summary>
internal sealed record PlanMoe(MoeOptimum Optimum, BudgetPlan? Budget, PlanLayout? Layout)
{
    public const string Option = "--experts";

    /// <summary>Plans the mixture; <paramref name="resources"/> and <paramref name="layout"/> are optional.</summary>
    /// <exception cref="UsageException">No fit at <paramref name="expansionRate"/>, or no budget.</exception>
    public static PlanMoe Run(int expansionRate, double? flops, ResourceRequest? resources, bool layout, int? context)
    {
        var law = FineGrainedMoeLaw.ForExpansionRate(expansionRate)
            ?? throw new UsageException($"{Option}: Krajewski et al. 2024 fitted expansion rates {string.Join(" and ", FineGrainedMoeLaw.MoeFits.Select(l => l.ExpansionRate))} only; give one of them, e.g. {Option} 64.");
        double budgetFlops = (resources is null ? flops : resources.Flops(flops))
            ?? throw new UsageException($"{Option}: give the budget with --flops C (or --budget-eur with --gpu); for example --flops 1e23.");
        var optimum = FineGrainedMoePlanner.Plan(law, budgetFlops);
        if (resources is null)
        {
            if (layout || context is not null)
            {
                throw new UsageException($"{(layout ? PlanLayout.Option : "--context")}: needs --gpu NAME to lay the model out; for example --gpu H100-SXM.");
            }

            return new PlanMoe(optimum, null, null);
        }

        var shape = optimum.Shape();

        // Every expert is resident: memory follows the total count, compute the budget (Eq. 10), not 6·N·D.
        var budget = BudgetPlan.For(new ComputeOptimum(budgetFlops, shape.Parameters, optimum.Tokens, double.NaN, double.NaN), resources.Assumptions, resources.BudgetEuros);
        PlanLayout? laidOut = layout ? PlanLayout.Find(shape, context ?? 4096, budget) : null;
        return new PlanMoe(optimum, laidOut?.Budget ?? budget, laidOut);
    }

    public string Prose()
    {
        var o = Optimum;
        var i = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            $"Mixture of experts: {NumberText.Count(o.ActiveParameters)} active of {NumberText.Count(o.TotalParameters)} parameters (non-embedding) on {NumberText.Count(o.Tokens)} tokens, "
                + $"granularity {o.Granularity}: {NumberText.Whole(o.Experts)} experts per layer, {o.ActiveExperts} active, predicted loss {NumberText.Loss(o.Loss)}.",
            $"  Budget {NumberText.Scientific(o.Flops)} FLOPs = (6·N_active + 14·d·E·G·blocks)·D (Eq. 10, App. E) under {o.Law.Source}: {o.Law}.",
            $"  Shape: {o.Blocks} blocks × d_model {o.Blocks * 64} (d_model = 64·blocks, §6.1), experts of {4 * o.Blocks * 64 / o.Granularity} (4·d_model/G); granularity searched over powers of two as Table 2 reports.",
            $"  Dense under the same paper (Table 1): {NumberText.Count(o.DenseParameters)} parameters on {NumberText.Count(o.DenseTokens)} tokens, loss {NumberText.Loss(o.DenseLoss)}; "
                + $"a dense model needs {NumberText.Ratio(o.ComputeMultiplier)}× this budget ({NumberText.Scientific(o.DenseFlopsForSameLoss)} FLOPs) to reach the mixture's loss (Figure 1b).",
            "  Losses are the paper's C4 losses (GPT-2 tokenizer), comparable with each other, not with Chinchilla's.",
        };
        if (Budget is { } budget)
        {
            var r = budget.Resources;
            lines.Add($"  On {r.Assumptions.Accelerator.Name}: {NumberText.Gpus(r.Gpus)}, {NumberText.Days(r.Days)}, {NumberText.Count(r.GpuHours)} GPU-hours, "
                + $"{NumberText.Euros(r.CostEuros)} at {NumberText.Percent(r.Rate.Mfu)} MFU; every expert resident: training state {NumberText.Bytes(r.Memory.TrainingStateBytes)} "
                + $"({NumberText.Count(r.Parameters)} parameters with embeddings × {NumberText.Significant(r.Memory.TrainingBytesPerParameter)} B) needs at least {NumberText.Gpus(r.MinimumGpus)}.");
        }

        return string.Join('\n', lines) + (Layout?.Prose() ?? string.Empty);
    }

    public PlanMoeOutput Output()
    {
        var o = Optimum;
        var moe = new PlanMoeFields(
            o.Law.Name, o.Law.Source, o.Flops, o.Law.ExpansionRate, o.Granularity, o.Experts, o.ActiveExperts, o.ActiveParameters, o.TotalParameters,
            o.Tokens, o.Loss, o.Blocks * 64, o.Blocks,
            new PlanMoeDenseOutput(o.DenseParameters, o.DenseTokens, o.DenseLoss, o.DenseFlopsForSameLoss, o.ComputeMultiplier));
        return new PlanMoeOutput(new PlanMoePart(moe)) { Layout = Layout?.Part(), Resources = ResourcesOutput.From(Budget) };
    }
}

/// <summary><c>scaling plan --experts E --json</c>: the <c>moe</c> member, then the layout and resources as in the plan.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(FlatOutputConverter<PlanMoeOutput>))]
internal sealed record PlanMoeOutput(PlanMoePart Moe) : FlatOutput
{
    public PlanLayoutPart? Layout { get; init; }

    public ResourcesOutput? Resources { get; init; }

    public override IEnumerable<object?> Parts() => [Moe, Layout, Resources];
}

/// <summary>The <c>moe</c> member.</summary>
internal sealed record PlanMoePart(PlanMoeFields Moe);

/// <summary>The compute-optimal mixture of experts (Krajewski et al. 2024) and the dense comparison.</summary>
internal sealed record PlanMoeFields(
    string Law, string Source, double Flops, int ExpansionRate, int Granularity, int Experts, int ActiveExperts, double ActiveParameters,
    double TotalParameters, double Tokens, double Loss, int DModel, int Blocks, PlanMoeDenseOutput Dense);

/// <summary>The dense optimum of the same paper at the same budget, and the budget it needs for the mixture's loss.</summary>
internal sealed record PlanMoeDenseOutput(double Parameters, double Tokens, double Loss, double FlopsForSameLoss, double ComputeMultiplier);
