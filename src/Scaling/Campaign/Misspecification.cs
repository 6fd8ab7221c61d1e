using Scaling.Fitting;
using Scaling.Fitting.Extrapolation;

namespace Scaling.Campaign;

/// <summary>
/// How far a simulated campaign's true optimum may stray from the law it is simulated from: in trial t the true
/// ln N*(C) = ln N*_law(C) + b_t·u + k_t·u², u = ln C − ln C_max (C_max the campaign's largest budget), with
/// b_t ~ Normal(0, <see cref="SlopeSd"/>²) and k_t ~ Normal(<see cref="CurvatureMean"/>, <see cref="CurvatureSd"/>²) —
/// the exponent drift real IsoFLOP studies show from one to another. Each budget's IsoFLOP valley is moved along its line
/// so its minimum sits at that N*, so a campaign cannot see the drift beyond its largest budget, only the curvature
/// inside it; the farther the target, the more the law's form can be wrong.
/// </summary>
/// <param name="SlopeSd">Standard deviation of the exponent's offset b.</param>
/// <param name="CurvatureMean">Mean of the curvature k (per (ln C)²).</param>
/// <param name="CurvatureSd">Standard deviation of k.</param>
public sealed record Misspecification(double SlopeSd, double CurvatureMean, double CurvatureSd)
{
    /// <summary>
    /// The spread across the published studies of <see cref="IsoFlopCorpus.Calibration"/>, as the calibration carries it
    /// forward: the prior's slope spread, and its curvature mean and spread after the scale κ that best predicted held-out
    /// budgets (a study's curvature over its own range overstates how far it carries; docs/extrapolation.md).
    /// </summary>
    public static Misspecification FromCalibration(ExtrapolationCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        return new Misspecification(calibration.Prior.SlopeSd, calibration.Prior.CurvatureMean, calibration.Prior.CurvatureSd);
    }

    /// <summary>(b, k) of trial <paramref name="trial"/>, from stream (seed, −1 − trial), apart from the noise's streams.</summary>
    public (double Slope, double Curvature) Draw(Seed seed, long trial)
    {
        var random = seed.Random(-1 - trial - 1_000_000_000L);
        return (SlopeSd * random.NextGaussian(), CurvatureMean + (CurvatureSd * random.NextGaussian()));
    }
}
