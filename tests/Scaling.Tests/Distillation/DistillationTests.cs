using FsCheck;
using FsCheck.Fluent;
using Scaling.Distillation;
using Scaling.Laws;

namespace Scaling.Tests.Distillation;

// Busbridge et al. 2025 (arXiv 2502.08606): the law's form (Eq. 8) and the compute accounting (§5). The paper's fitted
// coefficients were out of reach, so no published figure of the paper is reproduced here: these tests hold for any
// coefficients, drawn at random.
public class DistillationTests
{
    private static readonly LossLaw Chinchilla = LossLaw.Create(1.69, 406.4, 410.7, 0.34, 0.28);

    private static Gen<DistillationLaw> Laws() =>
        from c0 in Generators.Uniform(0, 3)
        from c1 in Generators.Uniform(0.1, 2)
        from d1 in Generators.Uniform(0.5, 2)
        from f1 in Generators.Uniform(0.05, 2)
        from a in Generators.LogUniform(1, 4)
        from b in Generators.LogUniform(1, 4)
        from alpha in Generators.Uniform(0.1, 0.8)
        from beta in Generators.Uniform(0.1, 0.8)
        from gamma in Generators.Uniform(0.2, 1.5)
        select DistillationLaw.Create(c0, c1, d1, f1, a, b, alpha, beta, gamma);

    [MathProperty]
    public Property StudentLoss_NeverBeatsTheTeacher() =>
        Prop.ForAll(Laws().ToArbitrary(), Generators.LogUniform(7, 11).ToArbitrary(), Generators.Uniform(1.5, 4).ToArbitrary(), (law, student, teacherLoss) =>
        {
            double tokens = 20 * student;
            double loss = law.StudentLoss(student, tokens, teacherLoss, Chinchilla.Loss(student, tokens));
            return (loss >= teacherLoss).Label($"L_S {loss} < L_T {teacherLoss}");
        });

    [MathProperty]
    public Property StudentLoss_FallsWithStudentSizeAndTokens() =>
        Prop.ForAll(Laws().ToArbitrary(), Generators.LogUniform(7, 11).ToArbitrary(), Generators.Uniform(1.2, 10).ToArbitrary(), (law, student, factor) =>
        {
            const double teacherLoss = 1.9;
            double tokens = 20 * student;
            double Loss(double n, double d) => law.StudentLoss(n, d, teacherLoss, Chinchilla.Loss(n, d));
            double at = Loss(student, tokens);
            return (Loss(student * factor, tokens) < at && Loss(student, tokens * factor) < at).Label($"{at}");
        });

    [MathProperty]
    public Property Budget_IsSpentExactly_OnTheStudentAndTheTeachersShare() =>
        Prop.ForAll(Generators.LogUniform(21, 25).ToArbitrary(), Generators.LogUniform(8, 10).ToArbitrary(), Gen.Elements(Enum.GetValues<TeacherAccounting>()).ToArbitrary(), (budget, student, accounting) =>
        {
            var teacher = Teacher.FromSize("t", 10 * student, 1e11, Chinchilla);
            if (DistillationPlan.StudentTokens(budget, student, teacher, accounting) is not { } tokens)
            {
                return (teacher.PretrainingFlops >= budget).Label("no tokens although the teacher fits the budget");
            }

            double spent = (6 * student * tokens) + teacher.Flops(accounting, tokens)!.Value;
            return (Math.Abs(spent / budget - 1) <= 1e-12).Label($"spent {spent} of {budget}");
        });

    [MathProperty]
    public Property PayingMoreOfTheTeacher_LeavesTheStudentFewerTokens() =>
        Prop.ForAll(Generators.LogUniform(22, 25).ToArbitrary(), Generators.LogUniform(8, 10).ToArbitrary(), (budget, student) =>
        {
            var teacher = Teacher.FromSize("t", 10 * student, 1e10, Chinchilla);
            double? Tokens(TeacherAccounting a) => DistillationPlan.StudentTokens(budget, student, teacher, a);
            double amortised = Tokens(TeacherAccounting.Amortised)!.Value;
            double inference = Tokens(TeacherAccounting.Inference)!.Value;
            double both = Tokens(TeacherAccounting.PretrainingAndInference) ?? 0;
            double pretraining = Tokens(TeacherAccounting.Pretraining) ?? 0;
            return (amortised > inference && inference > both && amortised > pretraining && pretraining > both).Label($"{amortised}, {inference}, {pretraining}, {both}");
        });

    [Fact]
    public void Supervised_SpendsTheWholeBudgetOnTheStudent()
    {
        var plan = DistillationPlan.Create(Chinchilla, 1e22, 1e9, Teacher.FromSize("t", 7e10, 1.4e12, Chinchilla), null);
        Assert.Equal(1e22 / 6e9, plan.SupervisedTokens, 1e-3);
        Assert.Equal(Chinchilla.Loss(1e9, plan.SupervisedTokens), plan.SupervisedLoss);
    }

    [Fact]
    public void WithoutALaw_TheVerdictIsUnknown_ButTheTeachersCostIsCounted()
    {
        var teacher = Teacher.FromSize("Chinchilla 70B", 70e9, 1.4e12, Chinchilla);
        var plan = DistillationPlan.Create(Chinchilla, 1e24, 1e9, teacher, null);
        Assert.All(plan.Scenarios, s => Assert.Equal(DistillationVerdict.Unknown, s.Verdict));
        var exists = plan.Scenarios.Single(s => s.Accounting == TeacherAccounting.Inference);
        var trained = plan.Scenarios.Single(s => s.Accounting == TeacherAccounting.PretrainingAndInference);
        Assert.Equal(2 * 70e9 * exists.StudentTokens!.Value, exists.TeacherFlops!.Value, 1e9);
        Assert.Equal((6 * 70e9 * 1.4e12) + (2 * 70e9 * trained.StudentTokens!.Value), trained.TeacherFlops!.Value, 1e12);
    }

    [Fact]
    public void ATeacherDearerThanTheBudget_LeavesNothingToDistil()
    {
        var teacher = Teacher.FromSize("Chinchilla 70B", 70e9, 1.4e12, Chinchilla); // 5.9e23 FLOPs to train
        var plan = DistillationPlan.Create(Chinchilla, 1e23, 1e9, teacher, null);
        Assert.Equal(DistillationVerdict.TeacherExceedsBudget, plan.Scenarios.Single(s => s.Accounting == TeacherAccounting.PretrainingAndInference).Verdict);
    }

    [Fact]
    public void ATeacherKnownByItsLossOnly_CannotBePriced()
    {
        var plan = DistillationPlan.Create(Chinchilla, 1e22, 1e9, Teacher.FromLoss(1.9), null);
        Assert.All(plan.Scenarios, s => Assert.Equal(DistillationVerdict.TeacherCostUnknown, s.Verdict));
        var amortised = DistillationPlan.Create(Chinchilla, 1e22, 1e9, Teacher.FromLoss(1.9), null, [TeacherAccounting.Amortised]);
        Assert.Equal(1e22 / 6e9, amortised.Scenarios[0].StudentTokens!.Value, 1e-3);
    }

    [MathProperty]
    public Property Verdict_FollowsTheLosses() =>
        Prop.ForAll(Laws().ToArbitrary(), Generators.LogUniform(21, 25).ToArbitrary(), (law, budget) =>
        {
            var teacher = Teacher.FromSize("t", 1e10, 2e11, Chinchilla);
            var plan = DistillationPlan.Create(Chinchilla, budget, 1e9, teacher, law, Enum.GetValues<TeacherAccounting>());
            return plan.Scenarios.All(s => s.Verdict switch
            {
                DistillationVerdict.Distil => s.DistilledLoss < plan.SupervisedLoss,
                DistillationVerdict.TrainDirectly => s.DistilledLoss >= plan.SupervisedLoss,
                DistillationVerdict.TeacherExceedsBudget => s.StudentTokens is null,
                _ => false,
            }).Label(string.Join("; ", plan.Scenarios));
        });

    [Fact]
    public void Parse_ReadsEveryCoefficient()
    {
        var law = DistillationLaw.Parse("""{"c0": 0.5, "c1": 1.2, "d1": 1.1, "f1": 0.3, "A": 500, "B": 2000, "alpha": 0.4, "beta": 0.35, "gamma": 0.9}""", "d.json");
        Assert.Equal((0.5, 1.2, 1.1, 0.3, 500.0, 2000.0, 0.4, 0.35, 0.9), (law.C0, law.C1, law.D1, law.F1, law.A, law.B, law.Alpha, law.Beta, law.Gamma));
    }

    [Theory]
    [InlineData("""{"c0": 0.5}""", "\"c1\"")]
    [InlineData("""{"c0": 0.5, "c1": 1.2, "d1": -1, "f1": 0.3, "A": 500, "B": 2000, "alpha": 0.4, "beta": 0.35, "gamma": 0.9}""", "\"d1\"")]
    [InlineData("not json", "is not JSON")]
    public void Parse_ABadFile_NamesTheFileAndTheFault(string json, string fault)
    {
        var e = Assert.Throws<UnreadableFileException>(() => DistillationLaw.Parse(json, "d.json"));
        Assert.Contains("d.json", e.Message, StringComparison.Ordinal);
        Assert.Contains(fault, e.Message, StringComparison.Ordinal);
    }
}
