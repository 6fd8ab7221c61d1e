using System.Text.Json.Nodes;
using Scaling.Allocation;
using Scaling.Fitting;
using Scaling.Fitting.Approach2;
using Scaling.Laws;

namespace Scaling.Tests.Fitting;

public class AllocationFitTests
{
    [Fact]
    public void Rule_WrittenAsJson_IsReadBackByLawJson()
    {
        var runs = SyntheticCurves.IsoFlop(LawPresets.Hoffmann2022.LossLaw, SyntheticCurves.HoffmannBudgets, 10, 8, 0.01, seed: 3);
        var rule = IsoFlopFitter.Fit(runs, new IsoFlopFitOptions { Resamples = 0 }).Rule;
        string json = new JsonObject { ["approach"] = 2, ["rule"] = LawJson.ToJson(rule) }.ToJsonString();
        var read = Assert.IsType<AllocationRuleLaw>(LawJson.Parse(json, "fit.json"));
        Assert.Equal(rule.ParametersCoefficient, read.Rule.ParametersCoefficient);
        Assert.Equal(rule.ExponentA, read.Rule.ExponentA);
        Assert.Equal(rule.Allocator().Optimum(5.76e23), read.Plan(5.76e23));
    }

    [Fact]
    public void Create_ParametersShrinkingWithCompute_ThrowsExplainingTheFrontier()
    {
        double[] flops = [1e19, 1e20, 1e21];
        double[] parameters = [1e9, 5e8, 2e8];
        var tokens = flops.Select((c, i) => c / (6 * parameters[i])).ToArray();
        // Optimal sizes that fall with compute are data that cannot support a frontier, not API misuse (issue 24).
        var ex = Assert.Throws<UnusableRunsException>(() => AllocationFit.Create(flops, parameters, tokens));
        Assert.Contains("outside (0, 1)", ex.Message);
        Assert.Equal("exponentA", ex.Quantity);
        Assert.True(ex.Value < 0);
    }

    [Fact]
    public void Create_FitsEachLawSeparately()
    {
        // Tokens not tied to C/(6N): b comes from the tokens' own fit, not from 1 − a.
        double[] flops = [1e19, 1e20, 1e21];
        double[] parameters = [1e8, 3e8, 9e8];
        double[] tokens = [1e10, 4e10, 1.6e11];
        var fit = AllocationFit.Create(flops, parameters, tokens);
        Assert.Equal(Math.Log10(3), fit.ExponentA, 12);
        Assert.Equal(Math.Log10(4), fit.ExponentB, 12);
        Assert.Equal(fit.ExponentA, fit.Rule.ExponentA);
    }
}
