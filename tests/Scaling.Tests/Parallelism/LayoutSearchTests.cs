using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Scaling.Architecture;
using Scaling.Parallelism;
using Scaling.Resources;

namespace Scaling.Tests.Parallelism;

public class LayoutSearchTests
{
    private static readonly TrainingStateRecipe Adam = TrainingStateRecipe.MixedPrecisionAdamW;

    [Fact]
    public void On_Narayanan1TOn3072Gpus_FindsALayoutThatFitsWithDividingDegrees()
    {
        var shape = LayoutMemoryTests.Gpt(128, 25600, 160);
        var choice = LayoutSearch.On(shape, 2048, 3072, 72e9, Adam);
        Assert.NotNull(choice);
        var l = choice.Layout;
        Assert.Equal((3072L, 0, 0, true), (l.Gpus, 160 % l.Tensor, 128 % l.Pipeline, choice.Memory.TotalBytes <= 72e9));
    }

    [Fact]
    public void On_TooFewGpusForTheStates_FindsNothing() =>
        Assert.Null(LayoutSearch.On(LayoutMemoryTests.Gpt(128, 25600, 160), 2048, 64, 72e9, Adam));

    [Fact]
    public void Fewest_GrowsTheCountUntilALayoutFits()
    {
        // A 70B model's 16-byte states alone need 16 × 70 GB usable GPUs; the fewest with a layout is at least that.
        var shape = TransformerShape.Create(80, 8192, 64, 8, ffnSize: 28672);
        var choice = LayoutSearch.Fewest(shape, 4096, 72e9, 16, 100_000, Adam);
        Assert.True(choice.Layout.Gpus >= 16 && LayoutSearch.On(shape, 4096, (int)choice.Layout.Gpus - 8, 72e9, Adam) is null);
    }

    [Fact]
    public void Fewest_AContextWhoseActivationsOverflowAGpu_IsInfeasibleNamingTheContext()
    {
        var shape = TransformerShape.Create(80, 8192, 64, 8, ffnSize: 28672);
        var e = Assert.Throws<Scaling.InfeasiblePlanException>(() => LayoutSearch.Fewest(shape, 1 << 22, 72e9, 16, 100_000, Adam));
        Assert.Equal("context", e.Quantity);
    }

    [Property(MaxTest = 60)]
    public Property On_ChoosesThePreferredOfTheLayoutsThatFit(PositiveInt gpuSeed, PositiveInt memorySeed)
    {
        var shape = TransformerShape.Create(12, 2048, 16, 4, experts: MixtureOfExperts.Create(8, 2, 1024));
        int gpus = 1 << (gpuSeed.Get % 6);
        double usable = 4e9 + (memorySeed.Get % 40 * 1e9);
        var choice = LayoutSearch.On(shape, 2048, gpus, usable, Adam);
        var fitting = LayoutSearch.Candidates(shape, gpus)
            .Where(l => LayoutMemory.For(shape, 2048, l, Adam).TotalBytes <= usable)
            .ToList();
        bool ok = choice is null
            ? fitting.Count == 0
            : fitting.Contains(choice.Layout) && choice.Layout.Gpus == gpus && choice.Memory.TotalBytes <= usable
              && !fitting.Any(l => l.Recompute != Recomputation.Full && choice.Layout.Recompute == Recomputation.Full);
        return ok.ToProperty();
    }
}
