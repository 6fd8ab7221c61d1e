using Scaling.Hardware;

namespace Scaling.Tests.Hardware;

public class AcceleratorTests
{
    private static readonly Dictionary<Precision, double> Peaks = new() { [Precision.Bf16] = 100 };

    [Theory]
    [InlineData("", 64, 1.5, "name")]
    [InlineData("bad name", 64, 1.5, "name")]
    [InlineData("X1", 0, 1.5, "memoryGigabytes")]
    [InlineData("X1", double.NaN, 1.5, "memoryGigabytes")]
    [InlineData("X1", 64, -1, "eurosPerGpuHour")]
    public void Create_InvalidValue_NamesTheField(string name, double gigabytes, double euros, string field)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => Accelerator.Create(name, "ACME", Peaks, gigabytes, 500, euros));
        Assert.Equal(field, e.ParamName);
    }

    [Fact]
    public void Create_NoPeak_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Accelerator.Create("X1", "ACME", new Dictionary<Precision, double>(), 64, 500, 1.5));

    [Fact]
    public void PeakTeraflops_UnknownPrecision_ListsTheKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => HardwareCatalog.Default.Get("TPUv4").PeakTeraflops(Precision.Fp8));
        Assert.Contains("bf16", e.Message, StringComparison.Ordinal);
        Assert.Equal("precision", e.ParamName);
    }

    [Fact]
    public void WithValues_ChangeOnlyThatValue()
    {
        var h100 = HardwareCatalog.Default.Get("H100-SXM");
        var changed = h100.WithPeakTeraflops(Precision.Bf16, 800).WithMemoryGigabytes(96).WithWatts(650).WithEurosPerGpuHour(2);
        Assert.Equal(8e14, changed.PeakFlopsPerSecond(Precision.Bf16));
        Assert.Equal(h100.PeakTeraflops(Precision.Fp8), changed.PeakTeraflops(Precision.Fp8));
        Assert.Equal(96e9, changed.MemoryBytes);
        Assert.Equal(650, changed.Watts);
        Assert.Equal(2, changed.EurosPerGpuHour);
        Assert.Equal(989, h100.PeakTeraflops(Precision.Bf16));
    }

    [Fact]
    public void WithPeakTeraflops_Negative_IsRefused() =>
        Assert.ThrowsAny<ArgumentException>(() => HardwareCatalog.Default.Get("H100-SXM").WithPeakTeraflops(Precision.Bf16, -1));
}
