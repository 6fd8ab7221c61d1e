namespace Scaling.Allocation;

/// <summary>The FLOP count k in C = k·N·D.</summary>
public static class FlopsPerParameterToken
{
    /// <summary>
    /// 6 FLOPs per parameter per token: 2 for the forward pass and 4 for the backward pass
    /// (Kaplan et al. 2020, arXiv 2001.08361, §2.1; Hoffmann et al. 2022, Eq. 4 uses C ≈ 6ND).
    /// </summary>
    public const double Training = 6.0;
}
