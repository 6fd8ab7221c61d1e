using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Scaling.Allocation;
using Scaling.Campaign;
using Scaling.Fitting.Runs;
using Scaling.Laws;

namespace Scaling.Tests.Campaign;

public class CampaignDesignerTests
{
    private static readonly IComputeAllocator Besiroglu = LawPresets.Besiroglu2024.Allocator();

    // Hoffmann et al. 2022, §3.2 and Figure 3: the nine IsoFLOP budgets.
    private static readonly double[] ChinchillaBudgets = [6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21];

    [Theory]
    [InlineData(4.0848e22)] // exactly 8 runs at each of the nine budgets: 8 × 5.106e21
    [InlineData(4.1e22)]
    [InlineData(8.8e22)]    // not yet the next rung: 1e19 … 6e21 needs 8 × 1.11e22 = 8.88e22
    public void Design_ChinchillasCampaignBudget_ReproducesItsNineBudgets(double campaignFlops)
    {
        var design = CampaignDesigner.Design(Besiroglu, 1e24, campaignFlops, new CampaignOptions { Budgets = 9, SizesPerBudget = 8 });
        Assert.Equal(ChinchillaBudgets, design.BudgetsFlops);
        Assert.Equal(72, design.Runs.Count);
    }

    [Fact]
    public void Design_JustBelowChinchillasTotal_StepsDownOneRung()
    {
        var design = CampaignDesigner.Design(Besiroglu, 1e24, 4.08e22, new CampaignOptions { Budgets = 9, SizesPerBudget = 8 });
        Assert.Equal(1e21, design.LargestBudgetFlops);
        Assert.Equal(3e18, design.BudgetsFlops[0]);
    }

    [Fact]
    public void Design_EachBudget_SizesCentredOnThePredictedOptimumInLogN()
    {
        var design = CampaignDesigner.Design(Besiroglu, 1e24, 4.1e22);
        foreach (var group in design.Runs.GroupBy(r => r.BudgetFlops))
        {
            double optimum = Math.Log10(Besiroglu.Optimum(group.Key).Parameters);
            double[] logN = group.Select(r => Math.Log10(r.Parameters)).ToArray();
            Assert.Equal(optimum, logN.Average(), 1e-3);
            Assert.True(logN.Min() < optimum && logN.Max() > optimum);
            Assert.Equal(0.75, logN.Max() - optimum, 1e-3);
        }
    }

    [Fact]
    public void Design_Runs_AreAValidRunsFileOnceLossesAreFilledIn()
    {
        var design = CampaignDesigner.Design(Besiroglu, 1e24, 4.1e22);
        var law = LawPresets.Besiroglu2024.LossLaw!;
        var filled = design.Runs.Select(r => TrainingRun.Create(r.Parameters, r.Tokens, law.Loss(r.Parameters, r.Tokens), budgetFlops: r.BudgetFlops));
        var parsed = RunsCsv.Parse(RunsCsv.Format(filled), "plan.csv");
        Assert.Equal(design.Runs.Select(r => (r.Parameters, r.Tokens)), parsed.Select(r => (r.Parameters, r.Tokens)));
        Assert.Equal(design.BudgetsFlops, parsed.Select(r => r.BudgetFlops!.Value).Distinct());
    }

    [Fact]
    public void Design_EvenSpacing_SpendsTheCampaignWithChinchillasSpan()
    {
        var design = CampaignDesigner.Design(Besiroglu, 1e24, 3e21, new CampaignOptions { Spacing = BudgetSpacing.Even });
        Assert.Equal(500, design.LargestBudgetFlops / design.BudgetsFlops[0], 1e-9);
        Assert.True(design.UnspentFraction is >= 0 and < 1e-6, design.UnspentFraction.ToString("R", CultureInfo.InvariantCulture));
    }

    [MathProperty(MaxTest = 200)]
    public Property Design_AnyCampaign_NeverSpendsMoreThanItsBudget() => Prop.ForAll(
        Gen.Choose(170, 260).Select(x => Math.Pow(10, x / 10.0)).ToArbitrary(),
        Gen.Zip(Gen.Choose(1, 12), Gen.Choose(1, 24)).ToArbitrary(),
        Gen.Elements(BudgetSpacing.Ladder, BudgetSpacing.Even).ToArbitrary(),
        (campaign, shape, spacing) =>
        {
            var (budgets, sizes) = shape;
            var design = CampaignDesigner.Design(Besiroglu, 1e25, campaign, new CampaignOptions { Budgets = budgets, SizesPerBudget = sizes, Spacing = spacing });
            return design.TotalFlops <= campaign
                && design.Runs.Count == budgets * sizes
                && design.Runs.All(r => r.Flops <= r.BudgetFlops && r.Flops > 0.99 * r.BudgetFlops);
        });

    [MathProperty(MaxTest = 100)]
    public Property Ladder_LargerCampaign_NeverLowersTheLargestBudget() => Prop.ForAll(
        Gen.Choose(180, 250).Select(x => Math.Pow(10, x / 10.0)).ToArbitrary(),
        Gen.Choose(1, 30).Select(x => 1 + (x / 10.0)).ToArbitrary(),
        (campaign, factor) =>
            BudgetLadder.Under(campaign * factor, 9, 8)[^1] >= BudgetLadder.Under(campaign, 9, 8)[^1]);

    [Theory]
    [InlineData(4e-323)]
    [InlineData(double.Epsilon)]
    public void Design_SubnormalCampaign_IsInfeasibleNotAnArgumentError(double campaignFlops)
    {
        var e = Assert.Throws<InfeasiblePlanException>(() => CampaignDesigner.Design(Besiroglu, 1e24, campaignFlops));
        Assert.Equal("campaignFlops", e.Quantity);
    }
}
