using System.Text.Json;
using Scaling.Laws;

namespace Scaling.Tests.Cli.Commands.Laws;

public class LawsCommandTests
{
    [Fact]
    public void Laws_ListsEveryPresetWithItsSource()
    {
        var (code, output, _) = CliRunner.Run("laws");
        Assert.Equal(0, code);
        Assert.All(LawPresets.All, law =>
        {
            Assert.Contains(law.Name, output, StringComparison.Ordinal);
            Assert.Contains(law.Source, output, StringComparison.Ordinal);
        });
        Assert.Contains("besiroglu2024 (default)", output, StringComparison.Ordinal);
        Assert.Contains("fits Chinchilla's own data best", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Laws_Json_MarksExactlyOneDefault()
    {
        var (_, output, _) = CliRunner.Run("laws", "--json");
        using var doc = JsonDocument.Parse(output);
        var defaults = doc.RootElement.EnumerateArray().Where(e => e.GetProperty("default").GetBoolean()).ToList();
        Assert.Single(defaults);
        Assert.Equal("besiroglu2024", defaults[0].GetProperty("name").GetString());
    }
}
