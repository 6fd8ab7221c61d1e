using System.Text.Json;
using Scaling.Tests.Cli.Commands.Plan;

namespace Scaling.Tests.Cli.Commands.Hardware;

public class HardwareCommandTests
{
    [Fact]
    public void Hardware_Prose_ListsEveryAcceleratorAndSaysPeaksAreDense()
    {
        var (code, output, error) = CliRunner.Run("hardware");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        foreach (string name in new[] { "V100-32GB", "A100-40GB", "A100-80GB", "H100-SXM", "H200", "B200", "MI300X", "TPUv4", "TPUv5p" })
        {
            Assert.Contains(name, output, StringComparison.Ordinal);
        }

        Assert.Contains("dense", output, StringComparison.Ordinal);
        Assert.Contains("assumptions", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Hardware_Json_HasPeaksPerPrecisionAndSources()
    {
        var (code, output, _) = CliRunner.Run("hardware", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var h100 = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "H100-SXM");
        // NVIDIA H100 (SXM5) data sheet: dense BF16 989 and FP8 1,979 TFLOP/s, 80 GB, 700 W.
        Assert.Equal(989, h100.GetProperty("peakTeraflops").GetProperty("bf16").GetDouble());
        Assert.Equal(1979, h100.GetProperty("peakTeraflops").GetProperty("fp8").GetDouble());
        Assert.Equal(80, h100.GetProperty("memoryGigabytes").GetDouble());
        Assert.Equal(700, h100.GetProperty("watts").GetDouble());
        Assert.False(string.IsNullOrEmpty(h100.GetProperty("source").GetString()));
        Assert.Equal(9, doc.RootElement.GetArrayLength());
    }

    [Fact]
    public void Hardware_UserCatalog_AddsItsRows()
    {
        string path = TempCsv("name,bf16_tflops,memory_gb,eur_per_gpu_hour\nMyChip,123,48,0.9\n");
        try
        {
            var (code, output, _) = CliRunner.Run("hardware", "--hardware", path, "--json");
            Assert.Equal(0, code);
            using var doc = JsonDocument.Parse(output);
            Assert.Equal(10, doc.RootElement.GetArrayLength());
            Assert.Equal("MyChip", doc.RootElement[9].GetProperty("name").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Hardware_MalformedCatalog_NamesFileAndLine()
    {
        string path = TempCsv("# mine\nname,bf16_tflops,memory_gb,eur_per_gpu_hour\nMyChip,fast,48,0.9\n");
        try
        {
            var (code, output, error) = CliRunner.Run("hardware", "--hardware", path);
            PlanCommandTests.AssertOneLineError(code, output, error, "--hardware", $"{path}:3:");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Hardware_MissingCatalog_ExitsWithCode2()
    {
        var (code, output, error) = CliRunner.Run("hardware", "--hardware", "no-such-catalog.csv");
        PlanCommandTests.AssertOneLineError(code, output, error, "--hardware", "does not exist");
    }

    internal static string TempCsv(string content)
    {
        string path = Path.Combine(Path.GetTempPath(), $"hw-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }
}
