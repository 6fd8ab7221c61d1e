using Scaling.Fitting.Runs;

namespace Scaling.Tests.Fitting.Runs;

public class SyntheticRunsTests
{
    [Fact]
    public void Generate_SameSeed_SameRuns_OtherSeed_OtherRuns()
    {
        var first = SyntheticRuns.Generate(SyntheticRunsDesign.Hoffmann2022 with { Seed = 5 });
        var again = SyntheticRuns.Generate(SyntheticRunsDesign.Hoffmann2022 with { Seed = 5 });
        var other = SyntheticRuns.Generate(SyntheticRunsDesign.Hoffmann2022 with { Seed = 6 });
        Assert.Equal(first, again);
        Assert.NotEqual(first.Select(r => r.Loss), other.Select(r => r.Loss));
    }

    [Fact]
    public void Generate_Hoffmann2022Design_HasNineBudgetsOf20To30SizesOnTheirIsoFlopLines()
    {
        var runs = SyntheticRuns.Generate(SyntheticRunsDesign.Hoffmann2022);
        var groups = runs.GroupBy(r => r.BudgetFlops!.Value).ToList();
        // Hoffmann et al. 2022, §3.2: 9 budgets from 6e18 to 3e21.
        Assert.Equal(9, groups.Count);
        Assert.Equal(6e18, groups.Min(g => g.Key));
        Assert.Equal(3e21, groups.Max(g => g.Key));
        Assert.All(groups, g =>
        {
            Assert.InRange(g.Count(), 20, 30);
            Assert.All(g, r => Assert.Equal(g.Key, r.Flops, g.Key * 1e-6));
        });
    }

    [Fact]
    public void Generate_Sizes_SurroundEachBudgetsOptimum()
    {
        var design = SyntheticRunsDesign.Hoffmann2022;
        var frontier = Scaling.Allocation.ComputeOptimalFrontier.Create(design.Law);
        foreach (var group in SyntheticRuns.Generate(design).GroupBy(r => r.BudgetFlops!.Value))
        {
            double optimum = frontier.Optimum(group.Key).Parameters;
            Assert.True(group.Min(r => r.Parameters) < optimum && group.Max(r => r.Parameters) > optimum);
        }
    }

    [Fact]
    public void Generate_NoNoise_LossesFollowTheLaw()
    {
        var design = SyntheticRunsDesign.Hoffmann2022 with { LogNoise = 0 };
        Assert.All(SyntheticRuns.Generate(design), r => Assert.Equal(design.Law.Loss(r.Parameters, r.Tokens), r.Loss, 5e-7));
    }

    [Fact]
    public void Generate_OnePercentNoise_HasLogResidualsOfAboutOnePercent()
    {
        var design = SyntheticRunsDesign.Hoffmann2022 with { TotalRuns = 2000 };
        double[] residuals = SyntheticRuns.Generate(design).Select(r => Math.Log(r.Loss / design.Law.Loss(r.Parameters, r.Tokens))).ToArray();
        double mean = residuals.Average();
        double sd = Math.Sqrt(residuals.Sum(x => (x - mean) * (x - mean)) / (residuals.Length - 1));
        Assert.InRange(sd, 0.0093, 0.0107);
        Assert.InRange(mean, -0.001, 0.001);
    }

    [Fact]
    public void Generate_TotalRuns_GivesExactlyThatMany()
    {
        Assert.Equal(240, SyntheticRuns.Generate(SyntheticRunsDesign.Hoffmann2022 with { TotalRuns = 240 }).Count);
    }

    [Fact]
    public void Describe_NamesLawNoiseSeedAndCommand()
    {
        string text = string.Join('\n', SyntheticRuns.Describe(SyntheticRunsDesign.Hoffmann2022 with { Seed = 9 }, "scaling synth --seed 9"));
        Assert.Contains("hoffmann2022", text);
        Assert.Contains("406.4/N^0.34", text);
        Assert.Contains("exp(0.01*z)", text);
        Assert.Contains("seed 9", text);
        Assert.Contains("Regenerate: scaling synth --seed 9", text);
    }
}
