using Scaling.Fitting.Runs;
namespace Scaling.Fitting.Approach3;

/// <summary>
/// How well a fitted law predicts the runs, on the log scale the fit minimises: residuals r_i = ln L̂(N_i, D_i) − ln L_i
/// (≈ the relative error of the prediction).
/// </summary>
/// <param name="RootMeanSquare">√(mean r²).</param>
/// <param name="MeanAbsolute">Mean |r|.</param>
/// <param name="MaxAbsolute">Largest |r|.</param>
/// <param name="Mean">Mean r (bias; positive means the law over-predicts).</param>
/// <param name="Count">How many runs.</param>
public sealed record ResidualStatistics(double RootMeanSquare, double MeanAbsolute, double MaxAbsolute, double Mean, int Count)
{
    /// <summary>The statistics of <paramref name="law"/> on <paramref name="runs"/>.</summary>
    public static ResidualStatistics Of(Scaling.Laws.LossLaw law, IReadOnlyList<TrainingRun> runs)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("runs: give at least one run.", nameof(runs));
        }

        double[] residuals = runs.Select(r => Math.Log(law.Loss(r.Parameters, r.Tokens)) - Math.Log(r.Loss)).ToArray();
        return new ResidualStatistics(
            Math.Sqrt(residuals.Average(r => r * r)),
            residuals.Average(Math.Abs),
            residuals.Max(Math.Abs),
            residuals.Average(),
            residuals.Length);
    }
}
