namespace Scaling.Campaign;

/// <summary>One law's view of a consensus model size.</summary>
/// <param name="Name">The law's name.</param>
/// <param name="OptimalParameters">The law's own N* at the budget.</param>
/// <param name="OptimalLoss">The law's loss at its own N*.</param>
/// <param name="Loss">The law's predicted loss at the consensus N.</param>
public sealed record LawView(string Name, double OptimalParameters, double OptimalLoss, double Loss)
{
    /// <summary>Loss − OptimalLoss: what the consensus costs under this law (≥ 0).</summary>
    public double Regret => Loss - OptimalLoss;
}
