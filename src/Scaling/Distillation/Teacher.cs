namespace Scaling.Distillation;

/// <summary>
/// The model distilled from: its cross-entropy <see cref="Loss"/> and, where known, its size (needed to price its
/// forward passes) and training tokens (needed to price training it).
/// </summary>
/// <param name="Name">A label for reports, e.g. a model name.</param>
/// <param name="Loss">The teacher's cross-entropy L_T in nats per token.</param>
/// <param name="Parameters">N_T, or null when unknown.</param>
/// <param name="Tokens">D_T, or null when unknown.</param>
public sealed record Teacher(string Name, double Loss, double? Parameters, double? Tokens)
{
    /// <summary>A teacher of <paramref name="parameters"/> trained on <paramref name="tokens"/>, its loss from <paramref name="law"/>.</summary>
    public static Teacher FromSize(string name, double parameters, double tokens, Laws.LossLaw law)
    {
        ArgumentNullException.ThrowIfNull(law);
        return new Teacher(name, law.Loss(Require.PositiveFinite(parameters, nameof(parameters)), Require.PositiveFinite(tokens, nameof(tokens))), parameters, tokens);
    }

    /// <summary>A teacher known by its loss, optionally with its size.</summary>
    public static Teacher FromLoss(double loss, double? parameters = null) =>
        new("the teacher", Require.PositiveFinite(loss, nameof(loss)),
            parameters is { } n ? Require.PositiveFinite(n, nameof(parameters)) : null, null);

    /// <summary>The teacher FLOPs the budget pays under <paramref name="accounting"/> for <paramref name="studentTokens"/> distillation tokens, or null when the size or tokens needed are unknown.</summary>
    public double? Flops(TeacherAccounting accounting, double studentTokens) => accounting switch
    {
        TeacherAccounting.Amortised => 0,
        TeacherAccounting.Inference => Parameters is { } n ? 2 * n * studentTokens : null,
        TeacherAccounting.Pretraining => PretrainingFlops,
        _ => Parameters is { } n && PretrainingFlops is { } pre ? pre + (2 * n * studentTokens) : null,
    };

    /// <summary>Training the teacher: 6·N_T·D_T, or null when its size or tokens are unknown.</summary>
    public double? PretrainingFlops => Parameters is { } n && Tokens is { } d ? 6 * n * d : null;
}
