using FsCheck;
using FsCheck.Fluent;
using Scaling.Fitting.Optimization;
using Scaling.Fitting.Runs;
using Scaling.Laws;

namespace Scaling.Tests.Fitting.Optimization;

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

    // The optimiser's coordinates of a law's coefficients.
    private static double[] Centered(HuberLogLossObjective objective, LossLaw law)
    {
        var theta = new double[5];
        objective.ToCentered([Math.Log(law.A), Math.Log(law.B), Math.Log(law.E), law.Alpha, law.Beta], theta);
        return theta;
    }

    // Huber as scipy.special.huber defines it: r²/2 inside δ, δ(|r| − δ/2) outside.
    private static double Huber(double r, double delta) => Math.Abs(r) <= delta ? 0.5 * r * r : delta * (Math.Abs(r) - (0.5 * delta));

    [MathProperty]
    public Property Evaluate_EqualsTheSummedHuberOfLogResiduals(LossLaw truth, LossLaw guess) =>
        Prop.ForAll(Gen.Choose(1, 1000).ToArbitrary(), seed =>
        {
            var runs = Runs(truth, seed);
            var objective = Load(runs, 1e-3);
            var theta = Centered(objective, guess);
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
            var theta = Centered(objective, guess);
            var gradient = new double[5];
            objective.Evaluate(theta, gradient);
            double scale = delta * weights.Sum() * 10;
            double[] numeric = CentralDifference.Gradient(objective, theta);
            for (int k = 0; k < 5; k++)
            {
                if (Math.Abs(numeric[k] - gradient[k]) > 1e-5 * scale)
                {
                    return false.Label($"component {k}: analytic {gradient[k]:R}, numeric {numeric[k]:R}");
                }
            }

            return true.ToProperty();
        });

    [MathProperty]
    public Property Evaluate_AgreesWithTheRuntimeMathPath(LossLaw truth, LossLaw guess) =>
        Prop.ForAll(Gen.Choose(1, 1000).ToArbitrary(), seed =>
        {
            var runs = Runs(truth, seed);
            double[] weights = runs.Select((_, i) => (double)(1 + (i % 4))).ToArray();
            var objective = Load(runs, 1e-3, weights);
            var theta = Centered(objective, guess);
            var fast = new double[5];
            var reference = new double[5];
            double fastValue = objective.Evaluate(theta, fast);
            double referenceValue = objective.EvaluateWithRuntimeMath(theta, reference);
            double gradientScale = 1e-3 * weights.Sum();
            bool gradientsAgree = Enumerable.Range(0, 5).All(k => Math.Abs(fast[k] - reference[k]) <= 1e-12 * gradientScale);
            return (Math.Abs(fastValue - referenceValue) <= 1e-13 * Math.Max(1e-3, referenceValue) && gradientsAgree)
                .Label($"value {fastValue:R} vs {referenceValue:R}; gradient [{string.Join(", ", fast)}] vs [{string.Join(", ", reference)}]");
        });

    [MathProperty]
    public Property EvaluateCoarse_AgreesWithDoublePrecisionToItsNoise(LossLaw truth, LossLaw guess) =>
        Prop.ForAll(Gen.Choose(1, 1000).ToArbitrary(), Gen.Choose(9, 45).ToArbitrary(), (seed, count) =>
        {
            // Any row count, so the padding to whole vectors is exercised; weights as a bootstrap resample gives them.
            var runs = Runs(truth, seed, count);
            double[] weights = runs.Select((_, i) => (double)(1 + (i % 3))).ToArray();
            var objective = Load(runs, 1e-3, weights);
            var theta = Centered(objective, guess);
            var single = new double[5];
            var exact = new double[5];
            double singleValue = objective.EvaluateCoarse(theta, single);
            double exactValue = objective.Evaluate(theta, exact);

            // Single precision moves each residual by ~1e-6 against δ = 1e-3; a padding or lane error moves it by O(1).
            double scale = 1e-3 * weights.Sum();
            bool gradientsAgree = Enumerable.Range(0, 5).All(k => Math.Abs(single[k] - exact[k]) <= 1e-2 * scale);
            return (Math.Abs(singleValue - exactValue) <= (1e-3 * exactValue) + (1e-6 * scale) && gradientsAgree)
                .Label($"value {singleValue:R} vs {exactValue:R}; gradient [{string.Join(", ", single)}] vs [{string.Join(", ", exact)}]");
        });

    [Fact]
    public void Evaluate_ExponentPastTheFastDomain_FallsBackAndStaysExact()
    {
        var runs = Runs(LawPresets.Hoffmann2022.LossLaw, 1);
        var objective = Load(runs, 1e-3);

        // A = e^-720 puts every parameter exponent below VectorMath's domain (±700), where its 2^k scaling would wrap
        // (e^-720 is subnormal); the runtime's exp returns the tiny value and the term simply vanishes.
        double[] natural = [-720, Math.Log(410.7), Math.Log(1.69), 1e-9, 0.28];
        var theta = new double[5];
        objective.ToCentered(natural, theta);
        double expected = runs.Sum(r => Huber(Math.Log(Math.Exp(-720 - (1e-9 * Math.Log(r.Parameters))) + (410.7 * Math.Pow(r.Tokens, -0.28)) + 1.69) - Math.Log(r.Loss), 1e-3));

        double actual = objective.Evaluate(theta, new double[5]);

        Assert.Equal(expected, actual, 1e-9 * expected);
    }

    [Fact]
    public void Evaluate_Overflow_IsPositiveInfinityNotNaN()
    {
        var objective = Load(Runs(LawPresets.Hoffmann2022.LossLaw, 1), 1e-3);
        double value = objective.Evaluate([800, 0, 0, 0.3, 0.3], new double[5]);
        Assert.Equal(double.PositiveInfinity, value);
    }
}
