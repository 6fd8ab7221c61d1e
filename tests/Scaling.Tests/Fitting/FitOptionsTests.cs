using Scaling.Fitting.Approach3;
using Scaling.Fitting.Bootstrap;

namespace Scaling.Tests.Fitting;

/// <summary>The Approach 3 and bootstrap options refuse a bad value where it is set, before any fit runs.</summary>
public class FitOptionsTests
{
    public static TheoryData<string, Func<object>> BadParametricFitOptions => new()
    {
        { "HuberDelta", () => new ParametricFitOptions { HuberDelta = 0 } },
        { "HuberDelta", () => new ParametricFitOptions { HuberDelta = double.NaN } },
        { "Grid", () => new ParametricFitOptions { Grid = null! } },
        { "OverPredictionWeight", () => new ParametricFitOptions { OverPredictionWeight = 0.5 } },
        { "ExcludeTopLoss", () => new ParametricFitOptions { ExcludeTopLoss = -1 } },
        { "GradientTolerance", () => new ParametricFitOptions { GradientTolerance = double.PositiveInfinity } },
        { "MaxIterations", () => new ParametricFitOptions { MaxIterations = 0 } },
        { "SubsampleRuns", () => new ParametricFitOptions { SubsampleRuns = 4 } },
        { "PolishStarts", () => new ParametricFitOptions { PolishStarts = 0 } },
        { "MaxDegreeOfParallelism", () => new ParametricFitOptions { MaxDegreeOfParallelism = 0 } },
        { "Resamples", () => new BootstrapOptions { Resamples = 1 } },
        { "Flops", () => new BootstrapOptions { Flops = -1 } },
        { "Level", () => new BootstrapOptions { Level = 1.5 } },
        { "MaxDegreeOfParallelism", () => new BootstrapOptions { MaxDegreeOfParallelism = -2 } },
    };

    [Theory]
    [MemberData(nameof(BadParametricFitOptions))]
    public void Construction_BadValue_ThrowsNamingTheOption(string option, Func<object> create)
    {
        var e = Assert.ThrowsAny<ArgumentException>(create);
        Assert.Equal(option, e.ParamName);
    }

    [Fact]
    public void Construction_PaperValues_AreAccepted()
    {
        var options = new ParametricFitOptions { HuberDelta = 1e-3, ExcludeTopLoss = 0, MaxDegreeOfParallelism = 1 };
        var bootstrap = new BootstrapOptions { Resamples = 4000, Flops = 5.76e23, Level = 0.95, Seed = 7 };
        Assert.Equal((1e-3, 4000), (options.HuberDelta, bootstrap.Resamples));
    }
}
