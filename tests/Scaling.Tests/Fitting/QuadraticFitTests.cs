using FsCheck;
using FsCheck.Fluent;
using Scaling.Fitting;

namespace Scaling.Tests.Fitting;

public class QuadraticFitTests
{
    private static Arbitrary<(double Curvature, double Vertex, double Floor, double[] X)> Parabolas() =>
        (from curvature in Generators.LogUniform(-3, 2)
         from sign in Gen.Elements(1.0, -1.0)
         from vertex in Generators.Uniform(15, 30)
         from floor in Generators.Uniform(-5, 5)
         from count in Gen.Choose(3, 30)
         from offsets in Gen.ArrayOf(Generators.Uniform(-3, 3), count)
         // At least three x a tenth apart: nearly coincident x make any parabola fit ill-conditioned.
         where offsets.Select(o => Math.Round(o * 10)).Distinct().Count() >= 3
         select (sign * curvature, vertex, floor, offsets.Select(o => vertex + 1 + o).ToArray())).ToArbitrary();

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Fit_ExactQuadraticData_RecoversVertexAndMinimum() =>
        Prop.ForAll(Parabolas(), p =>
        {
            // y = c(x − v)² + f, sampled around v + 1 (so the vertex need not be inside the sample).
            var y = p.X.Select(x => (p.Curvature * (x - p.Vertex) * (x - p.Vertex)) + p.Floor).ToArray();
            var fit = QuadraticFit.Fit(p.X, y);
            return (Math.Abs(fit.Vertex - p.Vertex) < 1e-6
                    && Math.Abs(fit.MinimumValue - p.Floor) < 1e-6 * (1 + Math.Abs(p.Curvature))
                    && Math.Abs(fit.Quadratic - p.Curvature) < 1e-8 * (1 + Math.Abs(p.Curvature))
                    && fit.OpensUpward == p.Curvature > 0)
                .Label($"vertex {fit.Vertex} vs {p.Vertex}, minimum {fit.MinimumValue} vs {p.Floor}");
        });

    [Fact]
    public void Fit_NoisyPoints_MatchesTheNormalEquationsOfAnIndependentSolver()
    {
        double[] x = [1, 2, 3, 4, 5, 6];
        double[] y = [3.1, 1.9, 1.2, 1.1, 1.6, 2.4];
        var fit = QuadraticFit.Fit(x, y);
        var reference = MathNet.Numerics.Fit.Polynomial(x, y, 2); // c0 + c1·x + c2·x²
        foreach (double at in new[] { 0.5, 2.5, 7.0 })
        {
            double expected = reference[0] + (reference[1] * at) + (reference[2] * at * at);
            Assert.Equal(expected, fit.Evaluate(at), 10);
        }
    }

    [Fact]
    public void Fit_TwoDistinctX_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => QuadraticFit.Fit([1, 1, 2], [1, 2, 3]));
        Assert.Contains("three distinct", ex.Message);
    }
}
