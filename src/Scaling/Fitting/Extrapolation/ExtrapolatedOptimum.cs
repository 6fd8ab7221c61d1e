using System.Globalization;

namespace Scaling.Fitting.Extrapolation;

/// <summary>
/// The compute-optimal allocation at one budget with its calibrated interval, and how far it lies beyond the runs.
/// </summary>
/// <param name="Flops">The budget C in FLOPs.</param>
/// <param name="Parameters">N̂, the forecast compute-optimal size.</param>
/// <param name="ParametersLower">Lower end of the interval for N*.</param>
/// <param name="ParametersUpper">Upper end of the interval for N*.</param>
/// <param name="Level">The coverage the interval aims at (0.95), or the nominal Gaussian level when not calibrated.</param>
/// <param name="Calibrated">True when the quantile comes from back-tests of published studies.</param>
/// <param name="Decades">log₁₀(C / largest budget of the runs); negative inside the runs.</param>
/// <param name="LargestBudgetFlops">The largest IsoFLOP budget of the runs, in FLOPs.</param>
/// <param name="Warnings">What the interval does not rest on (beyond the runs' own back-test, beyond the corpus), in words.</param>
public sealed record ExtrapolatedOptimum(
    double Flops,
    double Parameters,
    double ParametersLower,
    double ParametersUpper,
    double Level,
    bool Calibrated,
    double Decades,
    double LargestBudgetFlops,
    IReadOnlyList<string> Warnings)
{
    /// <summary>D* = C/(6·N̂) in tokens.</summary>
    public double Tokens => Flops / (Allocation.FlopsPerParameterToken.Training * Parameters);

    /// <summary>Lower end for D*: C/(6·N_upper).</summary>
    public double TokensLower => Flops / (Allocation.FlopsPerParameterToken.Training * ParametersUpper);

    /// <summary>Upper end for D*: C/(6·N_lower).</summary>
    public double TokensUpper => Flops / (Allocation.FlopsPerParameterToken.Training * ParametersLower);

    /// <summary>D̂/N̂ = C/(6·N̂²).</summary>
    public double TokensPerParameter => Tokens / Parameters;

    /// <summary>Lower end for D*/N*: C/(6·N_upper²).</summary>
    public double TokensPerParameterLower => TokensLower / ParametersUpper;

    /// <summary>Upper end for D*/N*: C/(6·N_lower²).</summary>
    public double TokensPerParameterUpper => TokensUpper / ParametersLower;

    /// <summary>C / largest budget: 5,000 when the largest run budget is 1/5,000 of this one.</summary>
    public double BudgetRatio => Flops / LargestBudgetFlops;

    /// <summary>Upper / lower end of the N* interval.</summary>
    public double WidthRatio => ParametersUpper / ParametersLower;

    /// <summary>
    /// How far the budget lies beyond the runs, in words every output uses: "Your largest run budget (1.00E+20 FLOPs) is
    /// 1/30 of this budget: 1.5 decades of extrapolation."
    /// </summary>
    public string Distance => Decades > 0
        ? Invariant($"Your largest run budget ({LargestBudgetFlops:0.00E+00} FLOPs) is 1/{Fraction(BudgetRatio)} of this budget: {Decades:0.0} decades of extrapolation.")
        : Invariant($"This budget lies within your runs (largest budget {LargestBudgetFlops:0.00E+00} FLOPs): no extrapolation.");

    /// <summary>"1/30", "1/4.5", "1/5,000": the largest run budget as a fraction of this one, three significant figures at most.</summary>
    public string FractionOfBudget => "1/" + Fraction(BudgetRatio);

    // 30, 4.5, or three significant figures with thousands separators: 5,000; 123,000; scientific from 10^15 as
    // NumberText writes every large number (a budget 286 decades out is 1/3.33E+286, not 287 digits).
    private static string Fraction(double ratio)
    {
        if (!double.IsFinite(ratio) || ratio >= 1e15)
        {
            return Text.NumberText.Scientific(ratio);
        }

        if (ratio < 100)
        {
            return ratio.ToString("0.#", CultureInfo.InvariantCulture);
        }

        double unit = Math.Pow(10, Math.Floor(Math.Log10(ratio)) - 2);
        return (Math.Round(ratio / unit) * unit).ToString("N0", CultureInfo.InvariantCulture);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
