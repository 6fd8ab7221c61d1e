using Scaling.Laws;

namespace Scaling.Tests.Laws;

public class LawTextTests
{
    [Fact]
    public void LawJson_RoundTripsALaw()
    {
        var law = LawPresets.Besiroglu2024.LossLaw;
        string json = new System.Text.Json.Nodes.JsonObject { ["law"] = LawJson.ToJson(law), ["objective"] = 0.1 }.ToJsonString();
        Assert.Equal(law, Assert.IsType<ParametricLaw>(LawJson.Parse(json, "fit.json")).LossLaw);
    }

    [Fact]
    public void LawJson_BareLawObject_IsAccepted()
    {
        var parsed = LawJson.Parse("""{"E": 1.69, "A": 406.4, "B": 410.7, "alpha": 0.34, "beta": 0.28}""", "x.json");
        Assert.Equal(LawPresets.Hoffmann2022.LossLaw, Assert.IsType<ParametricLaw>(parsed).LossLaw);
    }

    [Theory]
    [InlineData("""{"law": {"E": 1.69, "A": 406.4, "B": 410.7, "alpha": 0.34}}""", "beta")]
    [InlineData("""{"law": {"E": 1.69, "A": "x", "B": 410.7, "alpha": 0.34, "beta": 0.28}}""", "\"A\"")]
    [InlineData("""{"law": {"E": -1, "A": 406.4, "B": 410.7, "alpha": 0.34, "beta": 0.28}}""", "coefficient E must")]
    [InlineData("""[1, 2]""", "object")]
    [InlineData("""{"law": """, "not valid JSON")]
    [InlineData("""{"E": 1.69, "E": 1.7, "A": 406.4, "B": 410.7, "alpha": 0.34, "beta": 0.28}""", "Duplicate")]
    [InlineData("""{"law": {"E": 1.69, "A": 406.4, "B": 410.7, "alpha": 0.34, "beta": 0.28}, "rule": {"parametersCoefficient": 0.1, "exponentA": 0.5}}""", "both")]
    public void LawJson_Malformed_ThrowsUnreadableFileNamingTheProblem(string json, string expected)
    {
        var e = Assert.Throws<UnreadableFileException>(() => LawJson.Parse(json, "fit.json"));
        Assert.Equal("fit.json", e.Path);
        Assert.Contains("fit.json", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LawJson_Rule_IsAccepted()
    {
        var parsed = LawJson.Parse("""{"rule": {"parametersCoefficient": 0.1426, "exponentA": 0.49}}""", "a2.json");
        Assert.Equal(0.49, Assert.IsType<AllocationRuleLaw>(parsed).Rule.ExponentA);
    }

    [Fact]
    public void Inline_ParsesAllFiveCoefficientsInAnyOrder()
    {
        var parsed = LawCoefficientsText.Parse("beta=0.28, alpha=0.34, B=410.7, a=406.4, e=1.69");
        Assert.Equal(LawPresets.Hoffmann2022.LossLaw, parsed.LossLaw);
    }

    [Theory]
    [InlineData("E=1.69,A=406.4,B=410.7,alpha=0.34", "beta is missing")]
    [InlineData("E=1.69,A=406.4,B=410.7,alpha=0.34,beta=0,28", "not one of")]
    [InlineData("E=1.69,A=406.4,B=410.7,alpha=0.34,beta=x", "beta 'x' is not a number")]
    [InlineData("E=1.69,E=1.7,A=406.4,B=410.7,alpha=0.34,beta=0.28", "E is given twice")]
    public void Inline_Malformed_Throws(string text, string expected)
    {
        var e = Assert.Throws<InvalidLawException>(() => LawCoefficientsText.Parse(text));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LawJson_ResampledLaws_RoundTripAndAttachToTheLaw()
    {
        LossLaw[] refits = [LossLaw.Create(1.7, 400, 410, 0.34, 0.28), LossLaw.Create(1.8, 500, 300, 0.36, 0.27)];
        var root = new System.Text.Json.Nodes.JsonObject
        {
            ["law"] = LawJson.ToJson(refits[0]),
            [LawJson.ResamplesMember] = LawJson.ToJson(refits),
        };

        var law = LawJson.ParseFitted(root.ToJsonString(), "fit.json");

        Assert.Equal(refits, law.Resamples);
    }

    [Fact]
    public void LawJson_MalformedResampledLaw_NamesTheFileAndTheRow()
    {
        string json = "{\"law\":{\"E\":1.7,\"A\":400,\"B\":410,\"alpha\":0.34,\"beta\":0.28},\"resampledLaws\":[[1.7,400,410,0.34,0.28],[1.7,400,-1,0.34,0.28]]}";
        var e = Assert.Throws<UnreadableFileException>(() => LawJson.Parse(json, "fit.json"));
        Assert.StartsWith("fit.json: \"resampledLaws\"[1] must be five positive numbers", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alpha", 0.6)]
    [InlineData("E", 1.0)]
    public void LawJson_LawEditedAwayFromItsRefits_IsRefusedNamingTheCoefficient(string coefficient, double edited)
    {
        // A fit whose law was edited by hand keeps the old refits, so its 95% range would exclude its own plan (issue 24).
        LossLaw[] refits = [LossLaw.Create(1.70, 400, 410, 0.34, 0.28), LossLaw.Create(1.75, 450, 430, 0.35, 0.285), LossLaw.Create(1.72, 420, 400, 0.345, 0.29)];
        var law = new System.Text.Json.Nodes.JsonObject { ["E"] = 1.72, ["A"] = 420, ["B"] = 410, ["alpha"] = 0.345, ["beta"] = 0.285 };
        law[coefficient] = edited;
        var root = new System.Text.Json.Nodes.JsonObject { ["law"] = law, [LawJson.ResamplesMember] = LawJson.ToJson(refits) };

        var e = Assert.Throws<UnreadableFileException>(() => LawJson.ParseFitted(root.ToJsonString(), "fit.json"));
        Assert.Contains($"the law's {coefficient} = ", e.Problem, StringComparison.Ordinal);
        Assert.Equal("fit.json", e.Path);
    }

    [Fact]
    public void LawJson_LawInsideItsRefits_IsAccepted()
    {
        LossLaw[] refits = [LossLaw.Create(1.70, 400, 410, 0.34, 0.28), LossLaw.Create(1.75, 450, 430, 0.35, 0.285)];
        var root = new System.Text.Json.Nodes.JsonObject
        {
            ["law"] = LawJson.ToJson(LossLaw.Create(1.72, 420, 420, 0.345, 0.283)),
            [LawJson.ResamplesMember] = LawJson.ToJson(refits),
        };

        Assert.Equal(2, LawJson.ParseFitted(root.ToJsonString(), "fit.json").Resamples.Count);
    }
}
