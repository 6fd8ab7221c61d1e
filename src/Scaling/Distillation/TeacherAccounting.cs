namespace Scaling.Distillation;

/// <summary>
/// Which of the teacher's costs a distillation budget pays, the four scenarios of Busbridge et al. 2025 (arXiv
/// 2502.08606, §5): <c>C = 3·F(N_S)·D_S + F(N_T)·(δ_logits·D_S + δ_pretrain·3·D_T)</c> with F(N) ≈ 2·N forward FLOPs per token.
/// </summary>
public enum TeacherAccounting
{
    /// <summary>Best case: the teacher and its logits are already paid for (shared with other students); only the student trains.</summary>
    Amortised,

    /// <summary>The teacher exists; the budget pays its forward passes over the distillation tokens, 2·N_T·D_S.</summary>
    Inference,

    /// <summary>The teacher must be trained (6·N_T·D_T); its logits are paid for elsewhere.</summary>
    Pretraining,

    /// <summary>The teacher must be trained and then run over the distillation tokens: 6·N_T·D_T + 2·N_T·D_S.</summary>
    PretrainingAndInference,
}
