using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Scaling.Fitting.Optimization;

namespace Scaling.Tests.Fitting.Optimization;

public class VectorMathTests
{
    // One value per lane of this machine's vector, drawn independently, so a lane mix-up in the bit manipulation would show.
    private static Arbitrary<double[]> Lanes(Gen<double> lane) => Gen.ArrayOf(lane, Vector<double>.Count).ToArbitrary();

    private static Gen<double> Uniform(double low, double high) =>
        Gen.Choose(0, int.MaxValue).Select(i => low + ((high - low) * i / int.MaxValue));

    [MathProperty]
    public Property Exp_MatchesMathExpToOneEMinus15_OverItsDomain() =>
        Prop.ForAll(Lanes(Uniform(-VectorMath.ExpDomain, VectorMath.ExpDomain)), x =>
        {
            var actual = VectorMath.Exp(new Vector<double>(x));
            for (int lane = 0; lane < Vector<double>.Count; lane++)
            {
                double expected = Math.Exp(x[lane]);
                if (Math.Abs((actual[lane] / expected) - 1) > 1e-15)
                {
                    return false.Label($"exp({x[lane]:R}) = {actual[lane]:R}, Math.Exp gives {expected:R}");
                }
            }

            return true.ToProperty();
        });

    [MathProperty]
    public Property Exp_MatchesMathExp_NearZeroWhereTheReductionIsExact() =>
        Prop.ForAll(Lanes(Uniform(-1, 1)), x =>
        {
            var actual = VectorMath.Exp(new Vector<double>(x));
            return Enumerable.Range(0, Vector<double>.Count).All(lane => Math.Abs((actual[lane] / Math.Exp(x[lane])) - 1) <= 1e-15);
        });

    [MathProperty]
    public Property Log_MatchesMathLog_AcrossTheNormalRange() =>
        Prop.ForAll(Lanes(Uniform(-700, 700).Select(Math.Exp)), s =>
        {
            var actual = VectorMath.Log(new Vector<double>(s));
            for (int lane = 0; lane < Vector<double>.Count; lane++)
            {
                double expected = Math.Log(s[lane]);
                if (Math.Abs(actual[lane] - expected) > 1e-15 * Math.Max(1, Math.Abs(expected)))
                {
                    return false.Label($"ln({s[lane]:R}) = {actual[lane]:R}, Math.Log gives {expected:R}");
                }
            }

            return true.ToProperty();
        });

    [MathProperty]
    public Property Log_MatchesMathLog_NearOneWhereResidualsLive() =>
        Prop.ForAll(Lanes(Uniform(0.5, 2)), s =>
        {
            var actual = VectorMath.Log(new Vector<double>(s));
            return Enumerable.Range(0, Vector<double>.Count).All(lane => Math.Abs(actual[lane] - Math.Log(s[lane])) <= 3e-16);
        });

    [Fact]
    public void ExpThenLog_IsTheIdentity_AtTheEdgesOfTheDomain()
    {
        foreach (double edge in new[] { -VectorMath.ExpDomain, -1e-300, 1e-300, VectorMath.ExpDomain })
        {
            var roundTrip = VectorMath.Log(VectorMath.Exp(new Vector<double>(edge)));
            Assert.Equal(edge, roundTrip[0], 1e-12);
        }
    }
}
