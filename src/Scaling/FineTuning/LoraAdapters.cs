using System.Globalization;
using Scaling.Architecture;

namespace Scaling.FineTuning;

/// <summary>
/// Which matrices of every transformer block carry low-rank adapters, and at which rank. An adapter on a
/// d_in × d_out matrix at rank r trains r·(d_in + d_out) parameters (B is d_out × r, A is r × d_in; Hu et al. 2021,
/// "LoRA", arXiv 2106.09685, §4.1), so for square attention matrices the count is Hu et al.'s
/// <c>|Θ| = 2 × L̂_LoRA × d_model × r</c> (§4.2), L̂_LoRA the number of adapted matrices over all layers.
/// </summary>
/// <example><code>
/// // GPT-3 175B (96 layers, d_model 12,288) with r_q = r_v = 1: 2 × 192 × 12,288 × 1 = 4,718,592 ("4.7M", Hu et al. Table 4).
/// LoraAdapters.Create(1, AdaptedMatrix.Query, AdaptedMatrix.Value).TrainableParameters(gpt3);
/// </code></example>
public sealed record LoraAdapters
{
    private LoraAdapters(IReadOnlyDictionary<AdaptedMatrix, int> ranks)
    {
        Ranks = ranks;
    }

    /// <summary>The rank of each adapted matrix type.</summary>
    public IReadOnlyDictionary<AdaptedMatrix, int> Ranks { get; }

    /// <summary>The query and value projections at one <paramref name="rank"/>: Hu et al. 2021's recommended choice (§7.1, Table 5).</summary>
    public static LoraAdapters QueryValue(int rank) => Create(rank, AdaptedMatrix.Query, AdaptedMatrix.Value);

    /// <summary>
    /// Every linear layer of the block at one <paramref name="rank"/>: QLoRA's setting (Dettmers et al. 2023, arXiv
    /// 2305.14314, §4: adapters on all linear transformer block layers are needed to match full fine-tuning). The gate
    /// is included for a gated feed-forward; <see cref="TrainableParameters"/> skips it for a two-matrix one.
    /// </summary>
    public static LoraAdapters AllLinear(int rank) => Create(rank, Enum.GetValues<AdaptedMatrix>());

    /// <summary>The same <paramref name="rank"/> on each of <paramref name="matrices"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rank is below 1, or no matrix is given.</exception>
    public static LoraAdapters Create(int rank, params AdaptedMatrix[] matrices)
    {
        ArgumentNullException.ThrowIfNull(matrices);
        return WithRanks(matrices.Distinct().Select(m => (m, rank)));
    }

    /// <summary>Each matrix at its own rank, e.g. <c>r_q = 8, r_v = 4</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rank is below 1, a matrix appears twice, or none is given.</exception>
    public static LoraAdapters WithRanks(IEnumerable<(AdaptedMatrix Matrix, int Rank)> ranks)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        var map = new SortedDictionary<AdaptedMatrix, int>();
        foreach (var (matrix, rank) in ranks)
        {
            if (rank < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(ranks), rank, $"the rank of {matrix} must be a whole number of at least 1.");
            }

            if (!map.TryAdd(matrix, rank))
            {
                throw new ArgumentOutOfRangeException(nameof(ranks), rank, $"{matrix} is given twice; give each matrix one rank.");
            }
        }

        return map.Count > 0
            ? new LoraAdapters(map)
            : throw new ArgumentOutOfRangeException(nameof(ranks), 0, "adapt at least one matrix.");
    }

    /// <summary>
    /// The adapters' trainable parameters on <paramref name="shape"/>: layers × Σ r·(d_in + d_out). A gate on a
    /// two-matrix feed-forward does not exist and adds nothing.
    /// </summary>
    /// <exception cref="InvalidShapeException">A mixture of experts or latent attention, which the count does not cover.</exception>
    public long TrainableParameters(TransformerShape shape)
    {
        FineTuningMemory.RequireDense(shape);
        long perLayer = 0;
        foreach (var (matrix, rank) in Ranks)
        {
            perLayer += rank * Sides(shape, matrix);
        }

        return shape.Layers * perLayer;
    }

    /// <summary>The adapted matrices with their ranks, e.g. <c>q r=1, v r=1</c>.</summary>
    public override string ToString() =>
        string.Join(", ", Ranks.Select(p => string.Create(CultureInfo.InvariantCulture, $"{ShortName(p.Key)} r={p.Value}")));

    /// <summary>The short name of a matrix: q, k, v, o, gate, up, down.</summary>
    public static string ShortName(AdaptedMatrix matrix) => matrix switch
    {
        AdaptedMatrix.Query => "q",
        AdaptedMatrix.Key => "k",
        AdaptedMatrix.Value => "v",
        AdaptedMatrix.Output => "o",
        AdaptedMatrix.Gate => "gate",
        AdaptedMatrix.Up => "up",
        _ => "down",
    };

    // d_in + d_out of the matrix; 0 for a gate the shape does not have.
    private static long Sides(TransformerShape shape, AdaptedMatrix matrix) => matrix switch
    {
        AdaptedMatrix.Query or AdaptedMatrix.Output => shape.DModel + shape.AttentionWidth,
        AdaptedMatrix.Key or AdaptedMatrix.Value => shape.DModel + shape.KeyValueWidth,
        AdaptedMatrix.Gate => shape.Conventions.GatedFfn ? (long)shape.DModel + shape.FfnSize : 0,
        _ => (long)shape.DModel + shape.FfnSize,
    };
}
