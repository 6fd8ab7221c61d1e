using System.CommandLine;
using System.Globalization;
using Scaling.Allocation;
using Scaling.Campaign;
using Scaling.Cli.Shared;
using Scaling.Fitting;
using Scaling.Fitting.Extrapolation;
using Scaling.Fitting.Runs;
using Scaling.Laws;
using Scaling.Text;

namespace Scaling.Cli.Commands.Campaign;

/// <summary>
/// <c>scaling campaign</c>: designs the IsoFLOP runs to train before a big run (<c>--target-flops --campaign-flops</c>),
/// simulates how precisely they will pin down N* (<c>--simulate</c>), or proposes the next runs for runs already trained
/// (<c>--runs runs.csv --next K</c>).
/// </summary>
internal static class CampaignCommand
{
    // Documented upper bounds: Chinchilla's campaign is 9 budgets x 8 sizes (Hoffmann et al. 2022, Fig. 3); the bounds
    // allow 100 times more runs, and simulations and proposals stay within minutes.
    private const int MaxBudgets = 100;
    private const int MaxSizesPerBudget = 100;
    private const int MaxTrials = 100_000;
    private const int MaxNextRuns = 100;

    // The smallest big run a campaign prepares: a million parameters (a budget of ~1e14 FLOPs), below the smallest
    // model of any published scaling study (Hoffmann et al. 2022 start at 70M).
    private const double MinTargetParameters = 1e6;

    public static Command Create(CliConsole console)
    {
        var target = CliOptions.Number("--target-flops", "C", "The budget of the big run the campaign prepares, e.g. 1e24.", "1e24", NumberRange.Positive);
        var campaign = CliOptions.Number("--campaign-flops", "C", "The compute the campaign may spend in all (Chinchilla's 9 x 8 runs: 4.1e22).", "4.1e22", NumberRange.Positive);
        var law = LawOption.Create();
        law.Description = "The law that predicts each budget's optimum (and, with --simulate, the truth): a preset, a fit JSON or E=..,A=..,B=..,alpha=..,beta=.. (default besiroglu2024).";
        var budgets = CliOptions.Count("--budgets", "K", "IsoFLOP budgets (default 9).", "9", 1, MaxBudgets);
        var sizes = CliOptions.Count("--sizes-per-budget", "K", "Model sizes per budget (default 8).", "8", 1, MaxSizesPerBudget);
        var span = CliOptions.Number("--span-decades", "S", "Sizes from N*/10^s to N*·10^s around each budget's optimum (default 0.75, at most 3).", "0.75", NumberRange.Positive, max: 3);
        var spacing = CliOptions.Choice<BudgetSpacing?>(
            "--spacing",
            "ladder: budgets 1, 3, 6 x 10^k like Chinchilla's (default); even: log-even over a 500x span, spending the whole campaign.",
            ("ladder", BudgetSpacing.Ladder),
            ("even", BudgetSpacing.Even));
        var output = CliOptions.Out("Write the runs as a CSV (or, for a .xlsx name, a workbook) to fill in with losses for 'scaling fit'.", "plan.csv|plan.xlsx");
        var force = CliOptions.Force();
        var json = CliOptions.Json();
        var simulate = new Option<bool>("--simulate") { Description = "Draw the campaign's losses from the law with noise many times and fit each: how precise will N* be?" };
        var noise = CliOptions.Number("--noise", "S", "Noise of a run's log-loss: sigma (gaussian) or mean (exponential); default 0.01, at most 1.", "0.01", NumberRange.NonNegative, max: 1);
        var noiseKind = CliOptions.Choice<Func<double, LossNoise>?>(
            "--noise-kind",
            "gaussian (in log-loss, default) or exponential (one-sided: runs never beat the law).",
            ("gaussian", LossNoise.Gaussian),
            ("exponential", LossNoise.Exponential));
        var exactLaw = new Option<bool>("--exact-law") { Description = "With --simulate: draw every trial from the law itself (noise only). By default each trial's optimum drifts from the law's as much as 11 published IsoFLOP studies differ, so a smaller campaign or a farther target honestly widens N*." };
        var trials = CliOptions.Count("--trials", "T", "Simulated campaigns (default 200).", "200", 2, MaxTrials);
        var resamples = CliOptions.Resamples("--resamples", "Bootstrap resamples of each simulated fit, for the coverage of its interval (default 200; 0 skips).", "200");
        var seed = CliOptions.Seed("Seed of the simulation (default 0).");
        var runs = CliOptions.File("--runs", "runs.csv", "Runs trained so far (a runs CSV with losses), for --next.", FileKind.Runs);
        var next = CliOptions.Count("--next", "K", "With --runs: propose this many next runs that most narrow N* at --target-flops.", "4", 1, MaxNextRuns);
        var command = new Command("campaign", "Design the IsoFLOP runs before a big run, simulate how sure they will make you, or propose what to train next.")
        {
            target, campaign, law, budgets, sizes, span, spacing, output, force, json, simulate, exactLaw, noise, noiseKind, trials, resamples, seed, runs, next,
        };
        command.SetAction(result =>
        {
            double targetFlops = result.GetValue(target)
                ?? throw new UsageException("--target-flops: give the budget of the big run, e.g. --target-flops 1e24.");
            bool asJson = result.GetValue(json);
            Seed seedValue = result.GetValue(seed) ?? default;
            if (result.GetValue(runs) is { } runsFile)
            {
                // The next runs come from the runs' own fit: a design's options, a law or an --out would be ignored.
                CliOptions.RefuseOthers(result, "--runs", "the next runs come from the fit of the runs trained so far", target, runs, next, seed, json);
                var (nextReport, nextMemo) = NextRuns(console, runsFile, targetFlops, result.GetValue(next) ?? 4, seedValue, asJson);
                console.Out.WriteLine(asJson ? CliJson.Write(nextReport, CliJsonContext.Default.NextRunsOutput) : nextMemo);
                return ExitCodes.Success;
            }

            if (result.GetValue(next) is not null)
            {
                throw new UsageException("--next: give the runs trained so far with --runs runs.csv.");
            }

            double campaignFlops = result.GetValue(campaign)
                ?? throw new UsageException("--campaign-flops: give the compute the campaign may spend in all, e.g. --campaign-flops 4.1e22.");
            // A fit that carries a calibrated forecast of N* plans with it (FittedPlan), so the campaign centres on the same N*.
            var fitted = LawOption.ResolveFitted(result.GetValue(law));
            var named = fitted.Law;
            var allocator = FittedPlan.Allocator(fitted);
            if (allocator.Optimum(targetFlops) is { Parameters: < MinTargetParameters } tiny)
            {
                throw new UsageException($"--target-flops {NumberText.Scientific(targetFlops)} is the budget of a {NumberText.Count(tiny.Parameters)}-parameter model under '{named.Name}', not of a run worth a campaign; give the big run's budget, e.g. --target-flops 1e24.");
            }

            if (campaignFlops >= targetFlops)
            {
                throw new UsageException($"--campaign-flops {NumberText.Scientific(campaignFlops)} is not below --target-flops {NumberText.Scientific(targetFlops)}: a campaign spends less than the run it prepares; give the big run's budget as --target-flops, e.g. 1e24.");
            }

            var options = new CampaignOptions
            {
                Budgets = result.GetValue(budgets) ?? 9,
                SizesPerBudget = result.GetValue(sizes) ?? 8,
                SpanDecades = result.GetValue(span) ?? 0.75,
                Spacing = result.GetValue(spacing) ?? BudgetSpacing.Ladder,
            };
            var design = CampaignDesigner.Design(allocator, targetFlops, campaignFlops, options);
            var plan = FittedPlan.At(fitted, targetFlops);
            var report = new CampaignOutput(CampaignDesignOutput.From(named.Name, design, options)) { Plan = CampaignPlanOutput.From(plan) };
            string memo = CampaignMemo.DescribeDesign(named, allocator, design, options, result.GetValue(simulate)) + CampaignMemo.DescribePlan(named, plan);
            if (result.GetValue(simulate))
            {
                var truth = named is ParametricLaw parametric
                    ? parametric.LossLaw
                    : throw new UsageException($"--simulate: the law '{named.Name}' is an allocation rule and predicts no loss; simulate under a loss law such as hoffmann2022-unrounded.");
                var simulation = new SimulationOptions
                {
                    Noise = (result.GetValue(noiseKind) ?? LossNoise.Gaussian)(result.GetValue(noise) ?? 0.01),
                    Trials = result.GetValue(trials) ?? 200,
                    Resamples = result.GetValue(resamples) ?? 200,
                    Seed = seedValue,
                    Misspecification = result.GetValue(exactLaw) ? null : Misspecification.FromCalibration(ExtrapolationCalibration.Embedded),
                    Calibration = ExtrapolationCalibration.Embedded,
                    Centre = fitted.Extrapolation is null ? null : allocator,
                };
                CampaignSimulation outcome;
                using (var bar = ProgressLine.Start(console, !asJson, "campaign: simulate", simulation.Trials))
                {
                    outcome = CampaignSimulator.Simulate(design, truth, simulation, bar);
                }

                report = report.With(outcome);
                memo += "\n\n" + CampaignMemo.DescribeSimulation(named.Name, outcome, plan is ForecastPlan);
            }
            else if (new Option[] { noise, noiseKind, trials, resamples, exactLaw }.FirstOrDefault(o => result.GetResult(o) is { Implicit: false }) is { } stray)
            {
                throw new UsageException($"{stray.Name}: only applies with --simulate.");
            }

            if (result.GetValue(output) is { } outPath)
            {
                memo += Write(design, named, outPath, result.GetValue(force));
            }

            console.Out.WriteLine(asJson ? CliJson.Write(report, CliJsonContext.Default.CampaignOutput) : memo);
            return ExitCodes.Success;
        });
        return command;
    }

    // Writes the design to --out (a workbook for a .xlsx name, else a CSV); returns the memo's closing line.
    private static string Write(CampaignDesign design, ScalingLaw named, string outPath, bool force)
    {
        if (outPath.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            OutputFile.Write("--out", outPath, Scaling.Reports.Workbooks.CampaignWorkbook.ToBytes(design, named.Name), force);
            return $"\n\nWrote {outPath}: fill in the loss column as the runs finish, save columns A-E as CSV, then 'scaling fit FILE.csv'.";
        }

        OutputFile.Write("--out", outPath, CampaignCsv.Format(design, CampaignMemo.Comments(named, design)), force);
        return $"\n\nWrote {outPath}: fill in the loss column as the runs finish, then 'scaling fit {outPath}'.";
    }

    private static (NextRunsOutput Report, string Memo) NextRuns(CliConsole console, InputFile file, double targetFlops, int count, Seed seed, bool asJson)
    {
        var trained = file.Read(RunsCsv.Read);
        NextRunsAdvice advice;
        using (ProgressLine.Start(console, !asJson, "campaign: next runs", 1))
        {
            advice = NextRunAdvisor.Propose(trained, targetFlops, new NextRunsOptions { Runs = count, Seed = seed });
        }

        // The headline N* at the target is the calibrated forecast's when the runs support one, as everywhere else.
        FittedPlan? plan = null;
        try
        {
            var fitted = FittedLaw.Create(ScalingLaw.Parametric(file.Path, advice.Law, $"Approach 3 fit of {file.Path}", "fitted by scaling campaign --runs"), [])
                with { Extrapolation = Extrapolator.Fit(trained) };
            plan = FittedPlan.At(fitted, targetFlops);
        }
        catch (UnusableRunsException)
        {
            // Runs without IsoFLOP budgets: the law's bootstrap interval is all there is, and the memo says so.
        }

        return (NextRunsOutput.From(advice) with { Plan = plan is null ? null : CampaignPlanOutput.From(plan)?.Plan },
            CampaignMemo.DescribePlanOfRuns(plan) + CampaignMemo.DescribeNextRuns(file.Path, trained.Count, advice));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
