using System.CommandLine;
using System.Globalization;
using Scaling.Cli.Shared;
using Scaling.Fitting.Runs;
using Scaling.Text;

namespace Scaling.Cli.Commands.Synth;

/// <summary>
/// <c>scaling synth</c>: seeded synthetic training runs from a known law with log-normal noise (IsoFLOP design), as CSV,
/// for trying <c>scaling fit</c> and for the benchmarks. <c>data/benchmarks/synthetic-runs.csv</c> is its default output.
/// </summary>
internal static class SynthCommand
{
    public static Command Create(CliConsole console)
    {
        var output = CliOptions.Out("Write the CSV to this file (default: stdout).", "FILE");
        var seed = CliOptions.Seed("Random seed (default 2022).");
        var noise = CliOptions.Number("--noise", "SIGMA", "Sigma of the log-normal loss noise (default 0.01, i.e. 1%), at most 1.", "0.01", NumberRange.NonNegative);
        var runs = CliOptions.Count("--runs", "N", $"Exactly this many runs, at least one per budget of the design (default: 20-30 sizes per budget); from {CliOptions.MinSyntheticRuns}.", "240", CliOptions.MinSyntheticRuns, CliOptions.MaxRuns);
        var law = LawOption.Create();
        law.Description = "The true law: a preset name, a fit JSON or E=..,A=..,B=..,alpha=..,beta=.. (default hoffmann2022, as printed).";
        var force = CliOptions.Force();
        var command = new Command("synth", "Generate synthetic training runs (IsoFLOP design, known law, log-normal noise) as CSV.")
        {
            output, seed, noise, runs, law, force,
        };
        command.SetAction(result =>
        {
            var named = LawOption.Resolve(result.GetValue(law) ?? "hoffmann2022");
            var lossLaw = LawOption.RequireLoss(named, LawOption.Name, "generating runs").LossLaw;
            var design = SyntheticRunsDesign.Hoffmann2022 with
            {
                Law = lossLaw,
                LawName = named.Name,
                Seed = result.GetValue(seed) ?? SyntheticRunsDesign.Hoffmann2022.Seed,
                LogNoise = result.GetValue(noise) is { } n ? Noise(n) : SyntheticRunsDesign.Hoffmann2022.LogNoise,
                TotalRuns = result.GetValue(runs),
            };
            string csv = RunsCsv.Format(SyntheticRuns.Generate(design), SyntheticRuns.Describe(design, RegenerateCommand(design)));
            if (result.GetValue(output) is { } path)
            {
                OutputFile.Write("--out", path, csv, result.GetValue(force));
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {csv.Split('\n').Count(l => l.Length > 0 && l[0] != '#') - 1} synthetic runs to {path}."));
            }
            else
            {
                console.Out.Write(csv);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The command that writes the same runs again (without the output path, which does not change them).</summary>
    internal static string RegenerateCommand(SyntheticRunsDesign design) =>
        string.Create(CultureInfo.InvariantCulture, $"scaling synth --law {design.LawName} --noise {design.LogNoise:R} --seed {design.Seed}")
        + (design.TotalRuns is { } t ? string.Create(CultureInfo.InvariantCulture, $" --runs {t}") : string.Empty)
        + " --out FILE";

    private static double Noise(double value) =>
        value <= 1 ? value : throw new UsageException($"--noise is the sigma of log-normal noise and must be at most 1, got {NumberText.Exponent(value)}; for example --noise 0.01 (1%).");
}
