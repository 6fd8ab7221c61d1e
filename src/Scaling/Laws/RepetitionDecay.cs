namespace Scaling.Laws;

/// <summary>
/// How fast repeated data and excess parameters lose value (Muennighoff et al. 2023, "Scaling Data-Constrained
/// Language Models", arXiv 2305.16264, Eq. 5): the effective data is
/// <c>D' = U_D + U_D·R_D*·(1 − e^(−R_D/R_D*))</c> with R_D repeated epochs, so D' saturates at (1 + R_D*)·U_D;
/// excess parameters decay the same way with R_N*.
/// </summary>
public sealed record RepetitionDecay
{
    private RepetitionDecay(double dataDecayEpochs, double parameterDecay)
    {
        DataDecayEpochs = dataDecayEpochs;
        ParameterDecay = parameterDecay;
    }

    /// <summary>R_D* = 15.387756, R_N* = 5.309743 (Muennighoff et al. 2023, arXiv 2305.16264, fitted values).</summary>
    public static RepetitionDecay Muennighoff2023 { get; } = new(15.387756, 5.309743);

    /// <summary>R_D*: the repetitions after which repeated data has lost 1 − 1/e of its value.</summary>
    public double DataDecayEpochs { get; }

    /// <summary>R_N*: the same for parameters beyond what the unique data supports.</summary>
    public double ParameterDecay { get; }

    /// <summary>Creates decay constants; both finite and &gt; 0.</summary>
    public static RepetitionDecay Create(double dataDecayEpochs, double parameterDecay)
    {
        Require.PositiveFinite(dataDecayEpochs, nameof(dataDecayEpochs));
        Require.PositiveFinite(parameterDecay, nameof(parameterDecay));
        return new RepetitionDecay(dataDecayEpochs, parameterDecay);
    }

    /// <summary><c>U + U·R*·(1 − e^(−R/R*))</c> with R = max(total/U − 1, 0): the effective amount of a repeated resource.</summary>
    internal static double Effective(double total, double unique, double decay)
    {
        double repetitions = Math.Max(total / unique - 1, 0);
        return unique + (unique * decay * -double.ExpM1(-repetitions / decay));
    }
}
