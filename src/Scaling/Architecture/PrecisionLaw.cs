namespace Scaling.Architecture;

/// <summary>
/// The precision-aware scaling law of Kumar et al. 2024 ("Scaling Laws for Precision", arXiv 2411.04330, ICLR 2025):
/// <c>L = A·N_eff^−α + B·D^−β + E + δ_PTQ</c> (Eq. 1, 3), where training weights, activations and KV cache at
/// P_w, P_a, P_kv bits shrinks the effective parameters
/// <c>N_eff = N·(1 − e^(−P_w/γ_w))·(1 − e^(−P_a/γ_a))·(1 − e^(−P_kv/γ_kv))</c> (Eq. 4), and post-training quantisation
/// of a high-precision-trained model to P_post bits adds <c>δ_PTQ = C_T·(D^γ_D / N^γ_N)·e^(−P_post/γ_post)</c> (Eq. 2),
/// which grows with the tokens seen per parameter.
/// </summary>
/// <remarks>
/// <para>Compute-optimal training precision (§4.3.2, Eq. 5): the paper ties P_w = P_a = P_kv = P, prices training at
/// C = (6/16)·N·D·P (16-bit FLOPs, so cost is linear in bits with no floor or offset) and minimises L over N, D and P.
/// Since N_eff·D = f(P)·C·16/(6P) with f = N_eff/N, the best loss at any budget depends on P only through f(P)/P: the
/// optimum does not move with compute, for any α and β. With the tied form of Eq. 5, f = (1 − e^(−P/γ̄))³ and the
/// optimum is P* = u*·γ̄ with 3u*·e^(−u*) = 1 − e^(−u*), u* ≈ 1.904 (<see cref="TiedOptimumBitsPerGamma"/>).</para>
/// <para>Why we do not get the paper's 7–8 bits: that figure comes from the authors' fit of the tied form on their
/// integer-type runs (§4.3.2), whose γ̄ the paper does not publish; 7–8 bits means γ̄ between 3.68 and 4.20. Table 2
/// (App. K) publishes only the per-tensor γ's of Eq. 4, and App. K says the fits carry bias offsets (n_w, n_a, n_kv)
/// that the main-text notation omits. With those γ's the tied optimum is 3.47 bits
/// (<see cref="ComputeOptimalTrainingPrecision"/>); with γ̄ = γ_w it is 5.09; with the offsets as P − n it is 5.6.
/// The 3.47 bits we printed before were this arithmetic, not a bug in it: they are not the paper's 7–8 because no
/// published constant is the paper's γ̄. The authors warn that their "numerical constants are unlikely to be useful"
/// outside their setting (App. K); the budget-independence is the finding that carries.</para>
/// <example><code>
/// var law = PrecisionLaw.Kumar2024;
/// law.EffectiveParameterFraction(8, 8, 8);          // ≈ 0.92: an 8-bit-trained model acts like 92% of its parameters
/// PrecisionLaw.TiedComputeOptimalPrecision(4.0);    // ≈ 7.6 bits: the paper's finding needs γ̄ ≈ 4
/// law.PtqDegradation(8e9, 15e12, postBits: 4);     // ≈ 0.13 nats/token: Llama-3-8B-like over-training, INT4 weights
/// </code></example>
/// </remarks>
public sealed record PrecisionLaw
{
    /// <summary>u* of Eq. 5: the tied compute-optimal precision in units of γ̄, the root of 3u·e^(−u) = 1 − e^(−u).</summary>
    public const double TiedOptimumBitsPerGamma = 1.9038136944403832;

    // Hoffmann et al. 2022: ≈ 20 tokens per parameter at the compute optimum (Table 3).
    private const double ChinchillaTokensPerParameter = 20;

    private PrecisionLaw(double a, double alpha, double b, double beta, double e, double gammaW, double gammaA, double gammaKv, double cT, double gammaD, double gammaN, double gammaPost)
    {
        A = a;
        Alpha = alpha;
        B = b;
        Beta = beta;
        E = e;
        GammaWeights = gammaW;
        GammaActivations = gammaA;
        GammaKvCache = gammaKv;
        CT = cT;
        GammaD = gammaD;
        GammaN = gammaN;
        GammaPost = gammaPost;
    }

    /// <summary>
    /// Kumar et al. 2024, App. K, Table 2: A 4.299e3, α 0.4965, B 1.806e4, β 0.4965 (tied to α), E 2.7648,
    /// γ_w 2.6745, γ_a 2.2102, γ_kv 0.9578, C_T 0.0598, γ_D 0.5068, γ_N 0.3439, γ_post 0.5907 (integer quantisation;
    /// OLMo-style models of 30M–220M non-embedding parameters on Dolma V1.7, so absolute losses do not carry to other
    /// data). Table 2 also lists bias offsets n_w 0.3037, n_a 1.4072, n_kv 2.4185 that the main-text forms omit and
    /// this law does too.
    /// </summary>
    public static PrecisionLaw Kumar2024 { get; } = new(4.299e3, 0.4965, 1.806e4, 0.4965, 2.7648, 2.6745, 2.2102, 0.9578, 0.0598, 0.5068, 0.3439, 0.5907);

    /// <summary>The parameter coefficient A.</summary>
    public double A { get; }

    /// <summary>The parameter exponent α.</summary>
    public double Alpha { get; }

    /// <summary>The data coefficient B.</summary>
    public double B { get; }

    /// <summary>The data exponent β.</summary>
    public double Beta { get; }

    /// <summary>The irreducible loss E.</summary>
    public double E { get; }

    /// <summary>Sensitivity γ_w of the weights' training precision (bits).</summary>
    public double GammaWeights { get; }

    /// <summary>Sensitivity γ_a of the activations' training precision (bits).</summary>
    public double GammaActivations { get; }

    /// <summary>Sensitivity γ_kv of the KV cache's training precision (bits).</summary>
    public double GammaKvCache { get; }

    /// <summary>The PTQ coefficient C_T.</summary>
    public double CT { get; }

    /// <summary>The PTQ data exponent γ_D.</summary>
    public double GammaD { get; }

    /// <summary>The PTQ parameter exponent γ_N.</summary>
    public double GammaN { get; }

    /// <summary>The PTQ precision scale γ_post (bits): each γ_post fewer bits multiplies δ_PTQ by e.</summary>
    public double GammaPost { get; }

    /// <summary>The tokens per parameter at which the PTQ degradation is twice that at 20 tokens/parameter (same N): 20·2^(1/γ_D) ≈ 78.</summary>
    public double CostlyPtqTokensPerParameter => ChinchillaTokensPerParameter * Math.Pow(2, 1 / GammaD);

    /// <summary>Builds a law from its constants (all finite and &gt; 0).</summary>
    public static PrecisionLaw Create(double a, double alpha, double b, double beta, double e, double gammaW, double gammaA, double gammaKv, double cT, double gammaD, double gammaN, double gammaPost)
    {
        foreach (var (value, name) in new[] { (a, nameof(a)), (alpha, nameof(alpha)), (b, nameof(b)), (beta, nameof(beta)), (e, nameof(e)), (gammaW, nameof(gammaW)), (gammaA, nameof(gammaA)), (gammaKv, nameof(gammaKv)), (cT, nameof(cT)), (gammaD, nameof(gammaD)), (gammaN, nameof(gammaN)), (gammaPost, nameof(gammaPost)) })
        {
            Require.PositiveFinite(value, name);
        }

        return new PrecisionLaw(a, alpha, b, beta, e, gammaW, gammaA, gammaKv, cT, gammaD, gammaN, gammaPost);
    }

    /// <summary>
    /// The tied compute-optimal training precision of Eq. 5 for a sensitivity <paramref name="gammaBar"/>:
    /// P* = u*·γ̄ ≈ 1.904·γ̄ bits, the same at every budget.
    /// </summary>
    public static double TiedComputeOptimalPrecision(double gammaBar) =>
        TiedOptimumBitsPerGamma * Require.PositiveFinite(gammaBar, nameof(gammaBar));

    /// <summary>The γ̄ for which Eq. 5's compute-optimal precision is <paramref name="bits"/>: bits / u*.</summary>
    public static double TiedGammaFor(double bits) => Require.PositiveFinite(bits, nameof(bits)) / TiedOptimumBitsPerGamma;

    /// <summary>N_eff / N = (1 − e^(−P_w/γ_w))·(1 − e^(−P_a/γ_a))·(1 − e^(−P_kv/γ_kv)), in (0, 1) (Eq. 4).</summary>
    public double EffectiveParameterFraction(double weightBits, double activationBits, double kvCacheBits) =>
        Factor(weightBits, GammaWeights, nameof(weightBits))
        * Factor(activationBits, GammaActivations, nameof(activationBits))
        * Factor(kvCacheBits, GammaKvCache, nameof(kvCacheBits));

    /// <summary>The effective parameters N_eff of <paramref name="parameters"/> trained with every part at <paramref name="bits"/>.</summary>
    public double EffectiveParameters(double parameters, double bits) =>
        Require.PositiveFinite(parameters, nameof(parameters)) * EffectiveParameterFraction(bits, bits, bits);

    /// <summary>The loss before post-training quantisation: A·N_eff^−α + B·D^−β + E with every part at <paramref name="bits"/>.</summary>
    public double Loss(double parameters, double tokens, double bits) =>
        (A * Math.Pow(EffectiveParameters(parameters, bits), -Alpha)) + (B * Math.Pow(Require.PositiveFinite(tokens, nameof(tokens)), -Beta)) + E;

    /// <summary>
    /// The loss at a training budget of <paramref name="cost"/> = N·D·P (bit-FLOPs) with the best N for the
    /// precision: <c>E + 2·√(A·B)·(P/(f(P)·cost))^(α/2)</c> (exact when α = β; otherwise the α-weighted optimum is
    /// found by the same balance and this is the α = β approximation).
    /// </summary>
    public double ComputeOptimalLoss(double cost, double bits)
    {
        Require.PositiveFinite(cost, nameof(cost));
        double f = EffectiveParameterFraction(bits, bits, bits);
        double alpha = (Alpha + Beta) / 2;
        return E + (2 * Math.Sqrt(A * B) * Math.Pow(bits / (f * cost), alpha / 2));
    }

    /// <summary>
    /// The training precision (bits, every part alike) that minimises the loss at a fixed cost N·D·P with Eq. 4's
    /// per-tensor γ's: the maximum of f(P)/P, found by golden-section search on [1, 32] bits. Independent of the
    /// budget; 3.47 bits with Table 2 (the paper's 7–8 come from an unpublished tied γ̄, see the remarks).
    /// </summary>
    public double ComputeOptimalTrainingPrecision()
    {
        double Objective(double p) => Math.Log(EffectiveParameterFraction(p, p, p)) - Math.Log(p);
        double lo = 1, hi = 32, ratio = (Math.Sqrt(5) - 1) / 2;
        double x1 = hi - (ratio * (hi - lo)), x2 = lo + (ratio * (hi - lo));
        while (hi - lo > 1e-9)
        {
            if (Objective(x1) < Objective(x2))
            {
                lo = x1;
                x1 = x2;
                x2 = lo + (ratio * (hi - lo));
            }
            else
            {
                hi = x2;
                x2 = x1;
                x1 = hi - (ratio * (hi - lo));
            }
        }

        return (lo + hi) / 2;
    }

    /// <summary>
    /// How many times larger the post-training-quantisation degradation is at <paramref name="tokensPerParameter"/>
    /// than for a model of the same size trained Chinchilla-optimally (20 tokens/parameter):
    /// δ_PTQ ∝ D^γ_D/N^γ_N, so at equal N the ratio is (D/N / 20)^γ_D.
    /// </summary>
    public double PtqGrowth(double tokensPerParameter) =>
        Math.Pow(Require.PositiveFinite(tokensPerParameter, nameof(tokensPerParameter)) / ChinchillaTokensPerParameter, GammaD);

    /// <summary>
    /// δ_PTQ = C_T·(D^γ_D / N^γ_N)·e^(−P_post/γ_post) (Eq. 2), the loss (nats/token) that quantising the weights of a
    /// high-precision-trained model of <paramref name="parameters"/> trained on <paramref name="tokens"/> to
    /// <paramref name="postBits"/> adds. Absolute values are on the paper's data (Dolma, 30M–220M parameters).
    /// </summary>
    public double PtqDegradation(double parameters, double tokens, double postBits)
    {
        Require.PositiveFinite(parameters, nameof(parameters));
        Require.PositiveFinite(tokens, nameof(tokens));
        Require.PositiveFinite(postBits, nameof(postBits));
        return CT * Math.Pow(tokens, GammaD) / Math.Pow(parameters, GammaN) * Math.Exp(-postBits / GammaPost);
    }

    /// <summary>
    /// The critical data size (§3.1, App. E.1): the tokens beyond which more pretraining raises the loss of the model
    /// after quantising it to <paramref name="postBits"/>, where B·D^−β + δ_PTQ is least:
    /// <c>D* = (β·B·N^γ_N·e^(P_post/γ_post) / (γ_D·C_T))^(1/(β+γ_D))</c>.
    /// </summary>
    public double PtqCriticalTokens(double parameters, double postBits)
    {
        Require.PositiveFinite(parameters, nameof(parameters));
        Require.PositiveFinite(postBits, nameof(postBits));
        double logRatio = Math.Log(Beta * B / (GammaD * CT)) + (GammaN * Math.Log(parameters)) + (postBits / GammaPost);
        return Math.Exp(logRatio / (Beta + GammaD));
    }

    /// <summary>What post-training quantisation to INT8 and INT4 costs a BF16-trained model of <paramref name="parameters"/> trained on <paramref name="tokens"/>.</summary>
    public PtqOutlook Outlook(double parameters, double tokens)
    {
        Require.PositiveFinite(parameters, nameof(parameters));
        Require.PositiveFinite(tokens, nameof(tokens));
        double ratio = tokens / parameters;
        return new PtqOutlook(
            parameters,
            tokens,
            PtqGrowth(ratio),
            PtqDegradation(parameters, tokens, 8),
            PtqDegradation(parameters, tokens, 4),
            PtqCriticalTokens(parameters, 4),
            ratio >= CostlyPtqTokensPerParameter);
    }

    private static double Factor(double bits, double gamma, string name) =>
        1 - Math.Exp(-Require.PositiveFinite(bits, name) / gamma);
}
