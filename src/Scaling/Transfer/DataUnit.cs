namespace Scaling.Transfer;

/// <summary>The unit a <see cref="TransferLaw"/> counts data in.</summary>
public enum DataUnit
{
    /// <summary>Characters of text, as Hernandez et al. 2021 count Python data.</summary>
    Characters,

    /// <summary>Tokens, as the loss laws and the plans count data.</summary>
    Tokens,
}
