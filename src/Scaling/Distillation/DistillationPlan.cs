using Scaling.Laws;

namespace Scaling.Distillation;

/// <summary>
/// For a compute budget and a student size: distil from a teacher, or train the student directly? Busbridge et al.
/// 2025 (arXiv 2502.08606, §5): the budget pays the student's training, 6·N_S·D_S, and — depending on the scenario —
/// the teacher's forward passes over the distillation tokens, 2·N_T·D_S, and its own training, 6·N_T·D_T. Training
/// directly spends the whole budget on the student: D = C / (6·N_S) at loss L(N_S, D).
/// </summary>
/// <example><code>
/// var teacher = Teacher.FromSize("Llama 3 70B", 70e9, 15e12, law);
/// var plan = DistillationPlan.Create(law, budgetFlops: 1e22, studentParameters: 1e9, teacher, distillationLaw: null);
/// // plan.Scenarios: the teacher's cost when it exists and when it must be trained; the verdict needs a distillation law
/// </code></example>
public sealed record DistillationPlan
{
    private DistillationPlan(double budgetFlops, double studentParameters, Teacher teacher, double supervisedTokens, double supervisedLoss, DistillationLaw? law, IReadOnlyList<DistillationScenario> scenarios)
    {
        BudgetFlops = budgetFlops;
        StudentParameters = studentParameters;
        Teacher = teacher;
        SupervisedTokens = supervisedTokens;
        SupervisedLoss = supervisedLoss;
        Law = law;
        Scenarios = scenarios;
    }

    /// <summary>The compute budget C.</summary>
    public double BudgetFlops { get; }

    /// <summary>The student's size N_S.</summary>
    public double StudentParameters { get; }

    /// <summary>The teacher.</summary>
    public Teacher Teacher { get; }

    /// <summary>Tokens the student trains on directly with the whole budget: C / (6·N_S).</summary>
    public double SupervisedTokens { get; }

    /// <summary>The student's loss trained directly: L(N_S, C / (6·N_S)).</summary>
    public double SupervisedLoss { get; }

    /// <summary>The distillation law, or null when none was given.</summary>
    public DistillationLaw? Law { get; }

    /// <summary>One scenario per teacher accounting asked for.</summary>
    public IReadOnlyList<DistillationScenario> Scenarios { get; }

    /// <summary>The two scenarios of a teacher that exists (inference paid) and one that must be trained (training and inference paid).</summary>
    public static IReadOnlyList<TeacherAccounting> ExistsOrMustBeTrained { get; } = [TeacherAccounting.Inference, TeacherAccounting.PretrainingAndInference];

    /// <summary>Plans distillation against direct training.</summary>
    /// <param name="supervisedLaw">The loss law of direct training, L(N, D).</param>
    /// <param name="budgetFlops">The budget C.</param>
    /// <param name="studentParameters">N_S.</param>
    /// <param name="teacher">The teacher.</param>
    /// <param name="distillationLaw">Busbridge et al.'s law with a fit, or null (then the verdict is <see cref="DistillationVerdict.Unknown"/>).</param>
    /// <param name="accountings">The scenarios; default <see cref="ExistsOrMustBeTrained"/>.</param>
    public static DistillationPlan Create(
        LossLaw supervisedLaw, double budgetFlops, double studentParameters, Teacher teacher, DistillationLaw? distillationLaw, IEnumerable<TeacherAccounting>? accountings = null)
    {
        ArgumentNullException.ThrowIfNull(supervisedLaw);
        ArgumentNullException.ThrowIfNull(teacher);
        Require.PositiveFinite(budgetFlops, nameof(budgetFlops));
        Require.PositiveFinite(studentParameters, nameof(studentParameters));
        double supervisedTokens = budgetFlops / (6 * studentParameters);
        double supervisedLoss = supervisedLaw.Loss(studentParameters, supervisedTokens);
        var scenarios = (accountings ?? ExistsOrMustBeTrained)
            .Select(a => Scenario(a, supervisedLaw, budgetFlops, studentParameters, teacher, distillationLaw, supervisedLoss))
            .ToList();
        return new DistillationPlan(budgetFlops, studentParameters, teacher, supervisedTokens, supervisedLoss, distillationLaw, scenarios);
    }

    /// <summary>
    /// The distillation tokens a budget leaves the student: <c>(C − fixed teacher FLOPs) / (6·N_S + per-token teacher
    /// FLOPs)</c>, or null when the teacher's share is unknown or takes the whole budget.
    /// </summary>
    public static double? StudentTokens(double budgetFlops, double studentParameters, Teacher teacher, TeacherAccounting accounting)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        bool pretraining = accounting is TeacherAccounting.Pretraining or TeacherAccounting.PretrainingAndInference;
        bool inference = accounting is TeacherAccounting.Inference or TeacherAccounting.PretrainingAndInference;
        if ((pretraining && teacher.PretrainingFlops is null) || (inference && teacher.Parameters is null))
        {
            return null;
        }

        double fixedFlops = pretraining ? teacher.PretrainingFlops ?? 0 : 0;
        double perToken = (6 * studentParameters) + (inference ? 2 * (teacher.Parameters ?? 0) : 0);
        double left = budgetFlops - fixedFlops;
        return left > 0 ? left / perToken : null;
    }

    private static DistillationScenario Scenario(
        TeacherAccounting accounting, LossLaw law, double budget, double student, Teacher teacher, DistillationLaw? distillation, double supervisedLoss)
    {
        double? tokens = StudentTokens(budget, student, teacher, accounting);
        if (tokens is not { } d)
        {
            bool unknown = teacher.Flops(accounting, 0) is null;
            return new(accounting, unknown ? null : teacher.Flops(accounting, 0), null, null, null,
                unknown ? DistillationVerdict.TeacherCostUnknown : DistillationVerdict.TeacherExceedsBudget);
        }

        double tilde = law.Loss(student, d);
        double? distilled = distillation?.StudentLoss(student, d, teacher.Loss, tilde);
        var verdict = distilled is not { } ls ? DistillationVerdict.Unknown
            : ls < supervisedLoss ? DistillationVerdict.Distil : DistillationVerdict.TrainDirectly;
        return new(accounting, teacher.Flops(accounting, d), d, tilde, distilled, verdict);
    }
}
