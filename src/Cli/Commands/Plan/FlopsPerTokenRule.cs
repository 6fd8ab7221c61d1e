namespace Scaling.Cli.Commands.Plan;

/// <summary><c>scaling plan --architecture --flops-per-token</c>: how many tokens the budget buys.</summary>
internal enum FlopsPerTokenRule
{
    /// <summary>C = 6·N·D (Kaplan et al. 2020): the plan's own tokens.</summary>
    SixN,

    /// <summary>The proposed shape's exact count (Hoffmann et al. 2022, App. F): C / (FLOPs per token) tokens.</summary>
    Exact,
}
