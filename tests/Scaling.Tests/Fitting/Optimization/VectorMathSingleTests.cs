using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Scaling.Fitting.Optimization;

namespace Scaling.Tests.Fitting.Optimization;

public class VectorMathSingleTests
{
    // One value per lane of this machine's vector, drawn independently, so a lane mix-up in the bit manipulation would show.
    private static Arbitrary<float[]> Lanes(double low, double high, Func<double, double> map) =>
        Gen.ArrayOf(Gen.Choose(0, int.MaxValue).Select(i => (float)map(low + ((high - low) * i / int.MaxValue))), Vector<float>.Count).ToArbitrary();

    [MathProperty]
    public Property Exp_MatchesDoubleExpToFewFloatUlps_OverItsDomain() =>
        Prop.ForAll(Lanes(-VectorMathSingle.ExpDomain, VectorMathSingle.ExpDomain, x => x), x =>
        {
            var actual = VectorMathSingle.Exp(new Vector<float>(x));
            for (int lane = 0; lane < Vector<float>.Count; lane++)
            {
                double expected = Math.Exp(x[lane]);
                if (Math.Abs((actual[lane] / expected) - 1) > 5e-7)
                {
                    return false.Label($"exp({x[lane]:R}) = {actual[lane]:R}, Math.Exp gives {expected:R}");
                }
            }

            return true.ToProperty();
        });

    [MathProperty]
    public Property Log_MatchesDoubleLogToFewFloatUlps_AcrossTheNormalRange() =>
        Prop.ForAll(Lanes(-80, 80, Math.Exp), s =>
        {
            var actual = VectorMathSingle.Log(new Vector<float>(s));
            for (int lane = 0; lane < Vector<float>.Count; lane++)
            {
                double expected = Math.Log(s[lane]);
                if (Math.Abs(actual[lane] - expected) > 5e-7 * Math.Max(1, Math.Abs(expected)))
                {
                    return false.Label($"ln({s[lane]:R}) = {actual[lane]:R}, Math.Log gives {expected:R}");
                }
            }

            return true.ToProperty();
        });
}
