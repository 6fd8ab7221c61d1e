using FsCheck;
using FsCheck.Fluent;
using Scaling.Architecture;

namespace Scaling.Tests.Architecture;

public class ShapeDesignerTests
{
    [Fact]
    public void Propose_70B_IsWithinOnePercentWithHeadsOf128AndAspectNear100()
    {
        var shape = ShapeDesigner.Propose(70e9, new ShapeRequest());
        Assert.InRange(shape.Parameters / 70e9 - 1, -0.01, 0.01);
        Assert.Equal(128, shape.HeadSize);
        Assert.InRange(shape.AspectRatio, 80, 125);
    }

    [Fact]
    public void Propose_GroupedQuery_KvHeadsDivideTheHeads()
    {
        var shape = ShapeDesigner.Propose(70e9, new ShapeRequest { GroupSize = 8 });
        Assert.Equal(8, shape.GroupSize);
        Assert.Equal(0, shape.Heads % shape.KvHeads);
    }

    [FsCheck.Xunit.Property(MaxTest = 40)]
    public Property Propose_AnySizeFrom100MTo1T_LandsWithinOnePercent() =>
        Prop.ForAll(Generators.LogUniform(8, 12).ToArbitrary(), n =>
        {
            var shape = ShapeDesigner.Propose(n, new ShapeRequest());
            return (Math.Abs(shape.Parameters / n - 1) <= 0.01).Label($"{n}: {shape} = {shape.Parameters}");
        });

    [Fact]
    public void Propose_BelowAMillion_ThrowsNamingParameters() =>
        Assert.Equal("parameters", Assert.Throws<InvalidShapeException>(() => ShapeDesigner.Propose(1e3, new ShapeRequest())).Quantity);

    [Theory]
    [InlineData(7e9, 32, 4096)]
    [InlineData(13e9, 40, 5120)]
    public void Propose_Llama2Sizes_GiveLlama2sDepthAndWidth(double parameters, int layers, int dModel)
    {
        // Llama 2 7B and 13B (Touvron et al. 2023, arXiv 2307.09288, Table 1 and the released configs): 32 × 4096 and
        // 40 × 5120; depths that split into 2 or 4 pipeline stages (main proposed 33 layers for 7e9).
        var shape = ShapeDesigner.Propose(parameters, new ShapeRequest());
        Assert.Equal((layers, dModel), (shape.Layers, shape.DModel));
        Assert.InRange(shape.Parameters / parameters - 1, -0.01, 0.01);
    }
}
