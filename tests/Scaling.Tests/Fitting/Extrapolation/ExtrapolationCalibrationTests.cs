using Scaling.Fitting.Extrapolation;

namespace Scaling.Tests.Fitting.Extrapolation;

public class ExtrapolationCalibrationTests
{
    [Fact]
    public void Embedded_EqualsItsRecomputationFromTheEmbeddedStudies()
    {
        // The constants in the code must be what Compute gives on the corpus, so they cannot go stale.
        var computed = ExtrapolationCalibration.Compute(IsoFlopCorpus.Calibration);
        var embedded = ExtrapolationCalibration.Embedded;
        static void Close(double expected, double actual) => Assert.Equal(expected, actual, Math.Abs(expected) * 1e-9);
        Close(computed.Prior.SlopeMean, embedded.Prior.SlopeMean);
        Close(computed.Prior.SlopeSd, embedded.Prior.SlopeSd);
        Close(computed.Prior.CurvatureMean, embedded.Prior.CurvatureMean);
        Close(computed.Prior.CurvatureSd, embedded.Prior.CurvatureSd);
        Close(computed.Prior.VertexNoise, embedded.Prior.VertexNoise);
        Close(computed.CurvatureScale, embedded.CurvatureScale);
        Close(computed.DriftQuantile, embedded.DriftQuantile);
        Close(computed.Approach2Quantile, embedded.Approach2Quantile);
        Close(computed.ReachDecades, embedded.ReachDecades);
        Assert.Equal(computed.Studies, embedded.Studies);
        Assert.Equal(computed.Groups, embedded.Groups);
    }

    [Fact]
    public void Corpus_CalibrationStudies_AreTheElevenWithFinalLosses()
    {
        Assert.Equal(24, IsoFlopCorpus.All.Count);
        Assert.Equal(11, IsoFlopCorpus.Calibration.Count);
        Assert.All(IsoFlopCorpus.All, s => Assert.False(string.IsNullOrWhiteSpace(s.Citation)));
    }

    [Fact]
    public void Compute_OneGroup_Throws()
    {
        var brandfonbrener = IsoFlopCorpus.Calibration.Where(s => s.Name == "brandfonbrener2024-starcoder").ToArray();
        Assert.Throws<ArgumentException>(() => ExtrapolationCalibration.Compute(brandfonbrener));
    }

    [Fact]
    public void Compute_HigherLevel_GivesALargerQuantile()
    {
        var at80 = ExtrapolationCalibration.Compute(IsoFlopCorpus.Calibration, 0.8);
        Assert.True(at80.DriftQuantile < ExtrapolationCalibration.Embedded.DriftQuantile);
    }
}
