namespace Scaling.Campaign;

/// <summary>
/// One model size for a budget that several published laws can live with: the N whose largest regret over the laws
/// (loss at N minus the law's own optimal loss, each under its own law) is smallest.
/// </summary>
/// <param name="Flops">The budget C.</param>
/// <param name="Parameters">The consensus N.</param>
/// <param name="Tokens">D = C/(6N).</param>
/// <param name="Laws">Each law's view of the consensus.</param>
public sealed record LawConsensus(double Flops, double Parameters, double Tokens, IReadOnlyList<LawView> Laws)
{
    /// <summary>Largest over smallest of the laws' own N*: how far the laws disagree.</summary>
    public double Spread => Laws.Max(l => l.OptimalParameters) / Laws.Min(l => l.OptimalParameters);

    /// <summary>The largest regret over the laws at the consensus N.</summary>
    public double MaxRegret => Laws.Max(l => l.Regret);
}
