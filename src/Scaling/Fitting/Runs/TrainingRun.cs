using Scaling.Allocation;

namespace Scaling.Fitting.Runs;

/// <summary>
/// One observation for fitting a scaling law: a model of <see cref="Parameters"/> parameters trained on
/// <see cref="Tokens"/> tokens reached <see cref="Loss"/> (nats per token).
/// </summary>
/// <remarks>
/// <see cref="RunName"/> groups checkpoints of one training run (Hoffmann et al. 2022, Approach 1);
/// <see cref="BudgetFlops"/> names the IsoFLOP group a run was trained for, when the data declares it (Approach 2).
/// Example: <c>TrainingRun.Create(parameters: 400e6, tokens: 8e9, loss: 2.91)</c>.
/// </remarks>
public sealed record TrainingRun
{
    private TrainingRun(double parameters, double tokens, double loss, string? runName, double? budgetFlops)
    {
        Parameters = parameters;
        Tokens = tokens;
        Loss = loss;
        RunName = runName;
        BudgetFlops = budgetFlops;
    }

    /// <summary>Model size N in parameters.</summary>
    public double Parameters { get; }

    /// <summary>Training tokens D.</summary>
    public double Tokens { get; }

    /// <summary>Final (or checkpoint) loss L in nats per token.</summary>
    public double Loss { get; }

    /// <summary>The training run this observation belongs to, or null when every row is its own run.</summary>
    public string? RunName { get; }

    /// <summary>The declared compute budget of the run's IsoFLOP group, or null.</summary>
    public double? BudgetFlops { get; }

    /// <summary>Training compute C = 6·N·D in FLOPs.</summary>
    public double Flops => FlopsPerParameterToken.Training * Parameters * Tokens;

    /// <summary>Creates a run; every number must be finite and greater than 0.</summary>
    public static TrainingRun Create(double parameters, double tokens, double loss, string? runName = null, double? budgetFlops = null) =>
        new(
            Require.PositiveFinite(parameters, nameof(parameters)),
            Require.PositiveFinite(tokens, nameof(tokens)),
            Require.PositiveFinite(loss, nameof(loss)),
            string.IsNullOrWhiteSpace(runName) ? null : runName.Trim(),
            budgetFlops is { } b ? Require.PositiveFinite(b, nameof(budgetFlops)) : null);
}
