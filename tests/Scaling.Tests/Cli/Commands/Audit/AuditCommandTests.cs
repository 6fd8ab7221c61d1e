using System.Globalization;
using System.Text.Json;
using Scaling.Audit;
using Scaling.Tests.Cli.Commands.Plan;

namespace Scaling.Tests.Cli.Commands.Audit;

public class AuditCommandTests
{
    private static readonly string[] Verdicts = ["undertrained", "near-optimal", "overtrained"];

    private static JsonElement[] Json(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(["audit", .. args, "--json"]);
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    private static JsonElement Named(JsonElement[] rows, string name) => rows.Single(r => r.GetProperty("name").GetString() == name);

    [Fact]
    public void Audit_Json_HasOneObjectPerRegistryModelWithTheStableFields()
    {
        var rows = Json();
        Assert.Equal(ModelRegistry.Published.Count, rows.Length);
        string[] fields =
        [
            "name", "parameters", "tokens", "flops", "tokensPerParameter", "optimalParameters", "optimalTokens", "lossGap",
            "wastedComputeFraction", "verdict", "year", "predictedLoss", "optimalLoss", "optimalTokensForSize", "source",
        ];
        Assert.All(rows, row => Assert.All(fields, f => Assert.True(row.TryGetProperty(f, out _), $"{f} missing")));
        Assert.All(rows, row => Assert.Contains(row.GetProperty("verdict").GetString(), Verdicts));
    }

    [Fact]
    public void Audit_Json_FlopsAreSixNDAndRowsAreSortedByCompute()
    {
        var rows = Json();
        foreach (var row in rows)
        {
            double n = row.GetProperty("parameters").GetDouble(), d = row.GetProperty("tokens").GetDouble();
            Assert.Equal(6 * n * d, row.GetProperty("flops").GetDouble(), 6 * n * d * 1e-12);
            Assert.Equal(d / n, row.GetProperty("tokensPerParameter").GetDouble(), 9);
        }

        var flops = rows.Select(r => r.GetProperty("flops").GetDouble()).ToList();
        Assert.Equal(flops.Order(), flops);
    }

    [Theory]
    [InlineData("hoffmann2022")]
    [InlineData("besiroglu2024")]
    public void Audit_Json_GivesTheIssuesVerdictsUnderBothLaws(string law)
    {
        var rows = Json("--law", law);
        Assert.Equal("undertrained", Named(rows, "GPT-3 175B").GetProperty("verdict").GetString());
        Assert.Equal("undertrained", Named(rows, "Gopher 280B").GetProperty("verdict").GetString());
        Assert.Equal("undertrained", Named(rows, "MT-NLG 530B").GetProperty("verdict").GetString());
        Assert.Equal("near-optimal", Named(rows, "Chinchilla 70B").GetProperty("verdict").GetString());
        Assert.Equal("near-optimal", Named(rows, "LLaMA-65B").GetProperty("verdict").GetString());
        Assert.Equal("overtrained", Named(rows, "Llama 3 8B").GetProperty("verdict").GetString());
    }

    [Fact]
    public void Audit_Json_CarriesThePublishedFiguresAndSource()
    {
        var gpt3 = Named(Json(), "GPT-3 175B");
        Assert.Equal(2020, gpt3.GetProperty("year").GetInt32());
        Assert.Equal(3.14e23, gpt3.GetProperty("publishedTrainingFlops").GetDouble()); // Brown et al. 2020, Table D.1
        Assert.Equal(1287, gpt3.GetProperty("energyMegawattHours").GetDouble());        // Patterson et al. 2021
        Assert.Contains("2005.14165", gpt3.GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_OneModel_IsAuditedOnItsOwn()
    {
        var rows = Json("--parameters", "175e9", "--tokens", "300e9", "--name", "GPT-3", "--law", "hoffmann2022");
        var row = Assert.Single(rows);
        Assert.Equal("GPT-3", row.GetProperty("name").GetString());
        Assert.Equal("undertrained", row.GetProperty("verdict").GetString());
        Assert.Equal(2.0023, row.GetProperty("predictedLoss").GetDouble(), 4); // Hoffmann et al. 2022, Eq. 2 with Eq. 10: L(175e9, 3e11)
        Assert.Equal(JsonValueKind.Null, row.GetProperty("year").ValueKind);
    }

    [Fact]
    public void Audit_AllocationRule_HasNullLossFieldsAndStillAVerdict()
    {
        var row = Named(Json("--law", "tokens20"), "GPT-3 175B");
        Assert.Equal(JsonValueKind.Null, row.GetProperty("lossGap").ValueKind);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("wastedComputeFraction").ValueKind);
        Assert.Equal("undertrained", row.GetProperty("verdict").GetString());
        Assert.Equal(20 * 175e9, row.GetProperty("optimalTokensForSize").GetDouble(), 1e3);
    }

    [Fact]
    public void Audit_Tolerance_NarrowsTheBand()
    {
        // Chinchilla is ≈ 2.15× the printed law's N*: undertrained once the band is 2×.
        var row = Named(Json("--law", "hoffmann2022", "--tolerance", "2"), "Chinchilla 70B");
        Assert.Equal("undertrained", row.GetProperty("verdict").GetString());
    }

    [Fact]
    public void Audit_Table_ListsEveryModelSortedByComputeThenTheFindings()
    {
        var (code, output, error) = CliRunner.Run("audit");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        string[] lines = output.Split('\n');
        int header = Array.FindIndex(lines, l => l.StartsWith("Model", StringComparison.Ordinal));
        Assert.Contains("Wasted", lines[header], StringComparison.Ordinal);
        var body = lines.Skip(header + 2).Take(ModelRegistry.Published.Count).ToList();
        int flopsColumn = lines[header].IndexOf("C (FLOPs)", StringComparison.Ordinal);
        var flops = body.Select(l => double.Parse(l.AsSpan(flopsColumn, "C (FLOPs)".Length), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(flops.Order(), flops);
        Assert.All(ModelRegistry.Published, m => Assert.Contains(body, l => l.StartsWith(m.Name + " ", StringComparison.Ordinal)));
        Assert.Contains("GPT-3 175B (2020) spent 3.15E+23 FLOPs", output, StringComparison.Ordinal);
        Assert.Contains("usually on purpose", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_ModelsFile_AuditsTheUsersRegistry()
    {
        string path = Path.Combine(Path.GetTempPath(), $"models-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "name,year,parameters,tokens,source\nSmall,2024,1e9,1e12,mine\nBig,2024,1e11,1e10,\"mine, too\"\n");
        try
        {
            var rows = Json("--models", path);
            Assert.Equal(["Big", "Small"], rows.Select(r => r.GetProperty("name").GetString()!).ToArray()); // 6e21 < 6e22
            Assert.Equal("mine, too", rows[0].GetProperty("source").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Audit_MalformedModelsFile_ExitsWithCode2NamingTheLineAndColumn()
    {
        string path = Path.Combine(Path.GetTempPath(), $"models-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "name,year,parameters,tokens,source\nA,2024,1e9,1e12,s\nB,2024,1e9,lots,s\n");
        try
        {
            var (code, output, error) = CliRunner.Run("audit", "--models", path);
            PlanCommandTests.AssertOneLineError(code, output, error, "--models", $"{path}:3: column 'tokens'");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--tokens", "together", "audit", "--parameters", "175e9")]
    [InlineData("--parameters", "together", "audit", "--tokens", "300e9")]
    [InlineData("--tokens", "not a number", "audit", "--parameters", "175e9", "--tokens", "lots")]
    [InlineData("--parameters", "at least 1", "audit", "--parameters", "-1", "--tokens", "300e9")]
    [InlineData("--name", "--parameters", "audit", "--name", "X")]
    [InlineData("--models", "does not exist", "audit", "--models", "no-such-file.csv")]
    [InlineData("--models", "not both", "audit", "--models", "x.csv", "--parameters", "1e9", "--tokens", "1e10")]
    [InlineData("--tolerance", "above 1", "audit", "--tolerance", "1")]
    [InlineData("--tolerance", "not a number", "audit", "--tolerance", "wide")]
    [InlineData("--law", "nonsense", "audit", "--law", "nonsense")]
    public void Audit_BadInput_ExitsWithCode2AndOneLineNamingTheOption(string option, string detail, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        PlanCommandTests.AssertOneLineError(code, output, error, option, detail);
    }

    [Fact]
    public void Audit_UnderACommaDecimalCulture_PrintsInvariantNumbers()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var (code, output, _) = CliRunner.Run("audit", "--parameters", "1.75e11", "--tokens", "3e11");
            Assert.Equal(0, code);
            Assert.Contains("3.15E+23", output, StringComparison.Ordinal);
            Assert.Contains(" 1.71 ", output, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
