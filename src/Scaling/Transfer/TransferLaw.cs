using System.Globalization;
using Scaling.Text;

namespace Scaling.Transfer;

/// <summary>
/// Hernandez et al. 2021 ("Scaling Laws for Transfer", arXiv 2102.01293, Eq. 1.1): in the low-data regime, the data
/// a pre-trained model is worth on the target distribution — the extra target data a model of the same size trained
/// from scratch would need to reach the fine-tuned model's loss — is <c>D_T = k · D_F^α · N^β</c>, with D_F the
/// fine-tuning data and N the non-embedding parameters. The effective data is <c>D_E = D_F + D_T</c> (App. B).
/// </summary>
/// <remarks>
/// The fit holds in the low-data regime, fine-tuning data up to about 10% of what saturates a model of that size
/// (§1.1); beyond it pre-training can even hurt small models ("ossification", §3.1).
/// <example><code>
/// var law = TransferLaw.Hernandez2021TextToPython;
/// law.EffectiveData(fineTuningData: 1, parameters: 175e9); // 3.56e8 characters (the paper's §6.2 extrapolation: 3.7e8)
/// law.DataFactorWorth(modelFactor: 10);                               // 129: a 10× model is worth ≈ 100× the data (§1.1)
/// </code></example>
/// </remarks>
public sealed record TransferLaw
{
    private TransferLaw(string name, double k, double alpha, double beta, DataUnit unit, string source)
    {
        Name = name;
        K = k;
        Alpha = alpha;
        Beta = beta;
        Unit = unit;
        Source = source;
    }

    /// <summary>English text → Python: k = 1.9e4, α = 0.18, β = 0.38, in characters (Hernandez et al. 2021, Table 1).</summary>
    public static TransferLaw Hernandez2021TextToPython { get; } =
        new("text-to-python", 1.9e4, 0.18, 0.38, DataUnit.Characters, "Hernandez et al. 2021, arXiv 2102.01293, Table 1: text → Python");

    /// <summary>
    /// Half English text, half other programming languages → Python: k = 2.1e5, α = 0.096, β = 0.38, in characters
    /// (Hernandez et al. 2021, Table 1).
    /// </summary>
    public static TransferLaw Hernandez2021TextAndCodeToPython { get; } =
        new("text-code-to-python", 2.1e5, 0.096, 0.38, DataUnit.Characters, "Hernandez et al. 2021, arXiv 2102.01293, Table 1: 50% text + 50% non-Python code → Python");

    /// <summary>The two fits of Hernandez et al. 2021.</summary>
    public static IReadOnlyList<TransferLaw> Presets { get; } = [Hernandez2021TextToPython, Hernandez2021TextAndCodeToPython];

    /// <summary>A short name, e.g. <c>text-to-python</c>.</summary>
    public string Name { get; }

    /// <summary>The scale k, in the law's data unit per unit of N^β.</summary>
    public double K { get; }

    /// <summary>The fine-tuning data exponent α; smaller means closer distributions (§1.1).</summary>
    public double Alpha { get; }

    /// <summary>The parameter exponent β.</summary>
    public double Beta { get; }

    /// <summary>The unit D_F and D_T are counted in.</summary>
    public DataUnit Unit { get; }

    /// <summary>Where the constants come from.</summary>
    public string Source { get; }

    /// <summary>A fit of your own: k &gt; 0, α and β in (0, 1), data counted in <paramref name="unit"/>.</summary>
    public static TransferLaw Create(double k, double alpha, double beta, DataUnit unit, string name = "custom", string source = "given by the user")
    {
        Require.PositiveFinite(k, nameof(k));
        OpenUnit(alpha, nameof(alpha));
        OpenUnit(beta, nameof(beta));
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(source);
        return new TransferLaw(name, k, alpha, beta, unit, source);
    }

    /// <summary>The preset named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static TransferLaw? Find(string name) =>
        Presets.FirstOrDefault(l => string.Equals(l.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The effective data transferred, <c>D_T = k · D_F^α · N^β</c>, in <see cref="Unit"/>.</summary>
    public double EffectiveDataTransferred(double fineTuningData, double parameters) =>
        K * Math.Pow(Require.PositiveFinite(fineTuningData, nameof(fineTuningData)), Alpha) * Math.Pow(Require.PositiveFinite(parameters, nameof(parameters)), Beta);

    /// <summary>The effective data, <c>D_E = D_F + D_T</c>: what a same-size model trained from scratch would need.</summary>
    public double EffectiveData(double fineTuningData, double parameters) =>
        fineTuningData + EffectiveDataTransferred(fineTuningData, parameters);

    /// <summary>How many times pre-training multiplies the fine-tuning data: <c>D_E / D_F</c> (Eq. 1.2).</summary>
    public double Multiplier(double fineTuningData, double parameters) =>
        EffectiveData(fineTuningData, parameters) / fineTuningData;

    /// <summary>The inverse in D_F: the fine-tuning data whose transfer is <paramref name="transferred"/>, <c>(D_T / (k·N^β))^(1/α)</c>.</summary>
    public double FineTuningDataFor(double transferred, double parameters) =>
        Math.Pow(Require.PositiveFinite(transferred, nameof(transferred)) / (K * Math.Pow(Require.PositiveFinite(parameters, nameof(parameters)), Beta)), 1 / Alpha);

    /// <summary>The inverse in N: the model size whose transfer from <paramref name="fineTuningData"/> is <paramref name="transferred"/>, <c>(D_T / (k·D_F^α))^(1/β)</c>.</summary>
    public double ParametersFor(double transferred, double fineTuningData) =>
        Math.Pow(Require.PositiveFinite(transferred, nameof(transferred)) / (K * Math.Pow(Require.PositiveFinite(fineTuningData, nameof(fineTuningData)), Alpha)), 1 / Beta);

    /// <summary>
    /// The factor on the fine-tuning data worth a <paramref name="modelFactor"/> larger model: <c>factor^(β/α)</c>
    /// (Hernandez et al. 2021, §1.1: for text → Python β ≈ 2α, so 10× the parameters ≈ 100× the data).
    /// </summary>
    public double DataFactorWorth(double modelFactor) => Math.Pow(Require.PositiveFinite(modelFactor, nameof(modelFactor)), Beta / Alpha);

    /// <summary>
    /// The same law with data in tokens, for text of <paramref name="charactersPerToken"/> characters per token: with
    /// D = c·T, <c>T_T = k·c^(α−1) · T_F^α · N^β</c>. A law already in tokens is returned unchanged.
    /// </summary>
    public TransferLaw InTokens(double charactersPerToken)
    {
        Require.PositiveFinite(charactersPerToken, nameof(charactersPerToken));
        return Unit == DataUnit.Tokens
            ? this
            : new TransferLaw(Name, K * Math.Pow(charactersPerToken, Alpha - 1), Alpha, Beta, DataUnit.Tokens,
                Source + string.Create(CultureInfo.InvariantCulture, $"; at {NumberText.Significant(charactersPerToken)} characters per token"));
    }

    private static void OpenUnit(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0 || value >= 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must lie in (0, 1).");
        }
    }
}
