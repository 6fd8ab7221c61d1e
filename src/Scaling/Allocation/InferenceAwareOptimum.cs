namespace Scaling.Allocation;

/// <summary>
/// The model that reaches the quality of the Chinchilla-optimal model for a budget at the lowest lifetime cost
/// of training plus inference (Sardana et al. 2024, "Beyond Chinchilla-Optimal", arXiv 2401.00448).
/// </summary>
/// <param name="Optimum">The chosen N and training tokens; its <c>Flops</c> are the training FLOPs 6·N·D.</param>
/// <param name="Chinchilla">The Chinchilla-optimal model for the budget, whose loss is the target.</param>
/// <param name="InferenceTokens">Tokens the model will process over its lifetime (prompt and generated).</param>
/// <param name="InferenceCostWeight">What an inference FLOP costs relative to a training FLOP (1 for a FLOP objective).</param>
/// <param name="InferenceFlopsPerParameterToken">FLOPs per parameter per inference token (2: the forward pass).</param>
public sealed record InferenceAwareOptimum(
    LossOptimum Optimum,
    LossOptimum Chinchilla,
    double InferenceTokens,
    double InferenceCostWeight,
    double InferenceFlopsPerParameterToken)
{
    /// <summary>Inference FLOPs of the chosen model: 2·N·T.</summary>
    public double InferenceFlops => InferenceFlopsPerParameterToken * Optimum.Parameters * InferenceTokens;

    /// <summary>Training plus inference FLOPs of the chosen model.</summary>
    public double TotalFlops => Optimum.Flops + InferenceFlops;

    /// <summary>Training plus inference FLOPs of the Chinchilla-optimal model.</summary>
    public double ChinchillaTotalFlops => Chinchilla.Flops + (InferenceFlopsPerParameterToken * Chinchilla.Parameters * InferenceTokens);

    /// <summary>The cost (FLOPs weighted by <see cref="InferenceCostWeight"/>) of the chosen model.</summary>
    public double TotalCost => Optimum.Flops + (InferenceCostWeight * InferenceFlops);

    /// <summary>The same cost for the Chinchilla-optimal model.</summary>
    public double ChinchillaTotalCost =>
        Chinchilla.Flops + (InferenceCostWeight * InferenceFlopsPerParameterToken * Chinchilla.Parameters * InferenceTokens);

    /// <summary>The share of the Chinchilla model's lifetime cost saved: 1 − cost / Chinchilla cost.</summary>
    public double SavingFraction => 1 - (TotalCost / ChinchillaTotalCost);
}
