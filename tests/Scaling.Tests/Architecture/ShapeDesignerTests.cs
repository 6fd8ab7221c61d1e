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
}
