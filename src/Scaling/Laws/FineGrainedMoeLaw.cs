using System.Globalization;

namespace Scaling.Laws;

/// <summary>
/// The scaling law of fine-grained mixtures of experts (Krajewski et al. 2024, "Scaling Laws for Fine-Grained Mixture
/// of Experts", arXiv 2402.07871, Eq. 9): <c>L(N, D, G) = c + (g/G^γ + a)/N^α + b/D^β</c>, N the non-embedding
/// parameters with every expert, D the training tokens, G the granularity (the dense FFN size over one expert's,
/// so G experts of 1/G the size are active per token), fitted at a fixed expansion rate E (total over active FFN
/// parameters; <c>N_expert = G·E</c>, Eq. 3). The paper's dense fit (Eq. 1) is the same form without the G term.
/// </summary>
/// <remarks>
/// Compute (Eq. 10, App. E): <c>F = (12·d²·c_f + d·E·G·c_r)·D·n_blocks</c>, c_f = 6 FLOPs per active parameter and
/// token, c_r = 14 for the router, with <c>d = 64·n_blocks</c> (§6.1) and <c>N = d²·(8E + 4)·n_blocks</c>, so the
/// active parameters are <c>N_act = 12·d²·n_blocks</c> and N = N_act·(8E + 4)/12. Embeddings are left out of both.
/// Fitted on C4 with the GPT-2 tokenizer (App. A), 129M to 3.7B parameters, 16B to 130B tokens: its losses are not
/// comparable to Chinchilla's MassiveText losses, only to its own dense fit.
/// <example><code>
/// var law = FineGrainedMoeLaw.Krajewski2024;
/// law.Loss(totalParameters: 64 * 43 / 12 * 1e9, tokens: 28.94e9, granularity: 16);
/// </code></example>
/// </remarks>
public sealed record FineGrainedMoeLaw
{
    /// <summary>FLOPs per active parameter and token outside the router (App. E, following Hoffmann et al. 2022).</summary>
    public const double FeedForwardFlopsPerParameter = 6;

    /// <summary>FLOPs per router parameter and token (App. E: 14, "between 6 and 20" by implementation).</summary>
    public const double RouterFlopsPerParameter = 14;

    /// <summary>d_model = 64 · n_blocks, the aspect ratio §6.1 fixes to relate d_model and depth to N.</summary>
    public const double WidthPerBlock = 64;

    private FineGrainedMoeLaw(string name, double a, double alpha, double b, double beta, double g, double gamma, double c, int expansionRate, string source)
    {
        Name = name;
        A = a;
        Alpha = alpha;
        B = b;
        Beta = beta;
        G = g;
        Gamma = gamma;
        C = c;
        ExpansionRate = expansionRate;
        Source = source;
    }

    /// <summary>Krajewski et al. 2024, Table 1, MoE row (E = 64): a 18.1, α 0.115, b 30.8, β 0.147, g 2.1, γ 0.58, c 0.47.</summary>
    public static FineGrainedMoeLaw Krajewski2024 { get; } =
        new("krajewski2024", 18.1, 0.115, 30.8, 0.147, 2.1, 0.58, 0.47, 64, "Krajewski et al. 2024 (arXiv 2402.07871), Table 1, E = 64");

    /// <summary>Krajewski et al. 2024, App. D, Table 8 (E = 16): a 19.64, α 0.124, b 57.07, β 0.169, g 1.18, γ 0.986, c 0.472.</summary>
    public static FineGrainedMoeLaw Krajewski2024Expansion16 { get; } =
        new("krajewski2024-e16", 19.64, 0.124, 57.07, 0.169, 1.18, 0.986, 0.472, 16, "Krajewski et al. 2024 (arXiv 2402.07871), App. D, Table 8, E = 16");

    /// <summary>Krajewski et al. 2024, Table 1, dense row (Eq. 1): a 16.3, α 0.126, b 26.7, β 0.127, c 0.47 (no granularity term).</summary>
    public static FineGrainedMoeLaw Krajewski2024Dense { get; } =
        new("krajewski2024-dense", 16.3, 0.126, 26.7, 0.127, 0, 0, 0.47, 1, "Krajewski et al. 2024 (arXiv 2402.07871), Table 1, dense");

    /// <summary>The fits of the paper for mixtures of experts, by expansion rate.</summary>
    public static IReadOnlyList<FineGrainedMoeLaw> MoeFits { get; } = [Krajewski2024, Krajewski2024Expansion16];

    /// <summary>A short name, e.g. <c>krajewski2024</c>.</summary>
    public string Name { get; }

    /// <summary>a.</summary>
    public double A { get; }

    /// <summary>α.</summary>
    public double Alpha { get; }

    /// <summary>b.</summary>
    public double B { get; }

    /// <summary>β.</summary>
    public double Beta { get; }

    /// <summary>g (0 for the dense fit).</summary>
    public double G { get; }

    /// <summary>γ.</summary>
    public double Gamma { get; }

    /// <summary>c, the irreducible loss.</summary>
    public double C { get; }

    /// <summary>The expansion rate E the law was fitted at (1 for the dense fit).</summary>
    public int ExpansionRate { get; }

    /// <summary>Where the coefficients come from.</summary>
    public string Source { get; }

    /// <summary>Whether this is the dense fit.</summary>
    public bool IsDense => ExpansionRate == 1;

    /// <summary>The law for expansion rate <paramref name="expansionRate"/>, or null when the paper fitted none.</summary>
    public static FineGrainedMoeLaw? ForExpansionRate(int expansionRate) => MoeFits.FirstOrDefault(l => l.ExpansionRate == expansionRate);

    /// <summary>The loss (nats/token on the paper's C4 runs) of N non-embedding parameters on D tokens at granularity G (Eq. 9).</summary>
    public double Loss(double totalParameters, double tokens, double granularity)
    {
        Require.PositiveFinite(totalParameters, nameof(totalParameters));
        Require.PositiveFinite(tokens, nameof(tokens));
        Require.PositiveFinite(granularity, nameof(granularity));
        double granular = IsDense ? 0 : G / Math.Pow(granularity, Gamma);
        return C + ((granular + A) / Math.Pow(totalParameters, Alpha)) + (B / Math.Pow(tokens, Beta));
    }

    /// <summary>All non-embedding parameters for <paramref name="activeParameters"/>: N_act·(8E + 4)/12 (§6.1).</summary>
    public double TotalParameters(double activeParameters) => activeParameters * ((8.0 * ExpansionRate) + 4) / 12;

    /// <summary>d_model of a model of <paramref name="activeParameters"/> at d = 64·n_blocks: N_act = 12·d³/64.</summary>
    public static double DModel(double activeParameters) => Math.Cbrt(WidthPerBlock * activeParameters / 12);

    /// <summary>Training FLOPs per token (Eq. 10 ÷ D): 6·N_act + 14·d·E·G·n_blocks; the dense fit has no router.</summary>
    public double FlopsPerToken(double activeParameters, double granularity)
    {
        Require.PositiveFinite(activeParameters, nameof(activeParameters));
        double d = DModel(activeParameters);
        double router = IsDense ? 0 : RouterFlopsPerParameter * d * ExpansionRate * granularity * (d / WidthPerBlock);
        return (FeedForwardFlopsPerParameter * activeParameters) + router;
    }

    /// <summary>The coefficients in one line.</summary>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture, "L = {0} + ({1}/G^{2} + {3})/N^{4} + {5}/D^{6} at E = {7}", C, G, Gamma, A, Alpha, B, Beta, ExpansionRate);
}
