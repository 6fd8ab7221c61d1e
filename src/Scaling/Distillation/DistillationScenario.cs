namespace Scaling.Distillation;

/// <summary>
/// One way of paying for the teacher (<see cref="TeacherAccounting"/>) within a budget: what the teacher costs, the
/// distillation tokens left for the student, the student's loss trained directly on those tokens (L̃_S), the
/// distilled loss when a law is known, and the verdict against the student trained directly on the whole budget.
/// </summary>
/// <param name="Accounting">Which teacher costs the budget pays.</param>
/// <param name="TeacherFlops">The teacher's FLOPs in this scenario, or null when its size or tokens are unknown.</param>
/// <param name="StudentTokens">D_S: the tokens the rest of the budget distils on, or null when none are left or the cost is unknown.</param>
/// <param name="SupervisedLossOnStudentTokens">L̃_S = L(N_S, D_S), or null without tokens.</param>
/// <param name="DistilledLoss">L_S from the distillation law, or null without a law or tokens.</param>
/// <param name="Verdict">Distil, train directly, or why there is no answer.</param>
public sealed record DistillationScenario(
    TeacherAccounting Accounting, double? TeacherFlops, double? StudentTokens, double? SupervisedLossOnStudentTokens, double? DistilledLoss, DistillationVerdict Verdict);
