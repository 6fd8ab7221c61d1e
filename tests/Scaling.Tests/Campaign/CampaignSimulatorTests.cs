using Scaling.Allocation;
using Scaling.Campaign;
using Scaling.Fitting;
using Scaling.Laws;
using Xunit.Abstractions;

namespace Scaling.Tests.Campaign;

public class CampaignSimulatorTests(ITestOutputHelper output)
{
    private static readonly LossLaw Unrounded = LawPresets.Hoffmann2022Unrounded.LossLaw!;

    private static CampaignDesign Chinchilla(double campaignFlops = 4.1e22, int sizes = 8) =>
        CampaignDesigner.Design(ComputeOptimalFrontier.Create(Unrounded), 1e24, campaignFlops, new CampaignOptions { SizesPerBudget = sizes });

    [Fact]
    public void Explore()
    {
        var design = Chinchilla();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var sim = CampaignSimulator.Simulate(design, Unrounded, new SimulationOptions { Trials = 200, Seed = 1 });
        output.WriteLine($"{watch.Elapsed.TotalSeconds} s");
        foreach (var e in new[] { sim.Approach3, sim.Approach2! })
        {
            output.WriteLine($"{e.Approach}: truth {e.TrueParameters:E4} median {e.Parameters.Estimate:E4} [{e.Parameters.Lower:E4}, {e.Parameters.Upper:E4}] width {e.RelativeWidth:F3} ± {e.RelativeWidthStandardError:F3} coverage {e.Coverage:F3} ± {e.CoverageStandardError:F3} trial width {e.MeanTrialRelativeWidth:F3} failed {e.FailedTrials}");
        }

        for (int t = 0; t < 5; t++)
        {
            var check = CampaignSimulator.CheckWarmStart(design.Runs, 1e24, Unrounded, new SimulationOptions { Seed = 1 }, t);
            output.WriteLine($"check {t}: gap {check.RelativeObjectiveGap:E2} dN {check.RelativeParametersDifference:E2}");
        }
    }
}
