using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Scaling.Fitting.Optimization;
using Scaling.Fitting.Runs;

namespace Scaling.Tests.Fitting.Optimization;

/// <summary>
/// The fast objective (SIMD exp/log kernels, padded columns, the single-precision path) against the plainly written
/// reference on generated runs and parameters: a wrong kernel, lane, padding row or gradient term fails these.
/// </summary>
public class ReferenceObjectiveTests
{
    /// <summary>Runs with independent N, D and L (not on any law), their weights, δ, the over-prediction weight, and θ.</summary>
    public sealed record ObjectiveCase(TrainingRun[] Runs, double[] Weights, double Delta, double OverPredictionWeight, double[] Natural)
    {
        public override string ToString() =>
            FormattableString.Invariant($"{Runs.Length} runs, delta {Delta}, k {OverPredictionWeight}, theta (a, b, e, alpha, beta) = ({string.Join(", ", Natural.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))})");
    }

    private static readonly Gen<TrainingRun> AnyRun =
        from parameters in Generators.LogUniform(6, 12)
        from tokens in Generators.LogUniform(8, 13)
        from loss in Generators.Uniform(1.5, 6)
        select TrainingRun.Create(parameters, tokens, loss);

    // a = ln A and b = ln B up to ln 1e6; e = ln E from ln 0.2 to ln 7; α, β from 0.02 to 1.2: far beyond the published
    // fits, so residuals fall on both sides of δ and terms of every size meet.
    private static readonly Arbitrary<ObjectiveCase> Cases =
        (from count in Gen.Choose(1, 70)
         from runs in Gen.ArrayOf(AnyRun, count)
         from weights in Gen.ArrayOf(Gen.Choose(1, 4).Select(w => (double)w), count)
         from delta in Gen.Elements(1e-3, 1e-2, 1.0)
         from over in Gen.Elements(1.0, 3.0)
         from a in Generators.Uniform(0, 14)
         from b in Generators.Uniform(0, 14)
         from e in Generators.Uniform(-1.6, 2)
         from alpha in Generators.Uniform(0.02, 1.2)
         from beta in Generators.Uniform(0.02, 1.2)
         select new ObjectiveCase(runs, weights, delta, over, [a, b, e, alpha, beta])).ToArbitrary();

    // Both objectives on the same runs, in the fit's centred coordinates, at the case's θ.
    private static (HuberLogLossObjective Fast, ReferenceObjective Reference, double[] Theta) Build(ObjectiveCase c)
    {
        var data = new FitData(c.Runs);
        var fast = new HuberLogLossObjective(c.Runs.Length, c.Delta, data.LogParametersCenter, data.LogTokensCenter, c.OverPredictionWeight);
        fast.Load(data.LogN, data.LogD, data.LogL, c.Weights);
        var reference = new ReferenceObjective(c.Runs, c.Weights, c.Delta, c.OverPredictionWeight, data.LogParametersCenter, data.LogTokensCenter);
        var theta = new double[5];
        fast.ToCentered(c.Natural, theta);
        return (fast, reference, theta);
    }

    // The size a gradient component is measured against: each term is at most δ·w_i·|x_i| (or δ·w_i), times k.
    private static double GradientScale(ObjectiveCase c, FitData data) =>
        c.Delta * c.OverPredictionWeight * c.Weights.Sum()
        * (1 + data.LogN.Concat(data.LogD).Max(v => Math.Max(Math.Abs(v - data.LogParametersCenter), Math.Abs(v - data.LogTokensCenter))));

    [Property(MaxTest = 500)]
    public Property Evaluate_EqualsTheReferenceValueAndGradient() => Prop.ForAll(Cases, c =>
    {
        var (fast, reference, theta) = Build(c);
        var fastGradient = new double[5];
        var referenceGradient = new double[5];

        double fastValue = fast.Evaluate(theta, fastGradient);
        double referenceValue = reference.Evaluate(theta, referenceGradient);

        // Rounding of ln L̂ − ln L (a few 1e-16) moves each term by at most δ·w·1e-15; the kernels add ~4e-16 relative.
        double scale = GradientScale(c, new FitData(c.Runs));
        bool valueAgrees = Math.Abs(fastValue - referenceValue) <= (1e-12 * referenceValue) + (1e-14 * scale);
        bool gradientAgrees = Enumerable.Range(0, 5).All(k => Math.Abs(fastGradient[k] - referenceGradient[k]) <= 1e-12 * scale);
        return (valueAgrees && gradientAgrees).Label(
            $"{c}: value {fastValue:R} vs {referenceValue:R}; gradient [{string.Join(", ", fastGradient)}] vs [{string.Join(", ", referenceGradient)}]");
    });

    [Property(MaxTest = 300)]
    public Property EvaluateCoarse_EqualsTheReferenceToSinglePrecision() => Prop.ForAll(Cases, c =>
    {
        var (fast, reference, theta) = Build(c);
        var coarseGradient = new double[5];
        var referenceGradient = new double[5];

        double coarseValue = fast.EvaluateCoarse(theta, coarseGradient);
        double referenceValue = reference.Evaluate(theta, referenceGradient);

        // Single precision moves each residual by ~1e-6 (ln L̂ of order 1, rounded to 24 bits) against δ ≥ 1e-3; a lane
        // or padding error moves a term by its whole size.
        double scale = GradientScale(c, new FitData(c.Runs));
        bool valueAgrees = Math.Abs(coarseValue - referenceValue) <= (1e-3 * referenceValue) + (1e-5 * scale);
        bool gradientAgrees = Enumerable.Range(0, 5).All(k => Math.Abs(coarseGradient[k] - referenceGradient[k]) <= 1e-3 * scale);
        return (valueAgrees && gradientAgrees).Label(
            $"{c}: value {coarseValue:R} vs {referenceValue:R}; gradient [{string.Join(", ", coarseGradient)}] vs [{string.Join(", ", referenceGradient)}]");
    });

    [Property(MaxTest = 200)]
    public Property Gradient_EqualsCentralFiniteDifferencesOfTheValue() => Prop.ForAll(Cases, c =>
    {
        var (_, reference, theta) = Build(c);
        var gradient = new double[5];
        reference.Evaluate(theta, gradient);
        double scale = GradientScale(c, new FitData(c.Runs));
        double[] numeric = CentralDifference.Gradient(reference, theta);
        for (int k = 0; k < 5; k++)
        {
            // The Huber loss has a kink in its second derivative at |r| = δ: a difference quotient across it errs by O(h·w).
            if (Math.Abs(numeric[k] - gradient[k]) > 1e-4 * scale)
            {
                return false.Label($"{c}: component {k}: analytic {gradient[k]:R}, numeric {numeric[k]:R}");
            }
        }

        return true.ToProperty();
    });

    [Fact]
    public void Evaluate_WithoutCentres_IsHoffmannEquation9()
    {
        // One run, θ = Hoffmann et al. 2022's printed fit (Eq. 10: E 1.69, A 406.4, B 410.7, α 0.34, β 0.28) at
        // N = 1e9, D = 2e10 and an observed loss 0.5% below the law: r = ln(L̂/L) = −ln 0.995 > δ, so the term is δ(r − δ/2).
        var run = TrainingRun.Create(1e9, 2e10, 0.995 * (1.69 + (406.4 / Math.Pow(1e9, 0.34)) + (410.7 / Math.Pow(2e10, 0.28))));
        var reference = new ReferenceObjective([run], [1.0], 1e-3);

        double value = reference.Evaluate([Math.Log(406.4), Math.Log(410.7), Math.Log(1.69), 0.34, 0.28], new double[5]);

        Assert.Equal(1e-3 * (-Math.Log(0.995) - 0.5e-3), value, 1e-15);
    }
}
