using Scaling.Allocation;
using Scaling.Campaign;
using Scaling.Laws;

namespace Scaling.Tests.Campaign;

public class NextRunAdvisorTests
{
    private static readonly LossLaw Unrounded = LawPresets.Hoffmann2022Unrounded.LossLaw!;

    private static NextRunsAdvice Advice()
    {
        var design = CampaignDesigner.Design(ComputeOptimalFrontier.Create(Unrounded), 1e24, 4.1e22);
        var runs = CampaignSimulator.Draw(design.Runs, Unrounded, LossNoise.Gaussian(0.01), 11, 0);
        return NextRunAdvisor.Propose(runs, 1e24, new NextRunsOptions { Runs = 4, Seed = 2, Trials = 100 });
    }

    private static readonly Lazy<NextRunsAdvice> Shared = new(Advice);

    [Fact]
    public void Propose_FourRuns_EachNarrowsTheExpectedInterval()
    {
        var advice = Shared.Value;
        Assert.Equal(4, advice.Proposals.Count);
        Assert.All(advice.Proposals, p => Assert.InRange(p.ShrinkFactor, 0, 1));
        Assert.True(advice.Proposals[0].ExpectedRelativeWidth < advice.RelativeWidth);
        Assert.Equal(advice.Proposals.Select(p => p.ExpectedRelativeWidth).OrderDescending(), advice.Proposals.Select(p => p.ExpectedRelativeWidth));
    }

    [Fact]
    public void Propose_Candidates_StayWithinTwiceTheLargestBudget()
    {
        Assert.All(Shared.Value.Proposals, p => Assert.True(p.Run.BudgetFlops <= 2 * 3e21 && p.Run.Flops <= p.Run.BudgetFlops));
    }

    [Fact]
    public void Propose_BySimulation_NarrowsTheSpread_AndDoesNoWorseThanDoublingTheLargestBudget()
    {
        var c = Shared.Value.Comparison!;
        Assert.True(c.ProposedRelativeWidth <= c.CurrentRelativeWidth + (2 * c.StandardError), $"{c.ProposedRelativeWidth:F3} vs now {c.CurrentRelativeWidth:F3}");
        Assert.True(c.ProposedRelativeWidth <= c.DoublingRelativeWidth + (2 * c.StandardError), $"{c.ProposedRelativeWidth:F3} vs doubling {c.DoublingRelativeWidth:F3} ± {c.StandardError:F3}");
        Assert.All(c.DoublingRuns, r => Assert.Equal(6e21, r.BudgetFlops));
    }
}
