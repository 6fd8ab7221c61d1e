namespace Scaling.Architecture;

/// <summary>Which linear layers carry bias vectors, for counting parameters.</summary>
public enum BiasKind
{
    /// <summary>No biases (Llama, Mistral; Hoffmann et al. 2022 Table A9 does not count them).</summary>
    None,

    /// <summary>Biases on the query, key and value projections only (Qwen2).</summary>
    QueryKeyValue,

    /// <summary>Biases on every linear layer of attention and feed-forward (GPT-2, GPT-NeoX).</summary>
    All,
}
