using System.Text.Json;
using Scaling.Allocation;
using Scaling.Architecture;
using Scaling.Laws;

namespace Scaling.Tests.Cli.Commands.Plan;

public class PlanLayoutTests
{
    [Fact]
    public void Plan_LayoutOfAModelTooSmallToShape_SaysWhatTheShapeDesignerSaysUnderLayout()
    {
        // One route for the error: the shape designer's own problem, which CliErrors alone prefixes with --layout.
        double parameters = LawPresets.Default.Plan(1e9).Parameters;
        var designer = Assert.Throws<InvalidShapeException>(() => ShapeDesigner.Propose(parameters, new ShapeRequest()));
        var (code, output, error) = CliRunner.Run("plan", "--flops", "1e9", "--gpu", "H100-SXM", "--layout", "auto");
        Assert.Equal((2, string.Empty), (code, output));
        Assert.Equal($"error: --layout: {designer.Problem}", error.TrimEnd('\n'));
    }

    [Fact]
    public void Plan_LayoutAuto_JsonCarriesTheLayoutAndTheGpuCountFollowsFromIt()
    {
        // Without a schedule to meet (a ten-year deadline) and without whole nodes, the count starts from the 17 GPUs
        // whose memory holds the training state, too few for the activations: the layout sets it. (On the default
        // 90-day schedule a layout fits on the 192 GPUs the schedule asks for, and the count stays the schedule's.)
        var (code, output, error) = CliRunner.Run("plan", "--flops", "5.76e23", "--gpu", "H100-SXM", "--days", "3650", "--gpus-per-node", "1", "--layout", "auto", "--json");
        Assert.Equal((0, string.Empty), (code, error));
        var root = JsonDocument.Parse(output).RootElement;
        var layout = root.GetProperty("layout");
        int gpus = root.GetProperty("gpus").GetInt32();
        long product = (long)layout.GetProperty("tensor").GetInt32() * layout.GetProperty("pipeline").GetInt32() * layout.GetProperty("data").GetInt32();
        Assert.Equal(gpus, product);
        Assert.True(gpus >= root.GetProperty("minimumGpus").GetInt32());
        Assert.Equal("fits-layout", root.GetProperty("gpuCountReason").GetString());
        Assert.True(layout.GetProperty("memoryPerGpuBytes").GetDouble() <= layout.GetProperty("usableBytesPerGpu").GetDouble());
        foreach (string field in new[] { "expert", "zeroStage", "recompute" })
        {
            Assert.True(layout.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public void Plan_ArchitectureWithLayout_ReportsTheLayoutsMemoryPerGpu()
    {
        var (code, output, _) = CliRunner.Run("plan", "--flops", "5.76e23", "--gpu", "H100-SXM", "--architecture", "--layout", "auto", "--json");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(
            root.GetProperty("layout").GetProperty("memoryPerGpuBytes").GetDouble(),
            root.GetProperty("architecture").GetProperty("trainingBytesPerGpu").GetDouble());
    }

    [Fact]
    public void Plan_LayoutAutoOnGivenGpus_KeepsTheCount()
    {
        var (code, output, _) = CliRunner.Run("plan", "--flops", "5.76e23", "--gpu", "H100-SXM", "--gpus", "1024", "--layout", "auto", "--json");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal((1024, "given"), (root.GetProperty("layout").GetProperty("gpus").GetInt32(), root.GetProperty("gpuCountReason").GetString()));
    }

    [Fact]
    public void Plan_LayoutAuto_ProseNamesTheLayout()
    {
        var (code, output, _) = CliRunner.Run("plan", "--flops", "1e22", "--gpu", "A100-80GB", "--layout", "auto", "--context", "2048");
        Assert.Equal(0, code);
        Assert.Contains("Layout: TP ", output, StringComparison.Ordinal);
        Assert.Contains("at 2,048 tokens", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Experts64At1e20_MatchesKrajewskiTable2AndBeatsDense()
    {
        // Krajewski et al. 2024, Table 2: at 1.93e20 FLOPs the optimum is 64 × 1B active, 28.94B tokens, G = 16.
        var (code, output, error) = CliRunner.Run("plan", "--experts", "64", "--flops", "1.93e20", "--json");
        Assert.Equal((0, string.Empty), (code, error));
        var moe = JsonDocument.Parse(output).RootElement.GetProperty("moe");
        Assert.Equal((16, 1024, 16), (moe.GetProperty("granularity").GetInt32(), moe.GetProperty("experts").GetInt32(), moe.GetProperty("activeExperts").GetInt32()));
        Assert.InRange(moe.GetProperty("activeParameters").GetDouble() / 1e9, 0.97, 1.03);
        Assert.True(moe.GetProperty("loss").GetDouble() < moe.GetProperty("dense").GetProperty("loss").GetDouble());
    }

    [Fact]
    public void Plan_ExpertsWithGpuAndLayout_HoldsEveryExpert()
    {
        var (code, output, _) = CliRunner.Run("plan", "--experts", "16", "--flops", "1e21", "--gpu", "H100-SXM", "--layout", "auto", "--json");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        double total = root.GetProperty("moe").GetProperty("totalParameters").GetDouble();
        Assert.True(root.GetProperty("trainingMemoryBytes").GetDouble() >= 16 * total);
        Assert.True(root.TryGetProperty("layout", out _));
    }
}
