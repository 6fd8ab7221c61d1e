using FsCheck;
using FsCheck.Fluent;
using Scaling.Fitting.Optimization;
using Scaling.Fitting.Runs;
using Scaling.Laws;
using Scaling.Tests.Fitting.Optimization;

namespace Scaling.Tests.Fitting.Approach3;

/// <summary>The over-prediction weight of the Approach 3 objective against its formula and its own finite differences.</summary>
public class AsymmetricObjectiveTests
{
    private static (HuberLogLossObjective Objective, IReadOnlyList<TrainingRun> Runs) Load(LossLaw truth, int seed, double delta, double weight)
    {
        var runs = SyntheticRuns.Generate(SyntheticRunsDesign.Hoffmann2022 with { Law = truth, Seed = seed, TotalRuns = 37, LogNoise = 0.02 });
        var data = new FitData(runs);
        var objective = new HuberLogLossObjective(runs.Count, delta, data.LogParametersCenter, data.LogTokensCenter, weight);
        objective.Load(data.LogN, data.LogD, data.LogL, data.Ones);
        return (objective, runs);
    }

    private static double[] Centered(HuberLogLossObjective objective, LossLaw law)
    {
        var theta = new double[5];
        objective.ToCentered([Math.Log(law.A), Math.Log(law.B), Math.Log(law.E), law.Alpha, law.Beta], theta);
        return theta;
    }

    private static double Huber(double r, double delta) => Math.Abs(r) <= delta ? 0.5 * r * r : delta * (Math.Abs(r) - (0.5 * delta));

    [MathProperty(MaxTest = 100)]
    public Property Evaluate_WeightsOnlyTheOverPredictedRuns(LossLaw truth, LossLaw guess) =>
        Prop.ForAll(Gen.Choose(1, 1000).ToArbitrary(), Gen.Elements(2.0, 10.0).ToArbitrary(), (seed, weight) =>
        {
            var (objective, runs) = Load(truth, seed, 1e-2, weight);
            double expected = runs.Sum(r =>
            {
                double residual = Math.Log(guess.Loss(r.Parameters, r.Tokens)) - Math.Log(r.Loss);
                return (residual > 0 ? weight : 1) * Huber(residual, 1e-2);
            });
            double actual = objective.Evaluate(Centered(objective, guess), new double[5]);
            return Math.Abs(actual - expected) <= 1e-12 * Math.Max(1, expected);
        });

    [MathProperty(MaxTest = 100)]
    public Property Gradient_EqualsCentralFiniteDifferences(LossLaw truth, LossLaw guess) =>
        Prop.ForAll(Gen.Choose(1, 1000).ToArbitrary(), seed =>
        {
            var (objective, _) = Load(truth, seed, 1.0, 10);
            var theta = Centered(objective, guess);
            var gradient = new double[5];
            objective.Evaluate(theta, gradient);
            double[] numeric = CentralDifference.Gradient(objective, theta);
            for (int k = 0; k < 5; k++)
            {
                if (Math.Abs(numeric[k] - gradient[k]) > 1e-5 * Math.Max(1, Math.Abs(gradient[k])) * 37 * 10)
                {
                    return false;
                }
            }

            return true;
        });
}
