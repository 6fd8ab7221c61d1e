namespace Scaling.Cli.Commands.Fit;

/// <summary><c>scaling fit --approach</c>: which of Hoffmann et al. 2022's three approaches to run, or all of them.</summary>
internal enum FitApproach
{
    /// <summary>Approach 1: the envelope of training curves.</summary>
    One = 1,

    /// <summary>Approach 2: IsoFLOP profiles.</summary>
    Two = 2,

    /// <summary>Approach 3: the parametric loss fit (the default).</summary>
    Three = 3,

    /// <summary>All three on the same runs.</summary>
    All = 0,
}
