using Scaling.Architecture;
using Scaling.Laws;

namespace Scaling.Allocation;

/// <summary>
/// The compute-optimal mixture of experts for a budget under a <see cref="FineGrainedMoeLaw"/>: granularity, active
/// and total non-embedding parameters, tokens and loss, with the dense optimum of the same paper at the same budget
/// and the budget a dense model would need to reach the same loss (Krajewski et al. 2024, Figure 1b).
/// </summary>
/// <param name="Law">The MoE law.</param>
/// <param name="Flops">The budget.</param>
/// <param name="Granularity">G: experts per token (each 1/G of the dense FFN).</param>
/// <param name="ActiveParameters">Non-embedding parameters a token passes, N_act = 12·d²·n_blocks.</param>
/// <param name="TotalParameters">Non-embedding parameters with every expert, N_act·(8E + 4)/12.</param>
/// <param name="Tokens">Training tokens the budget buys at this size and granularity.</param>
/// <param name="Loss">The law's loss.</param>
/// <param name="DenseParameters">The dense fit's compute-optimal size at the same budget (6·N·D).</param>
/// <param name="DenseTokens">Its tokens.</param>
/// <param name="DenseLoss">Its loss.</param>
/// <param name="DenseFlopsForSameLoss">The budget the dense fit needs to reach <paramref name="Loss"/>.</param>
public sealed record MoeOptimum(
    FineGrainedMoeLaw Law, double Flops, int Granularity, double ActiveParameters, double TotalParameters, double Tokens, double Loss,
    double DenseParameters, double DenseTokens, double DenseLoss, double DenseFlopsForSameLoss)
{
    /// <summary>Routed experts per layer: G·E (Eq. 3).</summary>
    public int Experts => Granularity * Law.ExpansionRate;

    /// <summary>Routed experts a token uses: G.</summary>
    public int ActiveExperts => Granularity;

    /// <summary>d_model at 64 per block.</summary>
    public double DModel => FineGrainedMoeLaw.DModel(ActiveParameters);

    /// <summary>How many times the MoE's budget a dense model needs for the same loss.</summary>
    public double ComputeMultiplier => DenseFlopsForSameLoss / Flops;

    /// <summary>Transformer blocks at d_model = 64·n_blocks (§6.1), at least one.</summary>
    public int Blocks => Math.Max(1, (int)Math.Round(DModel / FineGrainedMoeLaw.WidthPerBlock));

    /// <summary>
    /// A shape for the optimum: n_blocks blocks of d_model = 64·n_blocks with heads of 64 (App. A), a two-matrix
    /// feed-forward of 4·d_model (§3.1) split into G·E experts of 4·d_model/G with G active, untied embeddings of
    /// <paramref name="vocabulary"/> (the GPT-2 tokenizer's 50,257 by default, App. A), LayerNorm and biases.
    /// </summary>
    public TransformerShape Shape(int vocabulary = 50257)
    {
        int blocks = Blocks;
        int d = blocks * (int)FineGrainedMoeLaw.WidthPerBlock;
        var conventions = ParameterConventions.Gpt2 with { Name = "krajewski2024", LearnedPositions = 0, TiedEmbeddings = false };
        var experts = MixtureOfExperts.Create(Experts, ActiveExperts, 4 * d / Granularity);
        return TransformerShape.Create(blocks, d, blocks, ffnSize: 4 * d, vocabulary: vocabulary, conventions: conventions, experts: experts);
    }
}
