using Scaling.Fitting.Extrapolation;

namespace Scaling.Cli.Commands.Fit;

/// <summary><c>scaling fit --method</c>: an estimator of N* beyond the runs, or <c>auto</c>.</summary>
internal enum FitMethodChoice
{
    /// <summary>The default: <see cref="ExtrapolationMethod.Drift"/>.</summary>
    Drift,

    /// <summary><see cref="ExtrapolationMethod.Approach2"/>.</summary>
    Approach2,

    /// <summary><see cref="ExtrapolationMethod.VariableProjection"/>.</summary>
    Varpro,

    /// <summary><see cref="ExtrapolationMethod.Approach3"/>.</summary>
    Approach3,

    /// <summary>The method the runs' own back-test favours.</summary>
    Auto,
}

/// <summary>From the option to the core's method.</summary>
internal static class FitMethodChoiceExtensions
{
    /// <summary>The method, or null for <c>auto</c>; drift when the option was not given.</summary>
    public static ExtrapolationMethod? ToMethod(this FitMethodChoice? choice) => choice switch
    {
        null or FitMethodChoice.Drift => ExtrapolationMethod.Drift,
        FitMethodChoice.Approach2 => ExtrapolationMethod.Approach2,
        FitMethodChoice.Varpro => ExtrapolationMethod.VariableProjection,
        FitMethodChoice.Approach3 => ExtrapolationMethod.Approach3,
        _ => null,
    };
}
