using FsCheck;
using FsCheck.Fluent;
using Scaling.Fitting.Runs;

namespace Scaling.Tests.Fitting.Runs;

public class IsoFlopBudgetTests
{
    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property Group_AnyOrderOfTheRuns_GivesTheSameBudgets() =>
        Prop.ForAll(Gen.Choose(0, 100_000).ToArbitrary(), seed =>
        {
            var runs = SyntheticCurves.IsoFlop(Scaling.Laws.LawPresets.Hoffmann2022.LossLaw, SyntheticCurves.HoffmannBudgets, 5, 4, 0.01, seed);
            var shuffled = runs.OrderBy(_ => new Random(seed).Next()).ToArray();
            new Random(seed).Shuffle(shuffled);
            var a = IsoFlopBudget.Group(runs);
            var b = IsoFlopBudget.Group(shuffled);
            return a.Count == b.Count && a.Zip(b).All(p => p.First.Flops == p.Second.Flops && p.First.Runs.SequenceEqual(p.Second.Runs));
        });

    [Fact]
    public void Group_UndeclaredHoffmannBudgets_FindsNineGroupsAtTheirCompute()
    {
        var runs = SyntheticCurves.IsoFlop(Scaling.Laws.LawPresets.Hoffmann2022.LossLaw, SyntheticCurves.HoffmannBudgets, 5, 4, 0, 1);
        var budgets = IsoFlopBudget.Group(runs);
        Assert.Equal(SyntheticCurves.HoffmannBudgets.Count, budgets.Count);
        Assert.All(budgets.Zip(SyntheticCurves.HoffmannBudgets), p => Assert.Equal(p.Second, p.First.Flops, p.Second * 1e-9));
        Assert.All(budgets, b => Assert.Null(b.DeclaredFlops));
    }
}
