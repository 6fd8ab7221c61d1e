using System.Diagnostics;
using System.Globalization;
using Scaling.Allocation;
using Scaling.Fitting.Approach3;
using Scaling.Fitting.Bootstrap;
using Scaling.Fitting.Extrapolation;

// Issue 23's acceptance protocol on the real studies of data/benchmarks/isoflops, leave one study group out: each study
// is predicted with a calibration computed without its group, from its budgets at most 1/15 of its largest observed
// budget, at that budget. "Before" is the old default (Approach 3, 4,500 starts, 1,000-resample run bootstrap).
// Usage: dotnet run -c Release --project benchmarks/Extrapolation [-- --methods drift,approach2,varpro,approach3] [--no-before]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var methods = (Arg("--methods") ?? "drift,approach2,varpro").Split(',').Select(n => ExtrapolationMethodNames.Parse(n) ?? throw new ArgumentException($"unknown method {n}")).ToArray();
bool before = !args.Contains("--no-before");
var corpus = IsoFlopCorpus.Calibration;
var watch = Stopwatch.StartNew();

Console.WriteLine("Acceptance protocol, leave one study group out (trained on budgets <= 1/15 of the largest observed one):");
var drift = CorpusEvaluation.LeaveOneGroupOut(IsoFlopCorpus.All, corpus);
Console.WriteLine($"| study | protocol | trained to | target | observed N* | before: Approach 3 [95% run bootstrap] | after: drift [95% calibrated] | covered | width |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
foreach (var e in drift)
{
    string old = before ? Before(e) : "-";
    var p = e.Prediction;
    Console.WriteLine($"| {e.Study.Name} | {(e.Study.FinalLosses ? "final" : "intermediate")} | {e.TrainMaxFlops:0.0E+0} | {e.TargetFlops:0.00E+0} | {B(e.ObservedParameters)} | {old} | "
        + (p is null ? "- | - | - |" : $"{B(p.Parameters)} [{B(p.ParametersLower)}, {B(p.ParametersUpper)}] ({Pct(e.RelativeError)}) | {(e.Covered ? "yes" : "NO")} | {p.WidthRatio:0.00}x |"));
}

Console.WriteLine();
Console.WriteLine("Summary by method (LOSO; all-pairs rows weighted so each group counts once):");
Console.WriteLine("| method | studies | headline covered | median abs. error | widest | all-pairs coverage | RMS ln error <1 / 1-2 / >=2 decades |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var method in methods)
{
    var evaluations = method == ExtrapolationMethod.Drift ? drift : CorpusEvaluation.LeaveOneGroupOut(IsoFlopCorpus.All, corpus, method);
    foreach (bool final in new[] { true, false })
    {
        var set = evaluations.Where(e => e.Study.FinalLosses == final).ToArray();
        var predicted = set.Where(e => e.Prediction is not null).ToArray();
        var errors = predicted.Select(e => Math.Abs(e.RelativeError)).Order().ToArray();
        var rows = set.GroupBy(e => e.Study.Group).Select(g => g.SelectMany(e => e.Backtest.Rows).ToArray()).Where(r => r.Length > 0).ToArray();
        double Rms(double lo, double hi)
        {
            double sum = 0, weight = 0;
            foreach (var group in rows)
            {
                var bin = group.Where(r => r.Decades >= lo && r.Decades < hi).ToArray();
                if (bin.Length == 0) { continue; }
                sum += bin.Average(r => r.LogError * r.LogError);
                weight++;
            }

            return weight == 0 ? double.NaN : Math.Sqrt(sum / weight);
        }

        double coverage = rows.Average(r => r.Count(x => x.Covered) / (double)r.Length);
        Console.WriteLine($"| {method.Name()} ({(final ? "final losses" : "intermediate")}) | {set.Length} | {predicted.Count(e => e.Covered)}/{predicted.Length} | {Pct(errors[errors.Length / 2])} | {predicted.Max(e => e.Prediction!.WidthRatio):0.0}x | {coverage * 100:0.0}% | {Rms(0, 1):0.000} / {Rms(1, 2):0.000} / {Rms(2, 9):0.000} |");
    }
}

Console.WriteLine();
Console.WriteLine($"({watch.Elapsed.TotalSeconds:0} s)");

string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

static string B(double parameters) => parameters >= 1e9 ? $"{parameters / 1e9:0.00}B" : $"{parameters / 1e6:0}M";

static string Pct(double fraction) => $"{fraction * 100:+0;-0}%";

// The old default: Approach 3 on the training budgets with a run bootstrap, its own N* at the target.
static string Before(StudyEvaluation e)
{
    var runs = e.Study.Budgets.Where(b => b.Flops <= e.TrainMaxFlops).SelectMany(b => b.Runs).ToArray();
    try
    {
        var fit = ParametricFit.Fit(runs);
        var boot = ParametricBootstrap.Run(fit, new BootstrapOptions { Resamples = 1000, Flops = e.TargetFlops });
        var n = ComputeOptimalFrontier.Create(fit.Law).Optimum(e.TargetFlops).Parameters;
        var i = boot.Intervals.Plan!.Parameters;
        bool covered = i.Lower <= e.ObservedParameters && e.ObservedParameters <= i.Upper;
        return $"{B(n)} [{B(i.Lower)}, {B(i.Upper)}] ({Pct((n / e.ObservedParameters) - 1)}, {(covered ? "covered" : "missed")})";
    }
    catch (Exception ex) when (ex is ArgumentException or Scaling.ScalingException)
    {
        return "fit failed";
    }
}
