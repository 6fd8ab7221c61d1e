using System.Text.Json;
using Scaling.Distillation;
using Scaling.Laws;

namespace Scaling.Tests.Cli.Commands.Plan;

public class PlanDistillationTests
{
    private static JsonElement Distillation(params string[] args)
    {
        var (code, output, error) = CliRunner.Run([.. args, "--json"]);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement.GetProperty("distillation").Clone();
    }

    [Fact]
    public void RegistryTeacher_CountsItsCostWhenItExistsAndWhenItMustBeTrained()
    {
        var json = Distillation("plan", "--flops", "1e22", "--distill-from", "Llama 3 70B");
        var law = LawPresets.Default.LossLaw;
        var teacher = Teacher.FromSize("Llama 3 70B", 70e9, 15e12, law);
        double student = json.GetProperty("studentParameters").GetDouble();
        var scenarios = json.GetProperty("scenarios");
        var exists = scenarios[0];
        Assert.Equal("exists", exists.GetProperty("teacher").GetString());
        double tokens = exists.GetProperty("studentTokens").GetDouble();
        // Busbridge et al. 2025, §5: the budget pays the student's 6·N_S·D_S and the teacher's 2·N_T·D_S.
        Assert.Equal(1e22, (6 * student * tokens) + (2 * 70e9 * tokens), 1e22 * 1e-9);
        Assert.Equal(teacher.Loss, json.GetProperty("teacher").GetProperty("loss").GetDouble(), 1e-12);
        var trained = scenarios[1];
        Assert.Equal("must-be-trained", trained.GetProperty("teacher").GetString());
        Assert.Equal("teacher-exceeds-budget", trained.GetProperty("verdict").GetString());
        Assert.Equal(6 * 70e9 * 15e12, trained.GetProperty("teacherFlops").GetDouble(), 1e12);
        Assert.Equal("unknown", exists.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, exists.GetProperty("distilledLoss").ValueKind);
    }

    [Fact]
    public void WithAGpu_TheTeachersCostComesInEuros()
    {
        var (code, output, error) = CliRunner.Run("plan", "--flops", "1e22", "--distill-from", "7e9:2e12", "--gpu", "H100-SXM", "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        var trained = root.GetProperty("distillation").GetProperty("scenarios")[1];
        // The teacher's 6·7e9·2e12 = 8.4e22 FLOPs at the plan's euros per FLOP.
        double eurosPerFlop = root.GetProperty("costEuros").GetDouble() / root.GetProperty("flops").GetDouble();
        Assert.Equal(8.4e22 * eurosPerFlop, trained.GetProperty("teacherEuros").GetDouble(), 8.4e22 * eurosPerFlop * 1e-9);
    }

    [Fact]
    public void DistillationLawFile_GivesTheDistilledLossAndAVerdict()
    {
        string path = Path.Combine(Path.GetTempPath(), $"distillation-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"c0": 0.5, "c1": 1.2, "d1": 1.1, "f1": 0.3, "A": 500, "B": 2000, "alpha": 0.4, "beta": 0.35, "gamma": 0.9}""");
        try
        {
            var json = Distillation("plan", "--flops", "1e22", "--distill-from", "Llama 3 70B", "--distillation-law", path);
            var exists = json.GetProperty("scenarios")[0];
            var law = DistillationLaw.Create(0.5, 1.2, 1.1, 0.3, 500, 2000, 0.4, 0.35, 0.9);
            double expected = law.StudentLoss(json.GetProperty("studentParameters").GetDouble(), exists.GetProperty("studentTokens").GetDouble(),
                json.GetProperty("teacher").GetProperty("loss").GetDouble(), exists.GetProperty("supervisedLossOnStudentTokens").GetDouble());
            Assert.Equal(expected, exists.GetProperty("distilledLoss").GetDouble(), 1e-12);
            string verdict = expected < json.GetProperty("supervisedLoss").GetDouble() ? "distil" : "train-directly";
            Assert.Equal(verdict, exists.GetProperty("verdict").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Prose_SaysTheDistilledLossNeedsTheCoefficients()
    {
        var (code, output, error) = CliRunner.Run("plan", "--flops", "1e22", "--distill-from", "Llama 3 70B");
        Assert.True(code == 0, error);
        Assert.Contains("If the teacher exists: its forward passes over the distillation tokens take", output, StringComparison.Ordinal);
        Assert.Contains("630× the budget — train the student directly", output, StringComparison.Ordinal);
        Assert.Contains("--distillation-law FILE", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--distill-from", "unknown model", "plan", "--flops", "1e22", "--distill-from", "GPT-9")]
    [InlineData("--distill-from", "PARAMETERS:TOKENS", "plan", "--flops", "1e22", "--distill-from", "70e9:abc")]
    [InlineData("--distill-from", "irreducible", "plan", "--flops", "1e22", "--distill-from", "1.2")]
    [InlineData("--distill-from", "allocation rule", "plan", "--flops", "1e22", "--distill-from", "Llama 3 70B", "--law", "tokens20")]
    [InlineData("--distill-from", "--robust", "plan", "--flops", "1e22", "--distill-from", "Llama 3 70B", "--robust")]
    [InlineData("--teacher-parameters", "only applies", "plan", "--flops", "1e22", "--teacher-parameters", "7e9")]
    [InlineData("--teacher-parameters", "registry", "plan", "--flops", "1e22", "--distill-from", "Llama 3 70B", "--teacher-parameters", "7e9")]
    [InlineData("--distillation-law", "does not exist", "plan", "--flops", "1e22", "--distill-from", "Llama 3 70B", "--distillation-law", "/nonexistent/d.json")]
    public void BadDistillationInput_ExitsWithCode2AndOneLineNamingTheOption(string option, string detail, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        PlanCommandTests.AssertOneLineError(code, output, error, option, detail);
    }

    [Fact]
    public void DistillationLawFile_MissingACoefficient_NamesTheOptionAndTheKey()
    {
        string path = Path.Combine(Path.GetTempPath(), $"distillation-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"c0": 0.5}""");
        try
        {
            var (code, output, error) = CliRunner.Run("plan", "--flops", "1e22", "--distill-from", "Llama 3 70B", "--distillation-law", path);
            PlanCommandTests.AssertOneLineError(code, output, error, "--distillation-law", "\"c1\"");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
