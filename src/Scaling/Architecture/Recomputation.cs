namespace Scaling.Architecture;

/// <summary>Which activations are recomputed in the backward pass instead of stored (Korthikanti et al. 2022).</summary>
public enum Recomputation
{
    /// <summary>Every activation stored.</summary>
    None,

    /// <summary>Selective recomputation: the attention softmax, its dropout and the attention over values are recomputed (§4.2).</summary>
    Selective,

    /// <summary>Full recomputation: only each layer's input is stored.</summary>
    Full,
}
