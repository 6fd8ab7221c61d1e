using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Scaling.Allocation;
using Scaling.Campaign;
using Scaling.Fitting;
using Scaling.Laws;

namespace Scaling.Cli;

/// <summary>
/// <c>scaling campaign</c>: designs the IsoFLOP runs to train before a big run (<c>--target-flops --campaign-flops</c>),
/// simulates how precisely they will pin down N* (<c>--simulate</c>), or proposes the next runs for runs already trained
/// (<c>--runs runs.csv --next K</c>).
/// </summary>
internal static class CampaignCommand
{
    public static Command Create(CliConsole console)
    {
        var target = new Option<string>("--target-flops") { Description = "The budget of the big run the campaign prepares, e.g. 1e24.", HelpName = "C" };
        var campaign = new Option<string>("--campaign-flops") { Description = "The compute the campaign may spend in all (Chinchilla's 9 x 8 runs: 4.1e22).", HelpName = "C" };
        var law = LawOption.Create();
        law.Description = "The law that predicts each budget's optimum (and, with --simulate, the truth): a preset, a fit JSON or E=..,A=..,B=..,alpha=..,beta=.. (default besiroglu2024).";
        var budgets = new Option<string>("--budgets") { Description = "IsoFLOP budgets (default 9).", HelpName = "K" };
        var sizes = new Option<string>("--sizes-per-budget") { Description = "Model sizes per budget (default 8).", HelpName = "K" };
        var span = new Option<string>("--span-decades") { Description = "Sizes from N*/10^s to N*·10^s around each budget's optimum (default 0.75).", HelpName = "S" };
        var spacing = new Option<string>("--spacing") { Description = "ladder: budgets 1, 3, 6 x 10^k like Chinchilla's (default); even: log-even over a 500x span, spending the whole campaign.", HelpName = "ladder|even" };
        var output = new Option<string>("--out") { Description = "Write the runs as a CSV (or, for a .xlsx name, a workbook) to fill in with losses for 'scaling fit'.", HelpName = "plan.csv|plan.xlsx" };
        var force = new Option<bool>("--force") { Description = "Replace an existing --out file." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of prose." };
        var simulate = new Option<bool>("--simulate") { Description = "Draw the campaign's losses from the law with noise many times and fit each: how precise will N* be?" };
        var noise = new Option<string>("--noise") { Description = "Noise of a run's log-loss: sigma (gaussian) or mean (exponential); default 0.01.", HelpName = "S" };
        var noiseKind = new Option<string>("--noise-kind") { Description = "gaussian (in log-loss, default) or exponential (one-sided: runs never beat the law).", HelpName = "gaussian|exponential" };
        var trials = new Option<string>("--trials") { Description = "Simulated campaigns (default 200).", HelpName = "T" };
        var resamples = new Option<string>("--resamples") { Description = "Bootstrap resamples of each simulated fit, for the coverage of its interval (default 200; 0 skips).", HelpName = "B" };
        var seed = new Option<string>("--seed") { Description = "Seed of the simulation (default 0).", HelpName = "S" };
        var runs = new Option<string>("--runs") { Description = "Runs trained so far (a runs CSV with losses), for --next.", HelpName = "runs.csv" };
        var next = new Option<string>("--next") { Description = "With --runs: propose this many next runs that most narrow N* at --target-flops.", HelpName = "K" };
        var command = new Command("campaign", "Design the IsoFLOP runs before a big run, simulate how sure they will make you, or propose what to train next.")
        {
            target, campaign, law, budgets, sizes, span, spacing, output, force, json, simulate, noise, noiseKind, trials, resamples, seed, runs, next,
        };
        command.SetAction(result =>
        {
            double targetFlops = result.GetValue(target) is { } t
                ? CliParse.Positive("--target-flops", t, "1e24")
                : throw new UsageException("--target-flops: give the budget of the big run, e.g. --target-flops 1e24.");
            bool asJson = result.GetValue(json);
            long seedValue = result.GetValue(seed) is { } s ? Seed(s) : 0;
            if (result.GetValue(runs) is { } runsPath)
            {
                int count = result.GetValue(next) is { } k ? CliParse.PositiveInteger("--next", k, "4") : 4;
                var (nextReport, nextMemo) = NextRuns(console, runsPath, targetFlops, count, seedValue, asJson);
                console.Out.WriteLine(asJson ? nextReport.ToJsonString() : nextMemo);
                return ExitCodes.Success;
            }

            if (result.GetValue(next) is not null)
            {
                throw new UsageException("--next: give the runs trained so far with --runs runs.csv.");
            }

            double campaignFlops = result.GetValue(campaign) is { } c
                ? CliParse.Positive("--campaign-flops", c, "4.1e22")
                : throw new UsageException("--campaign-flops: give the compute the campaign may spend in all, e.g. --campaign-flops 4.1e22.");
            var named = LawOption.Resolve(result.GetValue(law));
            var options = new CampaignOptions
            {
                Budgets = Count(result.GetValue(budgets), "--budgets", 9),
                SizesPerBudget = Count(result.GetValue(sizes), "--sizes-per-budget", 8),
                SpanDecades = result.GetValue(span) is { } sp ? SpanDecades(sp) : 0.75,
                Spacing = Spacing(result.GetValue(spacing)),
            };
            var design = Design(named, targetFlops, campaignFlops, options);
            var report = DesignJson(named, design, options);
            string memo = DescribeDesign(named, design, options);
            if (result.GetValue(simulate))
            {
                var truth = named is ParametricLaw parametric
                    ? parametric.LossLaw
                    : throw new UsageException($"--simulate: the law '{named.Name}' is an allocation rule and predicts no loss; simulate under a loss law such as hoffmann2022-unrounded.");
                var simulation = new SimulationOptions
                {
                    Noise = Noise(result.GetValue(noiseKind), result.GetValue(noise)),
                    Trials = result.GetValue(trials) is { } tr ? Trials(tr) : 200,
                    Resamples = result.GetValue(resamples) is { } r ? Resamples(r) : 200,
                    Seed = seedValue,
                };
                CampaignSimulation outcome;
                using (var bar = ProgressLine.Start(console, !asJson, "campaign: simulate", simulation.Trials))
                {
                    outcome = CampaignSimulator.Simulate(design, truth, simulation, bar);
                }

                CampaignReport.AddSimulation(report, outcome);
                memo += "\n\n" + CampaignReport.DescribeSimulation(named.Name, outcome);
            }
            else
            {
                foreach (var (option, name) in new[] { (noise, "--noise"), (noiseKind, "--noise-kind"), (trials, "--trials"), (resamples, "--resamples") })
                {
                    if (result.GetValue(option) is not null)
                    {
                        throw new UsageException($"{name}: only applies with --simulate.");
                    }
                }
            }

            if (result.GetValue(output) is { } outPath)
            {
                bool workbook = outPath.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
                if (workbook)
                {
                    OutputFile.Write("--out", outPath, Scaling.Reports.Workbooks.CampaignWorkbook.ToBytes(design, named.Name), result.GetValue(force));
                }
                else
                {
                    OutputFile.Write("--out", outPath, CampaignCsv.Format(design, Comments(named, design)), result.GetValue(force));
                }

                memo += workbook
                    ? $"\n\nWrote {outPath}: fill in the loss column as the runs finish, save columns A-E as CSV, then 'scaling fit FILE.csv'."
                    : $"\n\nWrote {outPath}: fill in the loss column as the runs finish, then 'scaling fit {outPath}'.";
            }

            console.Out.WriteLine(asJson ? report.ToJsonString() : memo);
            return ExitCodes.Success;
        });
        return command;
    }

    private static CampaignDesign Design(ScalingLaw named, double targetFlops, double campaignFlops, CampaignOptions options)
    {
        try
        {
            return CampaignDesigner.Design(named.Allocator(), targetFlops, campaignFlops, options);
        }
        catch (InfeasiblePlanException)
        {
            throw new UsageException($"--campaign-flops {Humanize.Scientific(campaignFlops)} is too small for {options.Budgets} budgets of {options.SizesPerBudget} runs; give more compute or fewer runs.");
        }
    }

    private static (JsonObject Report, string Memo) NextRuns(CliConsole console, string path, double targetFlops, int count, long seed, bool asJson)
    {
        var trained = FitCommand.ReadRuns(path);
        NextRunsAdvice advice;
        using (ProgressLine.Start(console, !asJson, "campaign: next runs", 1))
        {
            advice = NextRunAdvisor.Propose(trained, targetFlops, new NextRunsOptions { Runs = count, Seed = seed });
        }

        return (CampaignReport.NextRunsJson(advice), CampaignReport.DescribeNextRuns(path, trained.Count, advice));
    }

    private static JsonObject DesignJson(ScalingLaw named, CampaignDesign design, CampaignOptions options) => new()
    {
        ["law"] = named.Name,
        ["targetFlops"] = design.TargetFlops,
        ["campaignFlops"] = design.CampaignFlops,
        ["totalFlops"] = design.TotalFlops,
        ["unspentFraction"] = design.UnspentFraction,
        ["spacing"] = options.Spacing == BudgetSpacing.Ladder ? "ladder" : "even",
        ["sizesPerBudget"] = options.SizesPerBudget,
        ["spanDecades"] = options.SpanDecades,
        ["budgets"] = new JsonArray(design.BudgetsFlops.Select(b => (JsonNode?)JsonValue.Create(b)).ToArray()),
        ["runs"] = new JsonArray(design.Runs.Select(r => (JsonNode?)new JsonObject
        {
            ["budget"] = r.BudgetFlops,
            ["parameters"] = r.Parameters,
            ["tokens"] = r.Tokens,
            ["flops"] = r.Flops,
        }).ToArray()),
    };

    private static string DescribeDesign(ScalingLaw named, CampaignDesign design, CampaignOptions options)
    {
        var allocator = named.Allocator();
        string rule = options.Spacing == BudgetSpacing.Ladder ? "the 1-3-6 ladder of Chinchilla's design" : "log-even over a 500x span";
        var lines = new List<string>
        {
            $"Campaign for a {Humanize.Scientific(design.TargetFlops)}-FLOP run under '{named.Name}': {design.BudgetsFlops.Count} budgets "
                + $"{Humanize.Scientific(design.BudgetsFlops[0])} .. {Humanize.Scientific(design.LargestBudgetFlops)} FLOPs ({rule}), {options.SizesPerBudget} sizes each = {design.Runs.Count} runs.",
            Invariant($"  Compute: {Humanize.Scientific(design.TotalFlops)} FLOPs of {Humanize.Scientific(design.CampaignFlops)} ({100 * design.TotalFlops / design.CampaignFlops:0.0}%); the target is {design.ExtrapolationFactor:0} times the largest budget."),
            $"  {"budget",-10}  {"N* predicted",12}  {"sizes (parameters)",-20}  {"tokens",-20}",
        };
        foreach (double budget in design.BudgetsFlops)
        {
            var group = design.Runs.Where(r => r.BudgetFlops == budget).ToArray();
            lines.Add($"  {Humanize.Scientific(budget),-10}  {Humanize.Count(allocator.Optimum(budget).Parameters),12}  "
                + $"{Humanize.Count(group[0].Parameters) + " .. " + Humanize.Count(group[^1].Parameters),-20}  {Humanize.Count(group[0].Tokens) + " .. " + Humanize.Count(group[^1].Tokens),-20}");
        }

        lines.Add(Invariant($"  Sizes are log-even within {options.SpanDecades:0.##} decades either side of each budget's predicted optimum (centred: off-centre sampling biases an IsoFLOP parabola, Czech et al. 2026)."));
        return string.Join('\n', lines);
    }

    private static IEnumerable<string> Comments(ScalingLaw named, CampaignDesign design) =>
    [
        Invariant($"IsoFLOP campaign for a {design.TargetFlops:0.###E+0}-FLOP run, designed by 'scaling campaign' under '{named.Name}'."),
        Invariant($"{design.Runs.Count} runs, {design.TotalFlops:0.###E+0} FLOPs in all of {design.CampaignFlops:0.###E+0}. Fill in each run's final loss (nats/token), then: scaling fit FILE"),
    ];

    private static int Count(string? text, string option, int fallback) =>
        text is null ? fallback : CliParse.PositiveInteger(option, text, fallback.ToString(CultureInfo.InvariantCulture));

    private static double SpanDecades(string text)
    {
        double value = CliParse.Positive("--span-decades", text, "0.75");
        return value <= 3 ? value : throw new UsageException($"--span-decades must be at most 3 decades, got '{text}'; for example --span-decades 0.75.");
    }

    private static BudgetSpacing Spacing(string? text) => (text ?? "ladder").Trim().ToLowerInvariant() switch
    {
        "ladder" => BudgetSpacing.Ladder,
        "even" => BudgetSpacing.Even,
        _ => throw new UsageException($"--spacing: '{text}' is not a spacing; use ladder or even."),
    };

    private static LossNoise Noise(string? kind, string? text)
    {
        double scale = text is null ? 0.01 : CliParse.NonNegative("--noise", text, "0.01");
        if (scale > 1)
        {
            throw new UsageException($"--noise is in log-loss and must be at most 1, got '{text}'; for example --noise 0.01 (1%).");
        }

        return (kind ?? "gaussian").Trim().ToLowerInvariant() switch
        {
            "gaussian" => LossNoise.Gaussian(scale),
            "exponential" => LossNoise.Exponential(scale),
            _ => throw new UsageException($"--noise-kind: '{kind}' is not a noise; use gaussian or exponential."),
        };
    }

    private static int Trials(string text)
    {
        int value = CliParse.PositiveInteger("--trials", text, "200");
        return value >= 2 ? value : throw new UsageException($"--trials must be at least 2, got '{text}'; for example --trials 200.");
    }

    private static int Resamples(string text)
    {
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < 0 || value == 1)
        {
            throw new UsageException($"--resamples must be 0 (no per-trial intervals) or a whole number of at least 2, got '{text}'; for example --resamples 200.");
        }

        return value;
    }

    private static long Seed(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw new UsageException($"--seed must be a whole number, got '{text}'; for example --seed 7.");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
