namespace Scaling.Laws;

/// <summary>
/// The parametric loss law of Hoffmann et al. 2022 (arXiv 2203.15556, Eq. 2):
/// <c>L(N, D) = E + A / N^α + B / D^β</c>, with N the parameters and D the training tokens,
/// L in nats per token.
/// </summary>
/// <remarks>
/// Build one with <see cref="Create"/>; once built, every coefficient is finite and positive.
/// <example><code>
/// var law = LossLaw.Create(e: 1.69, a: 406.4, b: 410.7, alpha: 0.34, beta: 0.28);
/// double loss = law.Loss(parameters: 70e9, tokens: 1.4e12); // 1.9366 (Chinchilla)
/// </code></example>
/// </remarks>
public sealed record LossLaw
{
    private LossLaw(double e, double a, double b, double alpha, double beta)
    {
        E = e;
        A = a;
        B = b;
        Alpha = alpha;
        Beta = beta;
    }

    /// <summary>The irreducible loss E: the entropy of text that no model removes.</summary>
    public double E { get; }

    /// <summary>The coefficient A of the parameter term A / N^α.</summary>
    public double A { get; }

    /// <summary>The coefficient B of the data term B / D^β.</summary>
    public double B { get; }

    /// <summary>The parameter exponent α.</summary>
    public double Alpha { get; }

    /// <summary>The data exponent β.</summary>
    public double Beta { get; }

    /// <summary>Creates a law; every coefficient must be finite and strictly positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A coefficient is NaN, infinite, zero or negative.</exception>
    public static LossLaw Create(double e, double a, double b, double alpha, double beta)
    {
        Require.PositiveFinite(e, nameof(e));
        Require.PositiveFinite(a, nameof(a));
        Require.PositiveFinite(b, nameof(b));
        Require.PositiveFinite(alpha, nameof(alpha));
        Require.PositiveFinite(beta, nameof(beta));
        return new LossLaw(e, a, b, alpha, beta);
    }

    /// <summary>The predicted loss <c>E + A/N^α + B/D^β</c> in nats per token.</summary>
    public double Loss(double parameters, double tokens)
    {
        Require.PositiveFinite(parameters, nameof(parameters));
        Require.PositiveFinite(tokens, nameof(tokens));
        return E + ParameterTerm(parameters) + DataTerm(tokens);
    }

    /// <summary>∂L/∂N = −α·A / N^(α+1).</summary>
    public double DerivativeByParameters(double parameters)
    {
        Require.PositiveFinite(parameters, nameof(parameters));
        return -Alpha * ParameterTerm(parameters) / parameters;
    }

    /// <summary>∂L/∂D = −β·B / D^(β+1).</summary>
    public double DerivativeByTokens(double tokens)
    {
        Require.PositiveFinite(tokens, nameof(tokens));
        return -Beta * DataTerm(tokens) / tokens;
    }

    /// <summary>The reducible part owed to finite size, <c>A / N^α</c>.</summary>
    public double ParameterTerm(double parameters) => A * Math.Pow(parameters, -Alpha);

    /// <summary>The reducible part owed to finite data, <c>B / D^β</c>.</summary>
    public double DataTerm(double tokens) => B * Math.Pow(tokens, -Beta);

    /// <inheritdoc />
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"L = {E:G6} + {A:G6}/N^{Alpha:G6} + {B:G6}/D^{Beta:G6}");
}
