using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Scaling.Allocation;
using Scaling.Campaign;
using Scaling.Laws;

namespace Scaling.Tests.Campaign;

public class RobustPlannerTests
{
    private static readonly LossLaw Besiroglu = LawPresets.Besiroglu2024.LossLaw!;

    // Plausible laws around Besiroglu et al.'s fit, with their published bootstrap standard errors for α and β
    // (Besiroglu et al. 2024, arXiv 2404.10102: 0.0154 and 0.0206), E held.
    private static Gen<LossLaw[]> Refits() =>
        Gen.Zip(Gen.Choose(-200, 200), Gen.Choose(-200, 200)).ArrayOf()
            .Where(a => a.Length >= 2)
            .Select(a => a.Select(p => LossLaw.Create(Besiroglu.E, Besiroglu.A, Besiroglu.B, Besiroglu.Alpha + (0.0154 * p.Item1 / 100), Besiroglu.Beta + (0.0206 * p.Item2 / 100))).ToArray());

    [MathProperty(MaxTest = 60)]
    public Property Plan_AnyRefits_NeverWorseThanThePointPlan_NorThanANeighbour() => Prop.ForAll(
        Refits().ToArbitrary(),
        Gen.Elements<double?>(null, 0.5, 0.9).ToArbitrary(),
        (laws, quantile) =>
        {
            var plan = RobustPlanner.Plan(Besiroglu, laws, 1e24, quantile);
            double Criterion(double n)
            {
                var losses = laws.Select(l => l.Loss(n, 1e24 / (6 * n))).Order().ToArray();
                return quantile is { } q ? Percentile(losses, q) : losses.Average();
            }

            return plan.Gain >= -1e-12
                && Criterion(plan.Parameters) <= Criterion(plan.Parameters * 1.05) + 1e-12
                && Criterion(plan.Parameters) <= Criterion(plan.Parameters / 1.05) + 1e-12;
        });

    [Fact]
    public void Plan_OneLawTwice_IsThePointPlanWithNoGain()
    {
        var plan = RobustPlanner.Plan(Besiroglu, [Besiroglu, Besiroglu], 1e24);
        Assert.Equal(1, plan.ParametersRatio, 1e-6);
        Assert.Equal(0, plan.Gain, 1e-12);
    }

    [Fact]
    public void Plan_RefitsSkewedToLargerModels_ChoosesALargerModelAndGains()
    {
        // Two of three plausible laws differ in β and want a larger model than the point fit.
        var bigger = new[] { -0.03, 0.03 }
            .Select(d => LossLaw.Create(Besiroglu.E, Besiroglu.A, Besiroglu.B, Besiroglu.Alpha, Besiroglu.Beta + d))
            .MaxBy(l => ComputeOptimalFrontier.Create(l).Optimum(1e24).Parameters)!;
        Assert.True(ComputeOptimalFrontier.Create(bigger).Optimum(1e24).Parameters > ComputeOptimalFrontier.Create(Besiroglu).Optimum(1e24).Parameters);
        var plan = RobustPlanner.Plan(Besiroglu, [Besiroglu, bigger, bigger], 1e24);
        Assert.True(plan.Parameters > plan.PointParameters);
        Assert.True(plan.Gain > 0);
    }

    [Fact]
    public void Consensus_PublishedLaws_LiesBetweenTheirOptimaWithNoMoreRegretThanAnyLawsOwnChoice()
    {
        (string, LossLaw)[] laws =
        [
            (LawPresets.Hoffmann2022.Name, LawPresets.Hoffmann2022.LossLaw!),
            (LawPresets.Hoffmann2022Unrounded.Name, LawPresets.Hoffmann2022Unrounded.LossLaw!),
            (LawPresets.Besiroglu2024.Name, LawPresets.Besiroglu2024.LossLaw!),
        ];
        var consensus = RobustPlanner.Consensus(laws, 1e24);
        Assert.InRange(consensus.Parameters, consensus.Laws.Min(l => l.OptimalParameters), consensus.Laws.Max(l => l.OptimalParameters));
        Assert.True(consensus.Spread > 1.5, consensus.Spread.ToString("R", CultureInfo.InvariantCulture)); // the laws disagree (≈ 2.2× at Gopher's budget)
        foreach (var (_, own) in laws)
        {
            double n = ComputeOptimalFrontier.Create(own).Optimum(1e24).Parameters;
            double worst = laws.Max(l => l.Item2.Loss(n, 1e24 / (6 * n)) - ComputeOptimalFrontier.Create(l.Item2).OptimalLoss(1e24));
            Assert.True(consensus.MaxRegret <= worst + 1e-12);
        }
    }

    private static double Percentile(double[] sorted, double p)
    {
        double position = p * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    [Fact]
    public void Plan_CalibratedInterval_NeverWorseThanTheForecastAndNarrowIntervalKeepsIt()
    {
        // A forecast of N* with a calibrated interval (drift, from a synthetic straight-line study): the robust size
        // minimises the expected loss over the interval, so it is never worse than the forecast's own N̂; as the interval
        // shrinks to nothing every scenario is N̂ and the robust size is N̂.
        var runs = Scaling.Tests.Fitting.Extrapolation.ParabolicStudies.Runs(
            Scaling.Tests.Fitting.Extrapolation.ParabolicStudies.Optimum(0.5), Scaling.Tests.Fitting.Extrapolation.ParabolicStudies.Budgets(1e18, 1e20, 6));
        var extrapolation = Scaling.Fitting.Extrapolation.Extrapolator.Fit(runs);
        var law = Scaling.Laws.LawPresets.Hoffmann2022.LossLaw;
        var plan = RobustPlanner.Plan(law, extrapolation, 1e23);
        Assert.True(plan.Loss <= plan.PointLoss + 1e-12);
        Assert.Equal(extrapolation.At(1e23).Parameters, plan.PointParameters, plan.PointParameters * 1e-12);

        var narrow = extrapolation with { CorpusQuantile = 1e-9, OwnQuantile = 0 };
        var sharp = RobustPlanner.Plan(law, narrow, 1e23);
        Assert.Equal(sharp.PointParameters, sharp.Parameters, sharp.PointParameters * 1e-3);
    }
}
