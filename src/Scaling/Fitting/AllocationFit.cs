using Scaling.Allocation;
using Scaling.Laws;
using Scaling.Text;

namespace Scaling.Fitting;

/// <summary>
/// The power laws <c>N_opt = k_N·C^a</c> and <c>D_opt = k_D·C^b</c>, each fitted by least squares in log space to
/// compute-optimal points (Hoffmann et al. 2022, Approaches 1 and 2, Table 2), and the allocation rule they imply.
/// </summary>
/// <remarks>
/// Both approaches set D_opt = C/(6·N_opt) at each point, so ln D_opt = ln C − ln 6 − ln N_opt and the two
/// least-squares fits agree exactly: b = 1 − a and k_D = 1/(6·k_N). The two fits are still reported separately,
/// as the paper does; <see cref="Rule"/> is the single rule both describe, ready for
/// <see cref="ScalingLaw.Allocation"/>, <see cref="LawJson"/> and <c>scaling plan --law</c>.
/// </remarks>
public sealed record AllocationFit
{
    private AllocationFit(PowerLawFit parameters, PowerLawFit tokens, PowerLawAllocationRule rule)
    {
        Parameters = parameters;
        Tokens = tokens;
        Rule = rule;
    }

    /// <summary>N_opt = k_N·C^a.</summary>
    public PowerLawFit Parameters { get; }

    /// <summary>D_opt = k_D·C^b.</summary>
    public PowerLawFit Tokens { get; }

    /// <summary>The allocation rule N_opt = k_N·C^a, D_opt = C/(6·N_opt).</summary>
    public PowerLawAllocationRule Rule { get; }

    /// <summary>a, from the fit of N_opt.</summary>
    public double ExponentA => Parameters.Exponent;

    /// <summary>b, from the fit of D_opt.</summary>
    public double ExponentB => Tokens.Exponent;

    /// <summary>The allocation at <paramref name="flops"/> under <see cref="Rule"/>.</summary>
    public ComputeOptimum Optimum(double flops) => Rule.Allocator().Optimum(flops);

    /// <summary>
    /// Fits both power laws to compute-optimal points (C, N_opt, D_opt), given as parallel spans.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two distinct compute values.</exception>
    /// <exception cref="UnusableRunsException">
    /// The fitted a lies outside (0, 1): the optima do not describe a frontier on which both N and D grow with compute
    /// (the runs' optimal size falls, or stays flat, as compute grows).
    /// </exception>
    public static AllocationFit Create(ReadOnlySpan<double> flops, ReadOnlySpan<double> parameters, ReadOnlySpan<double> tokens)
    {
        var parametersFit = PowerLawFit.Fit(flops, parameters);
        var tokensFit = PowerLawFit.Fit(flops, tokens);
        double a = parametersFit.Exponent;
        if (!(a > 0 && a < 1))
        {
            throw new UnusableRunsException(
                "exponentA",
                a,
                "in (0, 1)",
                $"the runs' compute-optimal sizes give N_opt ∝ C^{NumberText.Exponent(a)}, outside (0, 1): "
                + "along a compute-optimal frontier both N and D grow with compute, but here the optimal size "
                + (a <= 0 ? "falls" : "grows faster than compute") + " as compute grows. Check the budgets and losses, or add runs over a wider range of compute.");
        }

        return new AllocationFit(parametersFit, tokensFit, PowerLawAllocationRule.Create(parametersFit.Coefficient, a));
    }
}
