using Scaling.Fitting.Backtest;
using Scaling.Fitting.Runs;

namespace Scaling.Fitting.Extrapolation;

/// <summary>
/// From runs to a calibrated forecast of N* at any budget: group the runs into IsoFLOP budgets, forecast with the chosen
/// estimator, back-test it on the runs themselves, and calibrate the interval (<see cref="CalibratedExtrapolation"/>).
/// </summary>
/// <example><code>
/// var extrapolation = Extrapolator.Fit(runs);
/// var plan = extrapolation.At(1e24);
/// Console.WriteLine($"N* {plan.Parameters:G3} [{plan.ParametersLower:G3}, {plan.ParametersUpper:G3}], {plan.Decades:F1} decades out");
/// </code></example>
public static class Extrapolator
{
    /// <summary>The methods <see cref="ExtrapolationOptions.ChooseByBacktest"/> chooses among.</summary>
    public static IReadOnlyList<ExtrapolationMethod> AutomaticCandidates { get; } =
        [ExtrapolationMethod.Drift, ExtrapolationMethod.Approach2, ExtrapolationMethod.VariableProjection];

    /// <summary>Fits <paramref name="runs"/> (see the class remarks).</summary>
    /// <param name="runs">The runs.</param>
    /// <param name="options">The method, calibration and back-test; null for the defaults (drift).</param>
    /// <param name="cancellationToken">Stops the forecast and its back-test (seconds to a minute on a million runs).</param>
    /// <exception cref="UnusableRunsException">The runs cannot support the method (e.g. fewer than two budgets with an IsoFLOP vertex).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static CalibratedExtrapolation Fit(IReadOnlyList<TrainingRun> runs, ExtrapolationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runs);
        options ??= new ExtrapolationOptions();
        var budgets = IsoFlopBudget.Group(runs, options.RelativeFlopsTolerance);
        var method = options.ChooseByBacktest ? Choose(budgets, options, cancellationToken) : options.Method;
        return Fit(budgets, method, options, cancellationToken);
    }

    /// <summary>Fits already grouped <paramref name="budgets"/> with <paramref name="method"/>.</summary>
    /// <param name="budgets">The IsoFLOP budgets (<see cref="IsoFlopBudget.Group"/>).</param>
    /// <param name="method">The estimator.</param>
    /// <param name="options">The calibration and back-test; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the forecast and its back-test.</param>
    /// <exception cref="UnusableRunsException">The budgets cannot support the method.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static CalibratedExtrapolation Fit(
        IReadOnlyList<IsoFlopBudget> budgets, ExtrapolationMethod method, ExtrapolationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        options ??= new ExtrapolationOptions();
        var calibration = options.Calibration;
        var estimator = calibration.Estimator(method, options.Seed, options.Resamples);
        var forecast = estimator.Forecast(budgets, cancellationToken) ?? throw Unusable(budgets, method);
        double? calibrated = calibration.QuantileFor(method);
        double corpusQuantile = calibrated ?? CalibratedExtrapolation.GaussianQuantile;
        var backtest = Backtester.Run(budgets, estimator, corpusQuantile, options.BacktestLoss, cancellationToken);
        return CalibratedExtrapolation.From(forecast, corpusQuantile, calibrated is not null, calibration.Level, backtest, calibration.ReachDecades);
    }

    private static ExtrapolationMethod Choose(IReadOnlyList<IsoFlopBudget> budgets, ExtrapolationOptions options, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<ExtrapolationMethod, double>();
        foreach (var method in AutomaticCandidates)
        {
            var result = Backtester.Run(budgets, options.Calibration.Estimator(method, options.Seed, options.Resamples), lossMape: false, cancellationToken: cancellationToken);
            if (result.Rows.Count < 3)
            {
                return options.Method;
            }

            errors[method] = result.RootMeanSquareLogError();
        }

        return errors.MinBy(kv => kv.Value).Key;
    }

    private static UnusableRunsException Unusable(IReadOnlyList<IsoFlopBudget> budgets, ExtrapolationMethod method)
    {
        int vertices = budgets.Count(b => ObservedOptimum.TrainingVertex(b) is not null);
        string need = method switch
        {
            ExtrapolationMethod.Drift => $"at least {DriftEstimator.MinimumVertices} IsoFLOP budgets whose parabola of loss in ln N has its minimum inside the sampled sizes",
            ExtrapolationMethod.Approach2 => $"at least {Approach2Estimator.MinimumVertices} IsoFLOP budgets whose parabola of loss in ln N has its minimum inside the sampled sizes",
            _ => "at least two IsoFLOP budgets and five runs of varied sizes and token counts, and a law whose A and B are not 0",
        };
        return new UnusableRunsException(
            "budgets",
            vertices,
            need,
            $"the {CalibratedExtrapolation.Name(method)} forecast needs {need}; the runs form {budgets.Count} budget(s), {vertices} with such a minimum. "
            + "Train at least three sizes around the optimum at each of several budgets (declare them in a budget column, or keep 6·N·D within 10% per budget).");
    }
}
