using Scaling.Audit;

namespace Scaling.Tests.Audit;

public class ModelRegistryTests
{
    private const string Header = "name,year,parameters,tokens,source";

    [Fact]
    public void Published_HasAtLeastFifteenModels()
    {
        Assert.True(ModelRegistry.Published.Count >= 15, $"only {ModelRegistry.Published.Count} models");
    }

    [Fact]
    public void Published_EveryRowNamesItsSource()
    {
        // A source names a paper (arXiv id or "et al.") or the model card it comes from.
        Assert.All(ModelRegistry.Published, m => Assert.True(
            m.Source.Contains("arXiv", StringComparison.Ordinal) || m.Source.Contains("et al.", StringComparison.Ordinal) || m.Source.Contains("model card", StringComparison.Ordinal),
            $"{m.Name}: source '{m.Source}'"));
    }

    [Fact]
    public void Published_NamesAreUnique()
    {
        var names = ModelRegistry.Published.Select(m => m.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData("GPT-3 175B")]
    [InlineData("Gopher 280B")]
    [InlineData("MT-NLG 530B")]
    [InlineData("Jurassic-1 Jumbo")]
    [InlineData("LaMDA 137B")]
    [InlineData("Chinchilla 70B")]
    [InlineData("PaLM 540B")]
    [InlineData("OPT-175B")]
    [InlineData("BLOOM 176B")]
    [InlineData("LLaMA-65B")]
    [InlineData("Llama 2 7B")]
    [InlineData("Llama 2 13B")]
    [InlineData("Llama 2 70B")]
    [InlineData("Llama 3 8B")]
    [InlineData("Llama 3 70B")]
    [InlineData("Falcon-180B")]
    public void Published_HoldsTheModelsTheIssueNames(string name)
    {
        Assert.Contains(ModelRegistry.Published, m => m.Name == name);
    }

    // From the published sizes and tokens (Hoffmann et al. 2022, Table 1; Touvron et al. 2023; Meta Llama 3 model card): tokens per parameter GPT-3 1.7, Gopher 1.1, MT-NLG 0.5, PaLM 1.4, Chinchilla 20, LLaMA-65B 21.5,
    // Llama 3 8B ≈ 1,875.
    [Theory]
    [InlineData("GPT-3 175B", 1.7)]
    [InlineData("Gopher 280B", 1.1)]
    [InlineData("MT-NLG 530B", 0.5)]
    [InlineData("PaLM 540B", 1.4)]
    [InlineData("Chinchilla 70B", 20)]
    [InlineData("LLaMA-65B", 21.5)]
    [InlineData("Llama 3 8B", 1875)]
    public void Published_TokensPerParameter_MatchFacts(string name, double expected)
    {
        var model = ModelRegistry.Published.Single(m => m.Name == name);
        Assert.Equal(expected, model.Tokens / model.Parameters, expected * 0.05);
    }

    [Theory]
    [InlineData("Llama 2 70B", 1_720_320, 291.42)] // Touvron et al. 2023, arXiv 2307.09288, Table 2
    [InlineData("Llama 2 7B", 184_320, 31.22)]
    [InlineData("Llama 3 8B", 1.3e6, 390)]          // Meta Llama 3 model card (training hours and tCO2e)
    [InlineData("Llama 3 70B", 6.4e6, 1900)]
    public void Published_GpuHoursAndCo2_MatchTheModelCards(string name, double gpuHours, double co2Tonnes)
    {
        var model = ModelRegistry.Published.Single(m => m.Name == name);
        Assert.Equal(gpuHours, model.GpuHours);
        Assert.Equal(co2Tonnes, model.Co2Tonnes);
    }

    [Fact]
    public void Published_Gpt3_HasPattersonEnergyAndCo2()
    {
        // Patterson et al. 2021, arXiv 2104.10350, Table 4: 1,287 MWh, 552 tCO2e.
        var gpt3 = ModelRegistry.Published.Single(m => m.Name == "GPT-3 175B");
        Assert.Equal(1287, gpt3.EnergyMegawattHours);
        Assert.Equal(552, gpt3.Co2Tonnes);
    }

    [Fact]
    public void Published_UnknownFiguresAreNull()
    {
        var jurassic = ModelRegistry.Published.Single(m => m.Name == "Jurassic-1 Jumbo");
        Assert.Null(jurassic.TrainingFlops);
        Assert.Null(jurassic.GpuHours);
        Assert.Null(jurassic.EnergyMegawattHours);
    }

    [Fact]
    public void Parse_QuotedFieldsWithCommasAndQuotes_AreRead()
    {
        var models = ModelRegistry.Parse(
            "# comment\n\n" + Header + ",notes\nX,2024,1e9,2e10,\"Doe et al., 2024, Table 1\",\"a \"\"quoted\"\" note\"\n",
            "t.csv");
        var model = Assert.Single(models);
        Assert.Equal("Doe et al., 2024, Table 1", model.Source);
        Assert.Equal("a \"quoted\" note", model.Notes);
        Assert.Equal(1e9, model.Parameters);
    }

    [Fact]
    public void Parse_ColumnsInAnyOrder_AreMatchedByName()
    {
        var model = Assert.Single(ModelRegistry.Parse("tokens,source,parameters,name,year\r\n3e11,S,1.75e11,GPT,2020\r\n", "t.csv"));
        Assert.Equal(1.75e11, model.Parameters);
        Assert.Equal(3e11, model.Tokens);
        Assert.Equal(2020, model.Year);
    }

    [Theory]
    [InlineData(Header + "\nA,2020,1e9,1e10,S\nB,2021,abc,1e10,S", "t.csv:3: column 'parameters'", "not a number")]
    [InlineData(Header + "\nA,2020,1e9,1e10,S\nB,2021,-5,1e10,S", "t.csv:3: column 'parameters'", "greater than 0")]
    [InlineData(Header + "\nA,2020,1e9,0,S", "t.csv:2: column 'tokens'", "greater than 0")]
    [InlineData(Header + "\nA,20x0,1e9,1e10,S", "t.csv:2: column 'year'", "calendar year")]
    [InlineData(Header + "\nA,2020,1e9,1e10,", "t.csv:2: column 'source'", "empty")]
    [InlineData(Header + "\n,2020,1e9,1e10,S", "t.csv:2: column 'name'", "empty")]
    [InlineData(Header + "\nA,2020,1e9,1e10", "t.csv:2:", "fields where the header has 5")]
    [InlineData(Header + "\nA,2020,1e9,1e10,\"S", "t.csv:2:", "quote")]
    [InlineData(Header + ",energy_mwh\nA,2020,1e9,1e10,S,1,5", "t.csv:2:", "fields where the header has 6")]
    [InlineData(Header + ",energy_mwh\nA,2020,1e9,1e10,S,NaN", "t.csv:2: column 'energy_mwh'", "finite")]
    [InlineData(Header + ",co2_tonnes\nA,2020,1e9,1e10,S,\"1,5\"", "t.csv:2: column 'co2_tonnes'", "not a number")]
    [InlineData("name,year,parameters,tokens\nA,2020,1e9,1e10", "t.csv:1: column 'source'", "missing")]
    [InlineData(Header + ",params\nA,2020,1e9,1e10,S,1", "t.csv:1: column 'params'", "unknown")]
    [InlineData("name;year;parameters;tokens;source\nA;2020;1e9;1e10;S", "t.csv:1:5: the fields are separated by ';'", "comma-separated")]
    [InlineData(Header + ",name\nA,2020,1e9,1e10,S,A", "t.csv:1: column 'name'", "twice")]
    [InlineData(Header + "\nA,2020,1e9,1e10,S\na,2021,1e9,1e10,S", "t.csv:3: column 'name'", "line 2")]
    [InlineData("# only a comment\n" + Header + "\n", "t.csv", "no models")]
    public void Parse_MalformedRow_NamesFileLineAndColumn(string csv, string where, string what)
    {
        var e = Assert.Throws<UnreadableFileException>(() => ModelRegistry.Parse(csv, "t.csv"));
        Assert.StartsWith(where, e.Message, StringComparison.Ordinal);
        Assert.Contains(what, e.Message, StringComparison.Ordinal);
    }
}
