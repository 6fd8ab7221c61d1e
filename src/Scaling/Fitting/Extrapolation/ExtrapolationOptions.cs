using Scaling.Fitting.Runs;

namespace Scaling.Fitting.Extrapolation;

/// <summary>Options of <see cref="Extrapolator"/>.</summary>
/// <example><code>new ExtrapolationOptions { Method = ExtrapolationMethod.Approach2, Seed = 7 }</code></example>
public sealed record ExtrapolationOptions
{
    /// <summary>The estimator (default <see cref="ExtrapolationMethod.Drift"/>).</summary>
    public ExtrapolationMethod Method { get; init; } = ExtrapolationMethod.Drift;

    /// <summary>
    /// Choose the method by the runs' own back-test (<c>--method auto</c>): among drift, Approach 2 and variable
    /// projection, the least root-mean-square ln error; <see cref="Method"/> when fewer than three predictions back-test.
    /// </summary>
    public bool ChooseByBacktest { get; init; }

    /// <summary>The calibration (default <see cref="ExtrapolationCalibration.Embedded"/>).</summary>
    public ExtrapolationCalibration Calibration { get; init => field = value ?? throw new ArgumentNullException(nameof(Calibration)); } = ExtrapolationCalibration.Embedded;

    /// <summary>Seed of the law-based estimators' block bootstrap (default 0).</summary>
    public Seed Seed { get; init; }

    /// <summary>Block-bootstrap resamples of the law-based estimators (default 100).</summary>
    public int Resamples { get; init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Resamples), value, "Resamples must be 0 or more."); } = 100;

    /// <summary>Fit a loss law per origin of the runs' own back-test for its loss MAPE (default true; simulations turn it off).</summary>
    public bool BacktestLoss { get; init; } = true;

    /// <summary>How far 6·N·D may spread within an undeclared IsoFLOP group (default 10%).</summary>
    public double RelativeFlopsTolerance { get; init => field = Require.Fraction(value, nameof(RelativeFlopsTolerance)); } = IsoFlopBudget.DefaultRelativeTolerance;
}
