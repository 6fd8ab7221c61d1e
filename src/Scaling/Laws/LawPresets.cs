namespace Scaling.Laws;

/// <summary>
/// The published laws, by name. Names are case-insensitive. <see cref="Default"/> is <see cref="Besiroglu2024"/>,
/// because it fits Chinchilla's own data best (Besiroglu et al. 2024 show the printed fit is rounded and was stopped
/// early by an averaged Huber loss).
/// </summary>
public static class LawPresets
{
    /// <summary>
    /// Hoffmann et al. 2022 (arXiv 2203.15556), Eq. 10 as printed: E 1.69, A 406.4, B 410.7, α 0.34, β 0.28.
    /// </summary>
    public static ParametricLaw Hoffmann2022 { get; } = ScalingLaw.Parametric(
        "hoffmann2022",
        LossLaw.Create(e: 1.69, a: 406.4, b: 410.7, alpha: 0.34, beta: 0.28),
        "Hoffmann et al. 2022, arXiv 2203.15556, Eq. 10 (as printed)",
        "The Chinchilla paper's Approach 3 fit as printed; its rounding of beta shifts the frontier to bigger models.");

    /// <summary>
    /// Hoffmann et al. 2022, unrounded: the logs 0.5267228 (E), 6.0073404 (A), 6.0179186 (B) and α 0.33917084,
    /// β 0.2849083 from the paper's TeX source, as quoted by Besiroglu et al. 2024 (arXiv 2404.10102).
    /// </summary>
    public static ParametricLaw Hoffmann2022Unrounded { get; } = ScalingLaw.Parametric(
        "hoffmann2022-unrounded",
        LossLaw.Create(e: 1.693374, a: 406.401, b: 410.723, alpha: 0.33917084, beta: 0.2849083),
        "Hoffmann et al. 2022, TeX source, as quoted by Besiroglu et al. 2024, arXiv 2404.10102",
        "The same Approach 3 fit without rounding; gives the paper's 40B parameters for Gopher's budget.");

    /// <summary>
    /// Besiroglu et al. 2024, "Chinchilla Scaling: A replication attempt" (arXiv 2404.10102): E 1.8172, A 482.01,
    /// B 2085.43, α 0.3478, β 0.3658.
    /// </summary>
    public static ParametricLaw Besiroglu2024 { get; } = ScalingLaw.Parametric(
        "besiroglu2024",
        LossLaw.Create(e: 1.8172, a: 482.01, b: 2085.43, alpha: 0.3478, beta: 0.3658),
        "Besiroglu et al. 2024, arXiv 2404.10102 (refit of Chinchilla's data)",
        "Default. Refit of Chinchilla's own runs with the Huber loss summed; fits that data best and implies ~20 tokens per parameter.");

    /// <summary>
    /// Muennighoff et al. 2023, "Scaling Data-Constrained Language Models" (arXiv 2305.16264): A 520.82, B 1487.72,
    /// E 1.8691, α = β = 0.3526596, with repetition decay R_D* 15.387756 and R_N* 5.309743.
    /// </summary>
    public static ParametricLaw Muennighoff2023 { get; } = ScalingLaw.Parametric(
        "muennighoff2023",
        LossLaw.Create(e: 1.8691, a: 520.82, b: 1487.72, alpha: 0.3526596, beta: 0.3526596),
        "Muennighoff et al. 2023, arXiv 2305.16264 (data-constrained scaling)",
        "Fitted with repeated data; the law used for --unique-tokens plans (returns from repeats fade after ~4 epochs).",
        RepetitionDecay.Muennighoff2023);

    /// <summary>
    /// Hoffmann et al. 2022, Approach 1: a = 0.4983, k_N = 0.09655. Our minimax fit (in log space) to the FLOPs and
    /// tokens columns of Table 3; it reproduces every row within 4.0% (Table 2 prints a = 0.50).
    /// </summary>
    public static AllocationRuleLaw Hoffmann2022Approach1 { get; } = ScalingLaw.Allocation(
        "hoffmann2022-approach1",
        PowerLawAllocationRule.Create(parametersCoefficient: 0.09655, exponentA: 0.4983),
        "Hoffmann et al. 2022, arXiv 2203.15556, Table 3 (a = 0.50 in Table 2)",
        "Approach 1 (training-curve envelope) as N = k_N*C^a fitted to Table 3's projections; no loss prediction.");

    /// <summary>
    /// Hoffmann et al. 2022, Approach 2: a = 0.49, k_N = 0.1426. Our minimax fit (in log space) to the FLOPs and tokens
    /// columns of Table A3; it reproduces every row within 4.1% (Table 2 prints a = 0.49).
    /// </summary>
    public static AllocationRuleLaw Hoffmann2022Approach2 { get; } = ScalingLaw.Allocation(
        "hoffmann2022-approach2",
        PowerLawAllocationRule.Create(parametersCoefficient: 0.1426, exponentA: 0.49),
        "Hoffmann et al. 2022, arXiv 2203.15556, Table A3 (a = 0.49 in Table 2)",
        "Approach 2 (IsoFLOP profiles) as N = k_N*C^a fitted to Table A3's projections; no loss prediction.");

    /// <summary>
    /// The rule of thumb D = 20·N, widely read off Hoffmann et al. 2022 (Table 3: 70B on 1.4T) and confirmed by the
    /// Besiroglu et al. 2024 refit (≈ 20 tokens per parameter).
    /// </summary>
    public static AllocationRuleLaw Tokens20 { get; } = ScalingLaw.Allocation(
        "tokens20",
        PowerLawAllocationRule.FixedTokensPerParameter(20),
        "Rule of thumb from Hoffmann et al. 2022 (70B on 1.4T tokens); Besiroglu et al. 2024",
        "Twenty tokens per parameter: N = sqrt(C/120); no loss prediction.");

    /// <summary>The law used when none is named: <see cref="Besiroglu2024"/>.</summary>
    public static ParametricLaw Default => Besiroglu2024;

    /// <summary>Every preset, parametric laws first.</summary>
    public static IReadOnlyList<ScalingLaw> All { get; } =
    [
        Besiroglu2024,
        Hoffmann2022,
        Hoffmann2022Unrounded,
        Muennighoff2023,
        Hoffmann2022Approach1,
        Hoffmann2022Approach2,
        Tokens20,
    ];

    /// <summary>The preset called <paramref name="name"/> (case-insensitive), or null.</summary>
    public static ScalingLaw? Find(string name) =>
        All.FirstOrDefault(law => string.Equals(law.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
