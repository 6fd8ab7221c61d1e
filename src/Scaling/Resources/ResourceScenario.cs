namespace Scaling.Resources;

/// <summary>
/// A named, published worked example: a FLOP count, a model size and the assumptions its authors used, so the
/// planner can be checked against their arithmetic.
/// </summary>
/// <param name="Name">A short name, e.g. <c>seed-gpt35</c>.</param>
/// <param name="Source">Where the example and its assumptions are published.</param>
/// <param name="Flops">The training compute in FLOPs.</param>
/// <param name="Parameters">The model size.</param>
/// <param name="Assumptions">The authors' hardware, price, memory and power assumptions.</param>
public sealed record ResourceScenario(string Name, string Source, double Flops, double Parameters, ResourceAssumptions Assumptions)
{
    /// <summary>The resources under the scenario's own assumptions.</summary>
    public ResourcePlan Plan() => ResourcePlan.Create(Flops, Parameters, Assumptions);
}
