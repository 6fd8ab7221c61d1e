using Scaling.Parallelism;

namespace Scaling.Tests.Parallelism;

public class ZeroMemoryTests
{
    [Theory]
    // Rajbhandari et al. 2020 (arXiv 1910.02054), Figure 1: Ψ = 7.5B, K = 12, N_d = 64 → 120 GB (baseline),
    // 31.4 GB (P_os), 16.6 GB (P_os+g), 1.9 GB (P_os+g+p) per device.
    [InlineData(ZeroStage.None, 120.0)]
    [InlineData(ZeroStage.OptimizerStates, 31.4)]
    [InlineData(ZeroStage.Gradients, 16.6)]
    [InlineData(ZeroStage.Parameters, 1.9)]
    public void ModelStateBytes_Rajbhandari7Point5BOn64Devices_MatchFigure1(ZeroStage stage, double gigabytes) =>
        Assert.Equal(gigabytes, Math.Round(ZeroMemory.ModelStateBytesPerDevice(7.5e9, 12, 64, stage) / 1e9, 1));

    [Fact]
    public void ModelStateBytes_OneDevice_AreTheSameAtEveryStage()
    {
        var bytes = Enum.GetValues<ZeroStage>().Select(s => ZeroMemory.ModelStateBytesPerDevice(1e9, 12, 1, s)).Distinct().ToList();
        Assert.Equal([16e9], bytes);
    }

    [Fact]
    public void ModelStateBytes_FallWithEveryStage()
    {
        var bytes = Enum.GetValues<ZeroStage>().Select(s => ZeroMemory.ModelStateBytesPerDevice(1e9, 12, 8, s)).ToList();
        Assert.True(bytes.Zip(bytes.Skip(1)).All(pair => pair.First > pair.Second));
    }
}
