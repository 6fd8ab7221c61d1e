using FsCheck;
using FsCheck.Fluent;
using Scaling.Fitting;
using Scaling.Laws;

namespace Scaling.Tests.Fitting;

public class HuberLogLossObjectiveTests
{
    private static HuberLogLossObjective Load(IReadOnlyList<TrainingRun> runs, double delta, double[]? weights = null)
    {
        var data = new FitData(runs);
        var objective = new HuberLogLossObjective(runs.Count, delta, data.LogParametersCenter, data.LogTokensCenter);
        objective.Load(data.LogN, data.LogD, data.LogL, weights ?? data.Ones);
        return objective;
    }

    private static IReadOnlyList<TrainingRun> Runs(LossLaw law, int seed, int count = 37) =>
        SyntheticRuns.Generate(SyntheticRunsDesign.Hoffmann2022 with { Law = law, Seed = seed, TotalRuns = count, LogNoise = 0.02 });

    // Huber as scipy.special.huber defines it: r²/2 inside δ, δ(|r| − δ/2) outside.
    private static double Huber(double r, double delta) => Math.Abs(r) <= delta ? 0.5 * r * r : delta * (Math.Abs(r) - (0.5 * delta));

    [MathProperty]
    public Property Evaluate_EqualsTheSummedHuberOfLogResiduals(LossLaw truth, LossLaw guess) =>
        Prop.ForAll(Gen.Choose(1, 1000).ToArbitrary(), seed =>
        {
            var runs = Runs(truth, seed);
            var objective = Load(runs, 1e-3);
            double[] natural = [Math.Log(guess.A), Math.Log(guess.B), Math.Log(guess.E), guess.Alpha, guess.Beta];
            var theta = new double[5];
            objective.ToCentered(natural, theta);
            double expected = runs.Sum(r => Huber(Math.Log(guess.Loss(r.Parameters, r.Tokens)) - Math.Log(r.Loss), 1e-3));
            double actual = objective.Evaluate(theta, new double[5]);
            return Math.Abs(actual - expected) <= 1e-12 * Math.Max(1, expected);
        });

    [MathProperty]
    public Property Gradient_EqualsCentralFiniteDifferences(LossLaw truth, LossLaw guess) =>
        Prop.ForAll(Gen.Choose(1, 1000).ToArbitrary(), Gen.Elements(1e-3, 1e-2, 1.0).ToArbitrary(), (seed, delta) =>
        {
            var runs = Runs(truth, seed);
            double[] weights = runs.Select((_, i) => (double)(1 + (i % 3))).ToArray();
            var objective = Load(runs, delta, weights);
            double[] natural = [Math.Log(guess.A), Math.Log(guess.B), Math.Log(guess.E), guess.Alpha, guess.Beta];
            var theta = new double[5];
            objective.ToCentered(natural, theta);
            var gradient = new double[5];
            objective.Evaluate(theta, gradient);
            var scratch = new double[5];
            double scale = delta * weights.Sum() * 10;
            for (int k = 0; k < 5; k++)
            {
                double h = 1e-6 * (1 + Math.Abs(theta[k]));
                var plus = (double[])theta.Clone();
                var minus = (double[])theta.Clone();
                plus[k] += h;
                minus[k] -= h;
                double numeric = (objective.Evaluate(plus, scratch) - objective.Evaluate(minus, scratch)) / (2 * h);
                if (Math.Abs(numeric - gradient[k]) > 1e-5 * scale)
                {
                    return false.Label($"component {k}: analytic {gradient[k]:R}, numeric {numeric:R}");
                }
            }

            return true.ToProperty();
        });

    [Fact]
    public void Evaluate_Overflow_IsPositiveInfinityNotNaN()
    {
        var objective = Load(Runs(LawPresets.Hoffmann2022.LossLaw!, 1), 1e-3);
        double value = objective.Evaluate([800, 0, 0, 0.3, 0.3], new double[5]);
        Assert.Equal(double.PositiveInfinity, value);
    }
}
