namespace Scaling.Architecture;

/// <summary>
/// The precision-aware scaling law of Kumar et al. 2024 ("Scaling Laws for Precision", arXiv 2411.04330):
/// <c>L = A·N_eff^−α + B·D^−β + E + δ_PTQ</c>, where training weights, activations and KV cache at P_w, P_a, P_kv
/// bits shrinks the effective parameters <c>N_eff = N·(1 − e^(−P_w/γ_w))·(1 − e^(−P_a/γ_a))·(1 − e^(−P_kv/γ_kv))</c>,
/// and post-training quantisation to P_post bits adds <c>δ_PTQ = C_T·(D^γ_D / N^γ_N)·e^(−P_post/γ_post)</c>, which
/// grows with the tokens seen per parameter.
/// </summary>
/// <remarks>
/// With the training cost ∝ N·D·P and α = β (as fitted), minimising L at a fixed cost gives
/// <c>L* − E = 2·√(A·B)·(P / (f(P)·C))^(α/2)</c> with f = N_eff/N, so the compute-optimal training precision
/// maximises f(P)/P and does not depend on the budget C (see <see cref="ComputeOptimalTrainingPrecision"/>).
/// <example><code>
/// var law = PrecisionLaw.Kumar2024;
/// law.EffectiveParameterFraction(8, 8, 8); // ≈ 0.93: an 8-bit-trained model acts like 93% of its parameters
/// law.PtqGrowth(tokensPerParameter: 200);   // ≈ 3.2: the PTQ degradation of a model trained 10× past 20 tokens/parameter
/// </code></example>
/// </remarks>
public sealed record PrecisionLaw
{
    private PrecisionLaw(double a, double alpha, double b, double beta, double e, double gammaW, double gammaA, double gammaKv, double cT, double gammaD, double gammaN)
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
    }

    /// <summary>
    /// Kumar et al. 2024, Table 2: A 4.299e3, α 0.4965, B 1.806e4, β 0.4965, E 2.7648, γ_w 2.6745, γ_a 2.2102,
    /// γ_kv 0.9578, C_T 0.0598, γ_D 0.5068, γ_N 0.3439 (integer quantisation; OLMo-style models of 30M–220M
    /// parameters on Dolma, so absolute losses do not carry to other data). Table 2 also lists offsets n_w 0.3037,
    /// n_a 1.4072, n_kv 2.4185 that this form does not use.
    /// </summary>
    public static PrecisionLaw Kumar2024 { get; } = new(4.299e3, 0.4965, 1.806e4, 0.4965, 2.7648, 2.6745, 2.2102, 0.9578, 0.0598, 0.5068, 0.3439);

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

    /// <summary>Sensitivity γ_w of the weights' precision (bits).</summary>
    public double GammaWeights { get; }

    /// <summary>Sensitivity γ_a of the activations' precision (bits).</summary>
    public double GammaActivations { get; }

    /// <summary>Sensitivity γ_kv of the KV cache's precision (bits).</summary>
    public double GammaKvCache { get; }

    /// <summary>The PTQ coefficient C_T.</summary>
    public double CT { get; }

    /// <summary>The PTQ data exponent γ_D.</summary>
    public double GammaD { get; }

    /// <summary>The PTQ parameter exponent γ_N.</summary>
    public double GammaN { get; }

    /// <summary>Builds a law from its constants (all finite and &gt; 0).</summary>
    public static PrecisionLaw Create(double a, double alpha, double b, double beta, double e, double gammaW, double gammaA, double gammaKv, double cT, double gammaD, double gammaN)
    {
        foreach (var (value, name) in new[] { (a, nameof(a)), (alpha, nameof(alpha)), (b, nameof(b)), (beta, nameof(beta)), (e, nameof(e)), (gammaW, nameof(gammaW)), (gammaA, nameof(gammaA)), (gammaKv, nameof(gammaKv)), (cT, nameof(cT)), (gammaD, nameof(gammaD)), (gammaN, nameof(gammaN)) })
        {
            Require.PositiveFinite(value, name);
        }

        return new PrecisionLaw(a, alpha, b, beta, e, gammaW, gammaA, gammaKv, cT, gammaD, gammaN);
    }

    /// <summary>N_eff / N = (1 − e^(−P_w/γ_w))·(1 − e^(−P_a/γ_a))·(1 − e^(−P_kv/γ_kv)), in (0, 1).</summary>
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
    /// The training precision (bits, every part alike) that minimises the loss at a fixed cost N·D·P: the maximum of
    /// f(P)/P, found by golden-section search on [1, 32] bits. Independent of the budget when α = β.
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
    /// δ_PTQ = C_T·(D^γ_D / N^γ_N)·e^(−P_post/γ_post). Table 2 as we have it carries no γ_post, so the caller gives it;
    /// absolute values are on the paper's data (Dolma, 30M–220M parameters).
    /// </summary>
    public double PtqDegradation(double parameters, double tokens, double postBits, double gammaPost)
    {
        Require.PositiveFinite(parameters, nameof(parameters));
        Require.PositiveFinite(tokens, nameof(tokens));
        Require.PositiveFinite(postBits, nameof(postBits));
        Require.PositiveFinite(gammaPost, nameof(gammaPost));
        return CT * Math.Pow(tokens, GammaD) / Math.Pow(parameters, GammaN) * Math.Exp(-postBits / gammaPost);
    }

    /// <summary>The tokens per parameter at which the PTQ degradation is twice that at 20 tokens/parameter: 20·2^(1/γ_D) ≈ 78.</summary>
    public double CostlyPtqTokensPerParameter => ChinchillaTokensPerParameter * Math.Pow(2, 1 / GammaD);

    /// <summary>A warning when <paramref name="tokensPerParameter"/> makes post-training quantisation costly, else null.</summary>
    public string? PtqWarning(double tokensPerParameter)
    {
        if (tokensPerParameter < CostlyPtqTokensPerParameter)
        {
            return null;
        }

        string growth = PtqGrowth(tokensPerParameter).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        string ratio = tokensPerParameter.ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        return $"At {ratio} tokens/parameter, post-training quantisation (INT8/INT4) degrades the model {growth}× as much as at 20 (Kumar et al. 2024: δ_PTQ ∝ D^{GammaD.ToString(System.Globalization.CultureInfo.InvariantCulture)}/N^{GammaN.ToString(System.Globalization.CultureInfo.InvariantCulture)}); quantise with calibration (GPTQ/AWQ) or train quantisation-aware.";
    }

    // Hoffmann et al. 2022: ≈ 20 tokens per parameter at the compute optimum (Table 3).
    private const double ChinchillaTokensPerParameter = 20;

    private static double Factor(double bits, double gamma, string name) =>
        1 - Math.Exp(-Require.PositiveFinite(bits, name) / gamma);
}
